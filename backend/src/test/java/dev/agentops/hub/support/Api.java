package dev.agentops.hub.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real HTTP calls to the running app, answered as status + JSON body, never thrown. */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";

    private final HttpClient client;

    public Api(HttpClient client) {
        this.client = client;
    }

    public record Response(int status, Map<String, Object> body, HttpResponse<?> raw) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> data() {
            return (Map<String, Object>) body.get("data");
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body.get("data");
        }

        public String code() {
            return String.valueOf(body.get("code"));
        }

        public String header(String name) {
            return raw.getHeaders().get(name);
        }
    }

    /** A signed-in user of a fresh organization. */
    public record Session(String email, String accessToken, String refreshToken, UUID userId, UUID organizationId) {
    }

    public Response call(String method, String path, Object body, String bearer) {
        MutableHttpRequest<Object> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path);
        if (body != null) {
            request.body(body);
        }
        if (bearer != null) {
            if (bearer.startsWith("aoh_")) {
                request.header("X-API-Key", bearer);
            } else {
                request.bearerAuth(bearer);
            }
        }
        try {
            HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
            return new Response(response.code(), response.getBody().orElse(Map.of()), response);
        } catch (HttpClientResponseException e) {
            Map<String, Object> error = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
            return new Response(e.getStatus().getCode(), error, e.getResponse());
        }
    }

    public Response get(String path, String bearer) {
        return call("GET", path, null, bearer);
    }

    public Response post(String path, Object body, String bearer) {
        return call("POST", path, body == null ? Map.of() : body, bearer);
    }

    /**
     * A new organization's admin, signed in: signup, then the confirmation link that the development outbox lets the
     * answer carry (the tests run without SMTP).
     */
    public Session signup() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        Response response = post("/api/v1/auth/signup", Map.of("email", email, "password", PASSWORD,
            "full_name", "Test User", "organization_name", "Org " + email.substring(5, 13)), null);
        if (response.status() != 202 || response.data().get("confirm_url") == null) {
            throw new AssertionError("signup failed: " + response.body());
        }
        Response confirmed = confirmSignup(tokenOf(String.valueOf(response.data().get("confirm_url"))));
        if (confirmed.status() != 201) {
            throw new AssertionError("signup confirmation failed: " + confirmed.body());
        }
        return session(email, confirmed.data());
    }

    public Response confirmSignup(String token) {
        return post("/api/v1/auth/signup/confirm", Map.of("token", token), null);
    }

    /** The token of a one-time link ({@code ...?token=...}). */
    public static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    public Session login(String email, String password) {
        Response response = post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response.body());
        }
        return session(email, response.data());
    }

    /** Invites {@code role} into the admin's organization and accepts the invitation as a new user. */
    public Session member(Session admin, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        Response invite = post("/api/v1/org-members", Map.of("email", email, "role", role, "teams", List.of("ml")), admin.accessToken());
        if (invite.status() != 201) {
            throw new AssertionError("invite failed: " + invite.body());
        }
        String url = String.valueOf(invite.data().get("invite_url"));
        String token = url.substring(url.indexOf("token=") + 6);
        Response accepted = post("/api/v1/auth/accept-invite", Map.of("token", token, "password", PASSWORD, "full_name", "Member"), null);
        if (accepted.status() != 200) {
            throw new AssertionError("accept failed: " + accepted.body());
        }
        return session(email, accepted.data());
    }

    public String apiKey(Session admin, String... scopes) {
        Response created = post("/api/v1/api-keys", Map.of("name", "test key", "scopes", List.of(scopes)), admin.accessToken());
        if (created.status() != 201) {
            throw new AssertionError("key creation failed: " + created.body());
        }
        return String.valueOf(created.data().get("key"));
    }

    /**
     * For role tests: a member of every role, an API key per named scope (named {@code key:<scope>}) and
     * {@code anonymous} (a null credential), each mapped to its credential.
     */
    public Map<String, String> everyCaller(Session admin, String... keyScopes) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String role : List.of("viewer", "member", "team_lead")) {
            callers.put(role, member(admin, role).accessToken());
        }
        callers.put("admin", admin.accessToken());
        for (String scope : keyScopes) {
            callers.put("key:" + scope, apiKey(admin, scope));
        }
        callers.put("anonymous", null);
        return callers;
    }

    @SuppressWarnings("unchecked")
    private static Session session(String email, Map<String, Object> data) {
        Map<String, Object> user = (Map<String, Object>) data.get("user");
        Map<String, Object> organization = (Map<String, Object>) data.get("organization");
        return new Session(email, String.valueOf(data.get("access_token")), String.valueOf(data.get("refresh_token")),
            UUID.fromString(String.valueOf(user.get("id"))), UUID.fromString(String.valueOf(organization.get("id"))));
    }
}
