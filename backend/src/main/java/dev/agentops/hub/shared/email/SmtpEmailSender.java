package dev.agentops.hub.shared.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/** Sends through the SMTP server named by {@code SMTP_HOST} (STARTTLS when offered). */
@Singleton
@Requires(property = "agentops.smtp.host")
public class SmtpEmailSender implements EmailSender {

    private final Session session;
    private final String from;

    public SmtpEmailSender(@Value("${agentops.smtp.host}") String host,
                           @Value("${agentops.smtp.port:587}") int port,
                           @Nullable @Value("${agentops.smtp.username:}") String username,
                           @Nullable @Value("${agentops.smtp.password:}") String password,
                           @Value("${agentops.smtp.from:no-reply@agentops.local}") String from) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        boolean auth = username != null && !username.isBlank();
        properties.put("mail.smtp.auth", String.valueOf(auth));
        this.session = auth
            ? Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            })
            : Session.getInstance(properties);
        this.from = from;
    }

    @Override
    public void send(EmailMessage message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(from));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.body(), "UTF-8");
            Transport.send(mime);
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP delivery failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
