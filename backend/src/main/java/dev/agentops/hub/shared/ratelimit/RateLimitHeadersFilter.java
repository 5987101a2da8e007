package dev.agentops.hub.shared.ratelimit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Writes the headers of the decision attached to the request; a 429 already carries its own. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RateLimitHeadersFilter {

    @ResponseFilter
    public void writeHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains(RateLimitHeaders.LIMIT)) {
            RateLimitHeaders.attached(request).ifPresent(decision -> RateLimitHeaders.apply(response, decision));
        }
    }
}
