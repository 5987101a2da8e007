package dev.agentops.hub.shared.web;

import dev.agentops.hub.shared.logging.OrganizationLogContextFilter;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;

/**
 * Gives every request an id (a sane incoming {@code X-Request-Id} is kept), puts it in the logging context and on
 * every response, and writes one access-log line per request. Runs first, so even a request that security or
 * routing rejects is traceable. The access log names the path only: query strings may carry one-time tickets. It
 * ends with the client's User-Agent (cut to 120 characters), so support can tell which SDK and version sent a
 * request ({@code agentops-sdk-java/0.1.0}, {@code agentops-sdk-js/0.1.0}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("agentops.access");
    private static final String STARTED = "agentops.started-nanos";
    private static final int MAX_USER_AGENT = 120;

    @RequestFilter
    public void assignId(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestIds.acceptOrCreate(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
        context.add(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id)));
    }

    @ResponseFilter
    public void tagResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = RequestIds.of(request);
        if (id != null) {
            response.getHeaders().set(RequestIds.HEADER, id);
        }
        if (ACCESS.isInfoEnabled()) {
            long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
            String agent = request.getHeaders().get(HttpHeaders.USER_AGENT, String.class, "-");
            // this filter runs before security: the organization it found is not in this filter's logging context
            String org = OrganizationLogContextFilter.organizationOf(request).orElse(null);
            try (MDC.MDCCloseable tag = org == null ? null : MDC.putCloseable(OrganizationLogContextFilter.MDC_KEY, org)) {
                ACCESS.info("{} {} -> {} in {} ms ua={}", request.getMethodName(), request.getPath(), response.code(),
                    (System.nanoTime() - started) / 1_000_000,
                    agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
            }
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
