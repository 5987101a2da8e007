package dev.agentops.hub.shared.ratelimit;

import dev.agentops.hub.shared.web.ApiError;
import dev.agentops.hub.shared.web.ErrorEnvelopes;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The envelope of every other problem, plus the headers that tell the client when to come back. */
@Produces
@Singleton
@Requires(classes = {RateLimitedException.class, ExceptionHandler.class})
class RateLimitedExceptionHandler implements ExceptionHandler<RateLimitedException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, RateLimitedException exception) {
        return RateLimitHeaders.apply(ErrorEnvelopes.response(request, exception.status(), exception.code(),
            exception.getMessage(), exception.details()), exception.decision());
    }
}
