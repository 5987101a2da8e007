package dev.agentops.hub.approvals;

import dev.agentops.hub.policies.Facts;
import io.micronaut.json.JsonMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * What an approval is bound to: the SHA-256 (lowercase hex) of the RFC 8785 canonical JSON of
 * {@code {"agent_id": "<uuid>", "action": {...}, "policy_id": "<uuid>", "policy_version": n}}. Canonical JSON sorts
 * keys and writes numbers one way, so the SDKs and the server get the same bytes for the same action however they
 * ordered or spelled it ({@code 15} and {@code 15.0} are one number). docs/api.md "Approvals" states the rule.
 */
public final class ActionHash {

    private ActionHash() {
    }

    public static String of(JsonMapper json, UUID agentId, Map<String, Object> action, UUID policyId, int policyVersion) {
        Map<String, Object> bound = Map.of("agent_id", agentId.toString(), "action", action,
            "policy_id", policyId.toString(), "policy_version", policyVersion);
        try {
            return DigestUtils.sha256Hex(new JsonCanonicalizer(json.writeValueAsString(bound)).getEncodedUTF8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The action an {@code external_action} event says it performed, as {@link Facts#executedAction} reads it. */
    public static Map<String, Object> executed(Map<?, ?> eventPayload) {
        return Facts.executedAction(eventPayload);
    }
}
