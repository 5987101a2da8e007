package dev.agentops.hub.shared.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.context.ServerRequestContext;

import java.util.Optional;

/** Where a request came from, for the audit trail and per-IP limits. */
public record ClientInfo(String ip, String userAgent, String requestId) {

    private static final int MAX_USER_AGENT = 512;

    public static ClientInfo of(HttpRequest<?> request) {
        String agent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(request.getRemoteAddress().getAddress().getHostAddress(), agent, RequestIds.of(request));
    }

    /** The request being served on this thread, if any (background work has none). */
    public static Optional<ClientInfo> current() {
        return ServerRequestContext.currentRequest().map(ClientInfo::of);
    }

    public static ClientInfo none() {
        return new ClientInfo(null, null, null);
    }
}
