package dev.agentops.hub.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short CI version of backend/benchmarks/ingest/crash-check.sh: the application runs as its own process on an
 * embedded PostgreSQL, takes ingest load, is killed with {@code kill -9} twice and restarted on the same data each
 * time (the orphaned PostgreSQL is stopped by the restart); every run acknowledged with 202 is then stored exactly once.
 */
class CrashRestartTest {

    private static final int RUNS_PER_SECOND = 80;

    @Test
    void killedTwiceUnderLoadLosesNoAcknowledgedRunAndStoresNoneTwice(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        int port = Faults.freePort();
        Path log = work.resolve("app.log");
        AppProcess app = AppProcess.start(data, port, log);
        try {
            Faults.Tenant tenant = Faults.tenant(app.base);
            String base = app.base;
            try (RunLoad load = new RunLoad(() -> base, tenant.apiKey(), tenant.agent(), RUNS_PER_SECOND)) {
                for (int crash = 1; crash <= 2; crash++) {
                    int before = RunLoad.acknowledged(load.outcomes()).size();
                    assertThat(Faults.within(Duration.ofSeconds(15), () -> RunLoad.acknowledged(load.outcomes()).size() >= before + RUNS_PER_SECOND))
                        .as("a second of load acknowledged before crash %d", crash).isTrue();
                    app.kill9();
                    app = AppProcess.start(data, port, log);
                }
                int before = RunLoad.acknowledged(load.outcomes()).size();
                assertThat(Faults.within(Duration.ofSeconds(15), () -> RunLoad.acknowledged(load.outcomes()).size() >= before + RUNS_PER_SECOND))
                    .as("load acknowledged after the last restart").isTrue();

                List<RunLoad.Outcome> outcomes = load.stop();
                assertThat(load.statuses().keySet()).as("answers by status (0 = connection refused or reset by the crash)")
                    .allMatch(status -> status == 0 || status == 202 || status == 503);
                Ledger.Check ledger = Ledger.check(base, tenant.accessToken(), RunLoad.acknowledged(outcomes), Duration.ofSeconds(60));
                assertThat(ledger.acknowledged()).isGreaterThanOrEqualTo(3 * RUNS_PER_SECOND);
                assertThat(ledger.holds()).as(ledger + "\napp log:\n" + app.logTail()).isTrue();
            }
        } finally {
            app.close();
            AppProcess.stopOrphanedPostgres(data);
        }
    }
}
