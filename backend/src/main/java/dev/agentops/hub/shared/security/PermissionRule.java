package dev.agentops.hub.shared.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Enforces {@link RequiresPermission} on every route that declares it, for users and API keys alike. */
@Singleton
public class PermissionRule implements SecurityRule<HttpRequest<?>> {

    public static final int ORDER = SecuredAnnotationRule.ORDER - 50;

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        var required = RouteAttributes.getRouteMatch(request)
            .filter(MethodBasedRouteMatch.class::isInstance)
            .flatMap(match -> ((MethodBasedRouteMatch<?, ?>) match).getValue(RequiresPermission.class, Permission.class));
        if (required.isEmpty()) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        if (authentication == null) {
            return Mono.just(SecurityRuleResult.REJECTED);
        }
        boolean allowed;
        try {
            allowed = Actor.from(authentication).can(required.get());
        } catch (RuntimeException malformed) {
            allowed = false;
        }
        return Mono.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
