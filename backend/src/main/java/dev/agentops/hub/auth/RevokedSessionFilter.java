package dev.agentops.hub.auth;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.ErrorEnvelopes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Refuses an access token whose session was revoked (logout, refresh-token reuse, removal, password reset), right
 * after security has verified the token. A cache hit is answered in place; a miss reads the database on the blocking
 * pool. API keys carry no session and pass untouched.
 */
@ServerFilter("/api/**")
class RevokedSessionFilter implements Ordered {

    private final SessionRevocations revocations;
    private final ExecutorService blocking;

    RevokedSessionFilter(SessionRevocations revocations, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.revocations = revocations;
        this.blocking = blocking;
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        Object sid = authentication.map(a -> a.getAttributes().get("sid")).orElse(null);
        Object org = authentication.map(a -> a.getAttributes().get(Actor.ATTR_ORG)).orElse(null);
        if (sid == null || org == null) {
            return chain.proceed();
        }
        UUID session;
        UUID organization;
        try {
            session = UUID.fromString(sid.toString());
            organization = UUID.fromString(org.toString());
        } catch (IllegalArgumentException e) {
            return Mono.just(refusal(request));
        }
        Optional<Boolean> cached = revocations.cached(session);
        if (cached.isPresent()) {
            return cached.get() ? Mono.just(refusal(request)) : chain.proceed();
        }
        return Mono.fromCallable(() -> revocations.load(organization, session))
            .subscribeOn(Schedulers.fromExecutorService(blocking))
            .flatMap(revoked -> revoked ? Mono.just(refusal(request)) : Mono.from(chain.proceed()));
    }

    private static MutableHttpResponse<?> refusal(HttpRequest<?> request) {
        return ErrorEnvelopes.response(request, HttpStatus.UNAUTHORIZED, "unauthenticated",
            "This session has ended (signed out, or revoked for safety): log in again.", Map.of());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
