package dev.agentops.hub.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on a local socket that answers like a real one (and keeps each message), until {@link #goSilent}:
 * from then on it accepts connections and never says a word, like a server that hangs.
 */
final class FakeSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    FakeSmtp() throws IOException {
        server = new ServerSocket(0);
        Thread acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void goSilent() {
        silent = true;
    }

    /** Connections accepted while silent (each one is a sender waiting for a greeting that never comes). */
    int heldConnections() {
        return held.size();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (silent) {
                    held.add(socket);
                } else {
                    Thread conversation = new Thread(() -> converse(socket), "fake-smtp-session");
                    conversation.setDaemon(true);
                    conversation.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
             var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 fake SMTP");
            StringBuilder message = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (message != null) {
                    if (line.equals(".")) {
                        messages.add(message.toString());
                        message = null;
                        reply(out, "250 queued");
                    } else {
                        message.append(line).append('\n');
                    }
                } else if (line.startsWith("EHLO") || line.startsWith("HELO")) {
                    reply(out, "250 fake");
                } else if (line.equals("DATA")) {
                    message = new StringBuilder();
                    reply(out, "354 go ahead");
                } else if (line.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
