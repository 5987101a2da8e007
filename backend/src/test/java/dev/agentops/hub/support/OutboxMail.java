package dev.agentops.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The e-mails the development outbox holds for one recipient (tests use unique addresses) whose subject starts with
 * {@code subjectPrefix} (invitations go to the same mailbox), each as "Subject\n\nbody".
 */
public final class OutboxMail {

    private OutboxMail() {
    }

    public static List<String> to(String recipient, String subjectPrefix) {
        try (Stream<Path> files = Files.list(TestOutbox.DIRECTORY)) {
            return files.sorted().map(OutboxMail::read)
                .filter(mail -> mail.startsWith("To: " + recipient + "\n"))
                .map(mail -> mail.substring(mail.indexOf("Subject: ") + "Subject: ".length()))
                .filter(mail -> mail.startsWith(subjectPrefix))
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
