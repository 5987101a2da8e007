package dev.agentops.hub.agents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

final class AgentRequests {

    static final String SLUG = "^[a-z0-9][a-z0-9-]{0,62}$";

    private AgentRequests() {
    }

    @Serdeable
    @Schema(name = "AgentCreateRequest")
    record Create(@NotBlank @Size(max = 200) String name,
                  @Nullable @Pattern(regexp = SLUG, message = "must be lowercase letters, digits and dashes (max 63)") String slug,
                  @Nullable @Size(min = 1, max = 50) String type,
                  @Nullable @Size(max = 50) String provider,
                  @Nullable @Size(max = 100) String team,
                  @Nullable @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
                  @Nullable @Size(min = 1, max = 50) String environment,
                  @Nullable Map<String, Object> config) {
    }

    @Serdeable
    @Schema(name = "AgentUpdateRequest")
    record Update(@Nullable @Size(min = 1, max = 200) String name,
                  @Nullable @Size(min = 1, max = 50) String type,
                  @Nullable @Size(max = 50) String provider,
                  @Nullable @Size(max = 100) String team,
                  @Nullable @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
                  @Nullable @Size(min = 1, max = 50) String environment,
                  @Nullable Map<String, Object> config,
                  @Nullable @Schema(description = "No longer accepted (400): pause and resume with POST /api/v1/controls/pause-agent/{id} "
                      + "and /resume-agent/{id}, which record who did it and why.", deprecated = true) String status) {
    }
}
