package dev.agentops.hub.approvals;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

import java.util.Optional;

/** Where an approval request stands. {@code expired} is never a silent {@code rejected}: nobody decided. */
public enum ApprovalStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("approved") APPROVED,
    @JsonProperty("rejected") REJECTED,
    @JsonProperty("expired") EXPIRED;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<ApprovalStatus> fromWire(String name) {
        return WireNames.parse(ApprovalStatus.class, name);
    }
}
