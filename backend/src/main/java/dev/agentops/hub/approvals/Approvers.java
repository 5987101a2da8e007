package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Role;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Who may decide a request: {@code role:<role>} is that role or above (roles are cumulative), {@code user:<id>}
 * one person. Only people decide; an API key never matches. The caller also needs {@code approvals:decide}.
 */
public final class Approvers {

    /** What a rule that names nobody falls back to. */
    public static final List<String> DEFAULT = List.of("role:team_lead");

    private Approvers() {
    }

    public static boolean eligible(Actor actor, List<String> approvers) {
        return actor.isUser() && actor.role() != null && approvers.stream().anyMatch(entry -> {
            String value = entry.substring(entry.indexOf(':') + 1);
            return entry.startsWith("role:") ? Role.fromKey(value.toLowerCase(Locale.ROOT))
                    .filter(role -> actor.role().ordinal() >= role.ordinal()).isPresent()
                : entry.startsWith("user:") && value.equalsIgnoreCase(actor.id().toString());
        });
    }

    /** Well-formed entries only ({@code role:<known role>} or {@code user:<uuid>}), lowercased, at most 20. */
    public static List<String> clean(List<String> approvers) {
        List<String> clean = approvers == null ? List.of() : approvers.stream()
            .map(a -> a == null ? "" : a.trim().toLowerCase(Locale.ROOT))
            .filter(Approvers::wellFormed)
            .distinct().limit(20).toList();
        return clean.isEmpty() ? DEFAULT : clean;
    }

    private static boolean wellFormed(String entry) {
        if (entry.startsWith("role:")) {
            return Role.fromKey(entry.substring(5)).isPresent();
        }
        if (entry.startsWith("user:")) {
            try {
                UUID.fromString(entry.substring(5));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}
