package dev.agentops.hub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as its own OS process ({@code java -cp <this JVM's class path> dev.agentops.hub.Application}), in
 * zero-config mode: embedded PostgreSQL with its data in {@code dataDir}, no Redis, no SMTP. What {@code java -jar}
 * does on a fresh machine, minus the jar, so that a test can {@code kill -9} it.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final String base;

    private AppProcess(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts the app and waits until {@code /health} answers 200. */
    static AppProcess start(Path dataDir, int port, Path log) {
        String classPath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", classPath, "dev.agentops.hub.Application"));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AGENTOPS_") || name.startsWith("DATABASE_") || name.startsWith("REDIS_")
            || name.startsWith("SMTP_") || name.startsWith("MICRONAUT_") || name.startsWith("TEST_"));
        env.put("AGENTOPS_DATA_DIR", dataDir.toString());
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("AGENTOPS_RATE_LIMITS_SIGNUP_IP", "1000/1s burst 1000");
        env.put("AGENTOPS_RATE_LIMITS_API_KEY", "100000/1s burst 100000");
        env.put("AGENTOPS_RATE_LIMITS_ORG_INGEST_EVENTS", "1000000/1s burst 1000000");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppProcess app = new AppProcess(process, log, "http://127.0.0.1:" + port);
        long started = System.nanoTime();
        boolean up = Faults.within(Duration.ofSeconds(90), () -> !process.isAlive() || app.healthy());
        System.out.printf("AppProcess: pid %d healthy after %d ms%n", process.pid(), (System.nanoTime() - started) / 1_000_000);
        if (!up || !process.isAlive()) {
            app.close();
            throw new AssertionError("the app did not start (alive: " + process.isAlive() + "); its log ends with:\n" + app.logTail());
        }
        return app;
    }

    private boolean healthy() {
        try {
            return Faults.get(base, "/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs; the embedded PostgreSQL is left behind, orphaned. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A normal stop (SIGTERM: the shutdown hooks stop the embedded PostgreSQL); killed when it takes too long. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After a failed test: the PostgreSQL a killed app left on {@code dataDir}, if any, is stopped (fast shutdown). */
    static void stopOrphanedPostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)).ifPresent(p -> {
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // nothing left to stop
        }
    }
}
