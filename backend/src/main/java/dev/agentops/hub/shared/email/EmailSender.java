package dev.agentops.hub.shared.email;

/** The one way the product sends e-mail (invitations, password resets). */
public interface EmailSender {

    void send(EmailMessage message);

    /**
     * False for the development outbox, whose messages reach nobody: only then may a one-time link (an invitation)
     * be shown to the person who asked for it instead of its recipient.
     */
    default boolean reachesRecipients() {
        return true;
    }
}
