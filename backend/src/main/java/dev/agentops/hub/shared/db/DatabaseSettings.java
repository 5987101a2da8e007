package dev.agentops.hub.shared.db;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is and who logs in, read from the environment.
 *
 * <p>{@code DATABASE_URL} (JDBC {@code jdbc:postgresql://...} or {@code postgres://user:pass@host:port/db}) with
 * {@code DATABASE_USER}/{@code DATABASE_PASSWORD} names the <em>owner</em> login that runs the migrations. The
 * application pool logs in as {@code DATABASE_APP_USER} (a role bound by row-level security). Without
 * {@code DATABASE_URL} an embedded PostgreSQL keeps its data in {@code AGENTOPS_DATA_DIR}.
 */
public record DatabaseSettings(
    Optional<String> jdbcUrl,
    String ownerUser,
    String ownerPassword,
    String appUser,
    Optional<String> appPassword,
    Path dataDirectory) {

    public static final String DEFAULT_APP_USER = "agentops_app";

    public static DatabaseSettings from(Map<String, String> env) {
        Optional<String> rawUrl = nonBlank(env.get("DATABASE_URL"));
        String user = nonBlank(env.get("DATABASE_USER")).orElse(null);
        String password = nonBlank(env.get("DATABASE_PASSWORD")).orElse(null);
        Optional<String> jdbcUrl = Optional.empty();
        if (rawUrl.isPresent()) {
            ParsedUrl parsed = ParsedUrl.parse(rawUrl.get());
            jdbcUrl = Optional.of(parsed.jdbcUrl());
            user = user != null ? user : parsed.user();
            password = password != null ? password : parsed.password();
        }
        return new DatabaseSettings(
            jdbcUrl,
            user,
            password == null ? "" : password,
            nonBlank(env.get("DATABASE_APP_USER")).orElse(DEFAULT_APP_USER),
            nonBlank(env.get("DATABASE_APP_PASSWORD")),
            Path.of(nonBlank(env.get("AGENTOPS_DATA_DIR")).orElse(".agentops-data")).toAbsolutePath().normalize());
    }

    public boolean embedded() {
        return jdbcUrl.isEmpty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Accepts both JDBC URLs and the libpq URIs that hosted providers (Supabase, Heroku...) hand out. */
    record ParsedUrl(String jdbcUrl, String user, String password) {
        static ParsedUrl parse(String url) {
            if (url.startsWith("jdbc:postgresql:")) {
                return new ParsedUrl(url, null, null);
            }
            if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
                throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
            }
            URI uri = URI.create(url);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new ParsedUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query, user, password);
        }

        private static String decode(String value) {
            return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
