package dev.agentops.hub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small tools of the fault tests: plain HTTP (the app may be another process), deadlines, free ports. */
final class Faults {

    static final String PASSWORD = "correct horse battery staple";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();

    private Faults() {
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        String field(String name) {
            return Faults.field(body, name);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A signed-in admin of a fresh organization, an agent (by slug) and an API key with the ingest and read scopes. */
    record Tenant(String accessToken, String agent, String agentId, String apiKey, String apiKeyId, String organizationId, String email) {
    }

    static Answer call(String method, String base, String path, String credential, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header(credential.startsWith("aoh_") ? "X-API-Key" : "Authorization",
                credential.startsWith("aoh_") ? credential : "Bearer " + credential);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer get(String base, String path, String credential) {
        return call("GET", base, path, credential, null);
    }

    static Answer post(String base, String path, String credential, String json) {
        return call("POST", base, path, credential, json);
    }

    /** Signup (the answer carries the confirmation link when no SMTP is configured), agent, key. */
    static Tenant tenant(String base) {
        String email = "faults-" + UUID.randomUUID() + "@example.com";
        Answer signup = expect(202, post(base, "/api/v1/auth/signup", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
            + "\",\"full_name\":\"Fault Tester\",\"organization_name\":\"Faults " + email.substring(7, 13) + "\"}"));
        return tenantFromConfirmation(base, email, signup.field("confirm_url"));
    }

    static Tenant tenantFromConfirmation(String base, String email, String confirmUrl) {
        String token = confirmUrl.substring(confirmUrl.indexOf("token=") + 6);
        Answer confirmed = expect(201, post(base, "/api/v1/auth/signup/confirm", null, "{\"token\":\"" + token + "\"}"));
        String access = confirmed.field("access_token");
        String organization = confirmed.body().replaceAll("(?s).*\"organization\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Answer agent = expect(201, post(base, "/api/v1/agents", access, "{\"name\":\"Fault agent\",\"team\":\"ml\"}"));
        Answer key = expect(201, post(base, "/api/v1/api-keys", access, "{\"name\":\"faults\",\"scopes\":[\"ingest\",\"read\"]}"));
        String keyId = key.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String agentId = agent.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return new Tenant(access, agent.field("slug"), agentId, key.field("key"), keyId, organization, email);
    }

    static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    /** A completed run of one LLM call, priced from the catalog (gpt-4o-mini). */
    static String run(String runId, String agent) {
        String now = Instant.now().toString();
        return "{\"run_id\":\"" + runId + "\",\"agent_id\":\"" + agent + "\",\"status\":\"completed\",\"start_time\":\"" + now
            + "\",\"end_time\":\"" + now + "\",\"model\":\"gpt-4o-mini\",\"token_usage\":{\"input_tokens\":1000,\"output_tokens\":100},"
            + "\"events\":[{\"event_id\":\"e1\",\"event_type\":\"llm_call\",\"timestamp\":\"" + now + "\",\"model\":\"gpt-4o-mini\"}]}";
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json == null ? "" : json);
        return m.find() ? m.group(1) : null;
    }

    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json == null ? "" : json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Polls until {@code condition} holds; false when the deadline passed first. */
    static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(50);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
