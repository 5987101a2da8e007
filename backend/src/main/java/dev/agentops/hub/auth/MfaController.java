package dev.agentops.hub.auth;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.DataResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The signed-in user's own second factor. */
@Controller("/api/v1/auth/mfa")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
class MfaController {

    private final MfaService mfa;

    MfaController(MfaService mfa) {
        this.mfa = mfa;
    }

    @Operation(operationId = "enrollMfa")
    @Post("/enroll")
    DataResponse<AuthResponses.MfaEnrollment> enroll(Authentication authentication) {
        return DataResponse.of(mfa.enroll(user(authentication)));
    }

    @Operation(operationId = "confirmMfa")
    @Post("/confirm")
    DataResponse<AuthResponses.RecoveryCodes> confirm(Authentication authentication, @Body @Valid AuthRequests.MfaCode request) {
        return DataResponse.of(mfa.confirm(user(authentication), request.code()));
    }

    @Operation(operationId = "disableMfa")
    @Post("/disable")
    @Status(HttpStatus.NO_CONTENT)
    void disable(Authentication authentication, @Body @Valid AuthRequests.MfaDisable request) {
        mfa.disable(user(authentication), request.password(), request.code());
    }

    private static Actor user(Authentication authentication) {
        Actor actor = Actor.from(authentication);
        actor.requireUser("Two-factor settings belong to users, not API keys.");
        return actor;
    }
}
