package dev.agentops.hub.controls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class ControlRequests {

    /** Reasons are checked after trimming (1–500 characters) by the services; this bound only caps the body. */
    static final int MAX_RAW = 2_000;

    private ControlRequests() {
    }

    @Serdeable
    @Schema(name = "ControlReasonRequest")
    record Reason(@NotNull @Size(max = MAX_RAW) @Schema(description = "Why; 1–500 characters after trimming; kept in the audit trail",
                      minLength = 1, maxLength = 500) String reason) {
    }

    @Serdeable
    @Schema(name = "KillSwitchRequest")
    record Engage(@NotNull @Size(max = MAX_RAW) @Schema(description = "Why; 1–500 characters after trimming; kept in the audit trail",
                      minLength = 1, maxLength = 500) String reason,
                  @Nullable @Size(max = MAX_RAW) @Schema(description = "The organization's name or slug, typed by the person engaging it")
                  String confirm) {
    }
}
