package dev.agentops.hub.auth;

import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.email.EmailSender;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/** The e-mails of signup and password reset: sent in the background, so a slow mail server never slows an answer. */
@Singleton
class AuthMails {

    private static final Logger LOG = LoggerFactory.getLogger(AuthMails.class);

    private final EmailSender email;
    private final ExecutorService background;
    private final String publicUrl;

    AuthMails(EmailSender email, @Named(TaskExecutors.BLOCKING) ExecutorService background,
              @Value("${agentops.public-url}") String publicUrl) {
        this.email = email;
        this.background = background;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The app's public address, without a trailing slash, for links in e-mails. */
    String publicUrl() {
        return publicUrl;
    }

    /** Whether an e-mail really reaches its recipient (not the development outbox). */
    boolean reachesRecipients() {
        return email.reachesRecipients();
    }

    void sendQuietly(EmailMessage message) {
        background.execute(() -> {
            try {
                email.send(message);
            } catch (RuntimeException e) {
                LOG.warn("Could not send \"{}\": {}", message.subject(), e.getMessage());
            }
        });
    }
}
