package dev.agentops.sdk.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Request bodies in the JSON Canonicalization Scheme (RFC 8785): keys sorted by UTF-16 code units, numbers as
 * ECMAScript prints them, minimal string escapes, no whitespace. The TypeScript SDK writes the same form, so both SDKs
 * send byte-equal bodies for the same calls ({@code docs/contract/sdk-payloads.json} proves it), and an
 * {@code Idempotency-Key} always covers one exact byte sequence.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Jackson writes the value (maps, lists, records, {@code java.time} values), then RFC 8785 canonicalises it. */
    public static byte[] encode(ObjectMapper mapper, Object value) {
        try {
            return new JsonCanonicalizer(mapper.writeValueAsString(value)).getEncodedUTF8();
        } catch (IOException | IllegalArgumentException e) {
            throw new AgentOpsException("could not serialise the request body: " + e.getMessage(), 0, null, null, e);
        }
    }
}
