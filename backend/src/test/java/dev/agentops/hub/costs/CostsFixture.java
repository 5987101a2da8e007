package dev.agentops.hub.costs;

import dev.agentops.hub.support.Api;

import java.util.List;
import java.util.Map;

/** An organization with one caller of every kind, for the role tests of the cost and budget endpoints. */
final class CostsFixture {

    private CostsFixture() {
    }

    /** Caller name to credential (access token or API key); "anonymous" maps to null. */
    static Map<String, String> everyCaller(Api api, Api.Session admin) {
        return api.everyCaller(admin, "read", "ingest", "admin");
    }

    /** Who may read costs and budgets (runs:read). */
    static final List<String> READERS = List.of("viewer", "member", "team_lead", "admin", "key:read", "key:admin");
    /** Who may change budgets (budgets:manage). */
    static final List<String> MANAGERS = List.of("team_lead", "admin", "key:admin");

    static int expected(String caller, List<String> allowed, int success) {
        if (allowed.contains(caller)) {
            return success;
        }
        return caller.equals("anonymous") ? 401 : 403;
    }

    static Map<String, Object> run(String id, String agent, String start, String model, int input, int output) {
        return Map.of("run_id", id, "agent_id", agent, "status", "completed", "start_time", start, "end_time", start,
            "model", model, "token_usage", Map.of("input_tokens", input, "output_tokens", output));
    }
}
