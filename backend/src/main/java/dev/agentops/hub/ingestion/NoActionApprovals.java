package dev.agentops.hub.ingestion;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** The default {@link ActionApprovals}: checks nothing. Any other ActionApprovals bean replaces it. */
@Singleton
@Secondary
class NoActionApprovals implements ActionApprovals {

    @Override
    public void consume(UUID organizationId, UUID apiKeyId, UUID agentId, String runId, List<NamedApproval> actions) {
    }
}
