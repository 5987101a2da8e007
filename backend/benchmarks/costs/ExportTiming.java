import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Streams one CSV export and prints the time to the first byte, the total time, the bytes and the lines received.
 * java ExportTiming.java <baseUrl> <accessToken> <query, e.g. from=...&to=...&group_by=run>
 */
public class ExportTiming {

    public static void main(String[] args) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + "/api/v1/costs/export.csv?" + args[2]))
            .header("Authorization", "Bearer " + args[1]).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = -1;
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (firstByte < 0 && n > 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long end = System.nanoTime();
        System.out.printf("status %d, first byte after %d ms, complete after %d ms, %,d bytes, %,d lines (header included)%n",
            response.statusCode(), (firstByte - start) / 1_000_000, (end - start) / 1_000_000, bytes, lines);
    }
}
