package dev.agentops.hub.support;

import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.email.EmailSender;
import dev.agentops.hub.shared.email.OutboxEmailSender;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for a configured SMTP server (e-mail that reaches its recipients), for tests of what the answers hold
 * when the server is not a development one. On only with {@code test.email.recording=true}.
 */
@Singleton
@Replaces(OutboxEmailSender.class)
@Requires(property = "test.email.recording", value = "true")
public class RecordingEmailSender implements EmailSender {

    private final List<EmailMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(EmailMessage message) {
        sent.add(message);
    }

    /** The newest message to {@code to} whose body contains {@code containing}, waiting briefly for async sends. */
    public EmailMessage latest(String to, String containing) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                EmailMessage message = sent.get(i);
                if (message.to().equals(to) && message.body().contains(containing)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No e-mail to " + to + " containing \"" + containing + "\" among " + sent.size());
    }
}
