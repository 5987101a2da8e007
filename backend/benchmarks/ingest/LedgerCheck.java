import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a ledger written by IngestLoad ("<access token> <run_id>" per acknowledged run): each run must be stored
 * exactly once. Waits up to two minutes for the workers to drain the queue after a restart.
 * java LedgerCheck.java <baseUrl> <ledgerFile>
 */
public class LedgerCheck {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> ledger = Files.readAllLines(Path.of(args[1]));
        HttpClient http = HttpClient.newHttpClient();
        Pattern id = Pattern.compile("\"external_reference\":\"([^\"]+)\"");
        int missing = 0;
        int doubled = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        for (String line : ledger) {
            String[] parts = line.split(" ");
            int found;
            do {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs?external_reference=" + parts[1]))
                    .header("Authorization", "Bearer " + parts[0]).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = id.matcher(response.body());
                found = 0;
                while (m.find()) {
                    found++;
                }
                if (found == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
            } while (found == 0 && System.currentTimeMillis() < deadline);
            if (found == 0) {
                missing++;
            } else if (found > 1) {
                doubled++;
            }
        }
        System.out.printf("ledger: %d acknowledged runs, %d missing, %d stored more than once%n", ledger.size(), missing, doubled);
        if (missing > 0 || doubled > 0) {
            System.exit(1);
        }
    }
}
