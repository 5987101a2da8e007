package dev.agentops.hub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date guard: a test that sends a literal timestamp and then reads a figure computed relative to "now" (the
 * agents' 24 h figures, the cost of today, a budget's current period) passes on the day it is written and fails a week
 * later on somebody else's clone. Every module's test sources are scanned for that pair, so such a test fails here on
 * the day it is written. Literal dates stay fine where the "now" is literal too (a fixed {@code Clock}, an injected
 * {@code now}) or where every read names its own range. The web app's unit tests are left out: they run pure functions
 * on fixtures with an injected "now" and never meet the server's clock (its browser flows are scanned).
 */
class DateBoundTestsGuardTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> TEST_SOURCES = List.of(
        "backend/src/test", "sdk-java/src/test", "sdk-js/test", "frontend/e2e");
    private static final Pattern SOURCE_FILE = Pattern.compile(".*\\.(java|ts|mjs)$");
    private static final Pattern LITERAL_TIMESTAMP = Pattern.compile("[\"'`]\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** Figures the server computes relative to its clock; a literal timestamp drifts out of them as days pass. */
    private static final Pattern NOW_RELATIVE_READ = Pattern.compile(
        "runs_24h|error_rate_24h|cost_24h|cost_today|\"/api/v1/budgets|budget_status");
    /** The test's "now" is itself literal, so literal data stays inside its windows forever. */
    private static final Pattern FIXED_NOW = Pattern.compile("Clock\\.fixed\\(|useFakeTimers|setSystemTime");

    @Test
    void noTestComparesALiteralDateWithNow() throws IOException {
        List<String> dateBound;
        try (Stream<Path> files = TEST_SOURCES.stream().map(ROOT::resolve).filter(Files::isDirectory).flatMap(DateBoundTestsGuardTest::walk)) {
            dateBound = files.filter(file -> SOURCE_FILE.matcher(file.toString()).matches())
                .filter(file -> !file.toString().contains("node_modules") && !file.toString().endsWith(getClass().getSimpleName() + ".java"))
                .filter(file -> isDateBound(read(file)))
                .map(file -> ROOT.relativize(file).toString())
                .toList();
        }
        assertThat(dateBound)
            .as("tests that send literal timestamps and read figures relative to now: use timestamps relative to now")
            .isEmpty();
    }

    @Test
    void theRuleCatchesTheTestThatTurnedTheSuiteRed() {
        String literal = "send(Map.of(\"start_time\", \"2026-11-25T10:00:00Z\"));\nassertThat(agent).containsEntry(\"runs_24h\", 1);";
        String relative = "send(Map.of(\"start_time\", Instant.now().minusSeconds(3600).toString()));\nassertThat(agent).containsEntry(\"runs_24h\", 1);";
        String literalRange = "get(\"/api/v1/runs?from=2026-11-25T11:00:00Z&to=2026-11-25T12:00:00Z\");";
        String fixedClock = "Clock clock = Clock.fixed(Instant.parse(\"2026-09-01T00:00:00Z\"), UTC); status.get(\"budget_status\");";

        assertThat(isDateBound(literal)).isTrue();
        assertThat(isDateBound(relative)).isFalse();
        assertThat(isDateBound(literalRange)).isFalse();
        assertThat(isDateBound(fixedClock)).isFalse();
    }

    static boolean isDateBound(String source) {
        return LITERAL_TIMESTAMP.matcher(source).find() && NOW_RELATIVE_READ.matcher(source).find() && !FIXED_NOW.matcher(source).find();
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.walk(directory).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
