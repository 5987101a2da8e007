package dev.agentops.hub.policies;

/**
 * What one policy said about one action. {@code matched}: its condition held (then {@code decision} is its action).
 * {@code error}: it could not be evaluated (then {@code decision} is its {@code on_error}). Otherwise it has no say
 * ({@code decision} null).
 */
public record Verdict(CompiledPolicy policy, boolean matched, Decision decision, String error) {

    public boolean decides() {
        return decision != null;
    }
}
