package dev.agentops.hub.apikeys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

@Serdeable
record ApiKeyCreateRequest(@NotBlank @Size(max = 100) String name,
                           @NotEmpty @Size(max = 10) List<@NotBlank String> scopes,
                           @Nullable @Future Instant expiresAt) {
}
