package dev.agentops.hub.shared.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Development sender, used when no SMTP server is configured: writes each e-mail to a file in the outbox folder
 * and logs where. The links in these e-mails carry one-time tokens, which must never enter a log line, so the
 * log names the file and the reader opens it.
 */
@Singleton
@Requires(missingProperty = "agentops.smtp.host")
public class OutboxEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxEmailSender.class);
    private final Path outbox;

    public OutboxEmailSender(@Value("${agentops.email.outbox-dir}") String outbox) {
        this.outbox = Path.of(outbox).toAbsolutePath().normalize();
    }

    @Override
    public boolean reachesRecipients() {
        return false;
    }

    @Override
    public void send(EmailMessage message) {
        Path file = outbox.resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".txt");
        try {
            Files.createDirectories(outbox);
            Files.writeString(file, "To: " + message.to() + "\nSubject: " + message.subject() + "\n\n" + message.body() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the development e-mail", e);
        }
        LOG.info("Development e-mail (no SMTP configured) \"{}\" written to {}", message.subject(), file);
    }

    public Path outbox() {
        return outbox;
    }
}
