package dev.agentops.hub.shared.email;

/** The one way the product sends e-mail (invitations, password resets). */
public interface EmailSender {

    void send(EmailMessage message);
}
