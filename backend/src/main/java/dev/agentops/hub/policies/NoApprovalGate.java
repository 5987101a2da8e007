package dev.agentops.hub.policies;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** The default {@link ApprovalGate}: opens nothing. Any other ApprovalGate bean replaces it (it is {@code @Secondary}). */
@Singleton
@Secondary
class NoApprovalGate implements ApprovalGate {

    @Override
    public ApprovalRef open(CheckedAction action, PolicyDecision decision) {
        return null;
    }
}
