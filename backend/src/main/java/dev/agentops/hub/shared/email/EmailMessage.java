package dev.agentops.hub.shared.email;

/** A plain-text e-mail. */
public record EmailMessage(String to, String subject, String body) {
}
