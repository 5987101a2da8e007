package dev.agentops.hub.shared.health;

/** One dependency whose reachability {@code GET /health} reports. */
public interface HealthCheck {

    String name();

    /** Throws when the dependency is unreachable; returns normally when it answered. */
    void probe() throws Exception;
}
