package dev.agentops.hub.shared.idempotency;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A POST slow enough for a second request with the same key to arrive while the first still runs. */
@Requires(env = "test")
@Controller("/api/v1/test-probe")
@Secured(SecurityRule.IS_AUTHENTICATED)
class SlowProbeController {

    static final AtomicInteger CALLS = new AtomicInteger();

    @Post("/slow")
    @ExecuteOn(TaskExecutors.BLOCKING)
    Map<String, Object> slow(@Body Map<String, Object> body) throws InterruptedException {
        int call = CALLS.incrementAndGet();
        Thread.sleep(1500);
        return Map.of("data", Map.of("call", call));
    }

    @Post("/fail")
    Map<String, Object> fail(@Body Map<String, Object> body) {
        CALLS.incrementAndGet();
        throw new IllegalStateException("boom");
    }
}
