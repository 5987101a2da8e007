package dev.agentops.hub.faults;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's ledger checked against what the server stored (the idea of backend/benchmarks/ingest/LedgerCheck.java):
 * each run acknowledged with 202 must be stored exactly once. Reads every run of the organization over the API.
 */
final class Ledger {

    private static final Pattern REFERENCE = Pattern.compile("\"external_reference\"\\s*:\\s*\"([^\"]+)\"");

    record Check(int acknowledged, int missing, int duplicated, List<String> someMissing) {
        boolean holds() {
            return missing == 0 && duplicated == 0;
        }
    }

    private Ledger() {
    }

    /** Waits up to {@code drain} for the workers to store every acknowledged run, then reports what is missing. */
    static Check check(String base, String accessToken, List<String> acknowledged, Duration drain) {
        Check[] last = new Check[1];
        Faults.within(drain, () -> {
            last[0] = once(base, accessToken, acknowledged);
            return last[0].missing() == 0;
        });
        return last[0];
    }

    private static Check once(String base, String accessToken, List<String> acknowledged) {
        Map<String, Integer> stored = storedRuns(base, accessToken);
        List<String> missing = acknowledged.stream().filter(id -> !stored.containsKey(id)).toList();
        int duplicated = (int) acknowledged.stream().filter(id -> stored.getOrDefault(id, 0) > 1).count();
        return new Check(acknowledged.size(), missing.size(), duplicated, missing.stream().limit(5).toList());
    }

    /** external_reference → how many runs carry it. */
    static Map<String, Integer> storedRuns(String base, String accessToken) {
        Map<String, Integer> stored = new HashMap<>();
        String cursor = null;
        do {
            Faults.Answer page = Faults.expect(200, Faults.get(base, "/api/v1/runs?limit=200"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), accessToken));
            Matcher m = REFERENCE.matcher(page.body());
            while (m.find()) {
                stored.merge(m.group(1), 1, Integer::sum);
            }
            cursor = Faults.field(page.body(), "next_cursor");
        } while (cursor != null);
        return stored;
    }
}
