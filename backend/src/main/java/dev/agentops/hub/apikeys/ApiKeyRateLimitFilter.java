package dev.agentops.hub.apikeys;

import dev.agentops.hub.shared.ratelimit.RateLimitDecision;
import dev.agentops.hub.shared.ratelimit.RateLimitedException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/** Refuses, with 429 and no side effect, a request whose API key is over its limit (100/s, bursts to 200). */
@ServerFilter("/api/**")
class ApiKeyRateLimitFilter implements Ordered {

    static final String REFUSED = "agentops.api-key-refused";

    @RequestFilter
    public void refuseOverLimit(HttpRequest<?> request) {
        request.getAttribute(REFUSED, RateLimitDecision.class).ifPresent(decision -> {
            throw new RateLimitedException(decision);
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
