package dev.agentops.hub.shared.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.Map;

/** Test-only endpoints that exercise the shared HTTP behaviour before real features exist. */
@Requires(env = "test")
@Controller("/api/test-probe")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProbeController {

    @Post("/echo")
    Map<String, Object> echo(@Body @Valid ProbeRequest request) {
        return Map.of("data", request);
    }

    @Post("/explode")
    Map<String, Object> explode(@Body ProbeRequest request) {
        throw new IllegalStateException("relation \"runs\" does not exist; password=" + request.password()
            + " for org " + request.email());
    }

    @Post("/problem")
    Map<String, Object> problem() {
        throw Problems.conflict("duplicate", "An agent with slug 'x' already exists.");
    }

    @Serdeable
    record ProbeRequest(@NotBlank @Email String email, @NotBlank String password, @Min(1) @Max(10) Integer retryCount) {
    }
}
