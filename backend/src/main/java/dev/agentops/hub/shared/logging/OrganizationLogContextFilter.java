package dev.agentops.hub.shared.logging;

import dev.agentops.hub.shared.security.Actor;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adds the caller's organization to the logging context once security knows it, next to the request id that
 * RequestIdFilter put there. Both travel in Micronaut's propagated context, so the lines written on the blocking
 * pool, in reactive callbacks and in the error handlers of the request carry them too. The propagated MDC element
 * replaces the whole MDC of a thread, hence one merged element rather than a second one.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class OrganizationLogContextFilter implements Ordered {

    public static final String MDC_KEY = "org_id";

    @RequestFilter
    public void tagOrganization(HttpRequest<?> request, MutablePropagatedContext context) {
        organizationOf(request).ifPresent(org -> {
            Optional<MdcPropagationContext> current = context.getContext().find(MdcPropagationContext.class);
            Map<String, String> mdc = new HashMap<>(current.map(MdcPropagationContext::state).orElse(Map.of()));
            mdc.put(MDC_KEY, org);
            MdcPropagationContext merged = new MdcPropagationContext(Map.copyOf(mdc));
            current.ifPresentOrElse(old -> context.replace(old, merged), () -> context.add(merged));
        });
    }

    /** The organization of the authenticated caller (user or API key), if any. */
    public static Optional<String> organizationOf(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
            .map(authentication -> authentication.getAttributes().get(Actor.ATTR_ORG))
            .map(String::valueOf);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
