package dev.agentops.hub.ingestion;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Counts every answer of {@code POST /api/v1/ingest/run}, whatever answered it (the controller, validation, the rate
 * limiter, security), and times it from the moment the request arrived.
 */
@ServerFilter(value = "/api/v1/ingest/run", methods = HttpMethod.POST)
class IngestMetricsFilter implements Ordered {

    private static final String STARTED = "agentops.ingest-started-nanos";

    private final IngestMetrics metrics;

    IngestMetricsFilter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void count(HttpRequest<?> request, HttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        metrics.answered(response.code(), System.nanoTime() - started);
    }

    @Override
    public int getOrder() {
        // right after the request id: security's 401s and the rate limiter's 429s pass through here too
        return ServerFilterPhase.FIRST.after();
    }
}
