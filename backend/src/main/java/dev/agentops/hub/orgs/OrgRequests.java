package dev.agentops.hub.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

final class OrgRequests {

    static final String ROLE_PATTERN = "admin|team_lead|member|viewer";

    private OrgRequests() {
    }

    @Serdeable
    @Schema(name = "OrganizationUpdateRequest")
    // No plan: it is what the organization pays for, set by billing, never by its own admins.
    record ProfileUpdate(@Nullable @Size(min = 1, max = 200) String name,
                         @Nullable @Size(max = 2048) @Pattern(regexp = "^(https?://\\S+)?$", message = "must be an http(s) URL") String logoUrl,
                         @Nullable @Size(min = 1, max = 64) @Schema(description = "IANA time zone, e.g. Europe/Paris; budget periods follow it") String timezone,
                         @Nullable @Schema(description = "false: traces sent to /api/v1/otel/v1/traces need an existing agent") Boolean discoverAgents) {
    }

    @Serdeable
    @Schema(name = "MemberInviteRequest")
    record Invite(@NotBlank @Email @Size(max = 320) String email,
                  @NotNull @Pattern(regexp = ROLE_PATTERN, message = "must be one of admin, team_lead, member, viewer") String role,
                  @Nullable @Size(max = 20) List<@NotBlank @Size(max = 50) String> teams) {
    }

    @Serdeable
    @Schema(name = "MemberUpdateRequest")
    record MemberUpdate(@Nullable @Pattern(regexp = ROLE_PATTERN, message = "must be one of admin, team_lead, member, viewer") String role,
                        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 50) String> teams) {
    }
}
