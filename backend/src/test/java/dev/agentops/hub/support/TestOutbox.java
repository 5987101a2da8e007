package dev.agentops.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the development e-mail outbox the application writes to in tests (no SMTP configured). */
public final class TestOutbox {

    public static final Path DIRECTORY = createDirectory();

    private TestOutbox() {
    }

    /** The newest link to {@code path} (e.g. "/reset-password") in an e-mail to {@code to}, waiting briefly for async sends. */
    public static String latestLink(String to, String path) {
        Pattern link = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\?token=(\\S+)");
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Stream<Path> files = Files.list(DIRECTORY)) {
                var found = files.sorted(Comparator.reverseOrder()).map(TestOutbox::read)
                    .filter(mail -> mail.startsWith("To: " + to + "\n"))
                    .map(link::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No e-mail to " + to + " with a " + path + " link in " + DIRECTORY);
    }

    /** The newest e-mail to {@code to} whose text contains {@code containing}, waiting briefly for async sends. */
    public static String latestMail(String to, String containing) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Stream<Path> files = Files.list(DIRECTORY)) {
                var found = files.sorted(Comparator.reverseOrder()).map(TestOutbox::read)
                    .filter(mail -> mail.startsWith("To: " + to + "\n") && mail.contains(containing)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No e-mail to " + to + " containing \"" + containing + "\" in " + DIRECTORY);
    }

    /** Every e-mail to {@code to} so far. */
    public static List<String> mailsTo(String to) {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(TestOutbox::read).filter(mail -> mail.startsWith("To: " + to + "\n")).toList();
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

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("agentops-outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
