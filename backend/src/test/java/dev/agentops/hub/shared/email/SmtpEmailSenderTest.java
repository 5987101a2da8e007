package dev.agentops.hub.shared.email;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP sender against a real SMTP conversation (a minimal server on a local socket). */
class SmtpEmailSenderTest {

    @Test
    void deliversTheMessageOverSmtp() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<List<String>> conversation = CompletableFuture.supplyAsync(() -> serveOne(server));
            new SmtpEmailSender("127.0.0.1", server.getLocalPort(), null, null, "hub@agentops.test")
                .send(new EmailMessage("ada@example.com", "You are invited", "Accept here: http://localhost/accept-invite?token=x"));
            List<String> lines = conversation.get(10, TimeUnit.SECONDS);
            assertThat(lines).contains("MAIL FROM:<hub@agentops.test>", "RCPT TO:<ada@example.com>");
            assertThat(String.join("\n", lines)).contains("Subject: You are invited").contains("accept-invite?token=x");
        }
    }

    @Test
    void anUnreachableServerIsAnErrorWithoutItsSecrets() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        var sender = new SmtpEmailSender("127.0.0.1", closedPort, "user", "smtp-password-123", "hub@agentops.test");
        assertThatThrownBy(() -> sender.send(new EmailMessage("a@b.co", "s", "b")))
            .hasMessageStartingWith("SMTP delivery failed").hasMessageNotContaining("smtp-password-123");
    }

    private static List<String> serveOne(ServerSocket server) {
        List<String> received = new ArrayList<>();
        try (Socket socket = server.accept();
             var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            out.print("220 test SMTP\r\n");
            out.flush();
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        reply(out, "250 queued");
                    }
                    continue;
                }
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                switch (verb) {
                    case "EHLO" -> reply(out, "250 test");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "DATA" -> {
                        data = true;
                        reply(out, "354 go on");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return received;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (Exception e) {
            received.add("ERROR " + e);
        }
        return received;
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
