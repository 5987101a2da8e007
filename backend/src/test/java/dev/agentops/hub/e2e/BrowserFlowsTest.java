package dev.agentops.hub.e2e;

import dev.agentops.hub.support.AppTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the web app in a real browser (Debian's chromium through playwright-core) against this real server.
 * The flows live in frontend/e2e/*.mjs; screenshots land in frontend/e2e/screenshots/ (git-ignored).
 * Without a chromium the test is aborted with a message, except under CI (CI set), where that is a failure.
 */
@MicronautTest(transactional = false)
class BrowserFlowsTest extends AppTest {

    private static final Path FRONTEND = Path.of("../frontend").toAbsolutePath().normalize();

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    // controls-flow.mjs runs the real SDK, built after the backend: sdk-js's test/browser-flows.test.ts runs it
    @ValueSource(strings = {"smoke.mjs", "auth-flow.mjs", "five-minute-flow.mjs", "csp.mjs", "budgets-flow.mjs"})
    void flowPassesInChromium(String flow) throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "No chromium at " + chromium + ": install it (apt-get install chromium) or set CHROMIUM_PATH";
            assertThat(System.getenv("CI")).as(message).isNull();
            Assumptions.abort(message);
        }
        assertThat(FRONTEND.resolve("node_modules/playwright-core")).as("frontend dependencies installed by the Maven build").exists();
        Path node = FRONTEND.resolve("target/node/node");
        Process process = new ProcessBuilder(List.of(Files.isExecutable(node) ? node.toString() : "node",
            "e2e/" + flow, server.getURL().toString()))
            .directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(flow + " did not finish within 3 minutes");
        }
        assertThat(process.exitValue()).as(flow + " exit code (its output is above)").isZero();
    }
}
