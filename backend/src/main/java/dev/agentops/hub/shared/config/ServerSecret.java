package dev.agentops.hub.shared.config;

import dev.agentops.hub.shared.security.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The server secret signs access tokens and derives the keys that encrypt TOTP seeds. It comes from
 * {@code AGENTOPS_SECRET}. In zero-config mode a random one is generated once and kept (owner-readable only) in the
 * data folder, so restarts keep sessions; with an external database it must be set, because every instance needs
 * the same one and a generated default must never end up in production.
 */
final class ServerSecret {

    static final int MIN_LENGTH = 32;

    private ServerSecret() {
    }

    static String resolve(String fromEnvironment, Path dataDirectory, boolean embeddedDatabase) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            if (fromEnvironment.length() < MIN_LENGTH) {
                throw new IllegalStateException("AGENTOPS_SECRET must be at least " + MIN_LENGTH + " characters long");
            }
            return fromEnvironment;
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("AGENTOPS_SECRET is required with DATABASE_URL (at least " + MIN_LENGTH
                + " random characters, the same on every instance), e.g. openssl rand -base64 48");
        }
        Path file = dataDirectory.resolve("server-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDirectory);
            String secret = Secrets.randomToken(64);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file systems (Windows) keep their default ACLs
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }
}
