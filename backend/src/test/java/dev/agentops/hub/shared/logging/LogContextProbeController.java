package dev.agentops.hub.shared.logging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Test-only: log lines written during an authenticated request, on the blocking pool and from a hop to it. */
@Requires(env = "test")
@Controller("/api/test-probe/log-context")
@Secured(SecurityRule.IS_AUTHENTICATED)
class LogContextProbeController {

    private static final Logger LOG = LoggerFactory.getLogger(LogContextProbeController.class);

    private final ExecutorService blocking;

    LogContextProbeController(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
    }

    @Get("/blocking")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, String> onTheBlockingPool() {
        LOG.info("log-context probe on the blocking pool");
        return Map.of("logged", "blocking");
    }

    /** Answered from a task handed to the blocking executor, as the ingest endpoint does with approvals. */
    @Get("/hop")
    CompletableFuture<Map<String, String>> afterAHop() {
        LOG.info("log-context probe on the event loop");
        return CompletableFuture.supplyAsync(() -> {
            LOG.info("log-context probe after a hop");
            return Map.of("logged", "hop");
        }, blocking);
    }
}
