package dev.agentops.hub.faults;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Redis server of this test alone (never the shared one other tests use), run as a child process whose pid we own,
 * so that a test can kill it ({@code SIGKILL}), hang it ({@code SIGSTOP}/{@code SIGCONT}) or start it again on the same
 * port. The binary is the one the embedded-redis library ships; nothing is persisted.
 */
final class RedisProcess implements AutoCloseable {

    private final int port;
    private final List<String> command;
    private Process process;

    private RedisProcess(int port, List<String> command) {
        this.port = port;
        this.command = command;
    }

    static RedisProcess start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").buildCommandArgs();
            RedisProcess redis = new RedisProcess(port, command);
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the server and everything it held are gone; clients see their connections reset. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** {@code kill -STOP}: the process keeps its sockets open and answers nothing, like a hung server. */
    void hang() {
        signal("STOP");
    }

    /** {@code kill -CONT}: the hung server carries on with what it had received. */
    void resume() {
        signal("CONT");
        awaitPong();
    }

    /** A fresh, empty server on the same port (after {@link #kill}). */
    void restart() {
        launch();
    }

    /** True when the server answers PING within half a second. */
    boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            InputStream in = socket.getInputStream();
            int read = in.readNBytes(reply, 0, 7);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start redis-server", e);
        }
        awaitPong();
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not answer within 10 s");
            }
            Faults.pause(20);
        }
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
