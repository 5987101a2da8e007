package dev.agentops.hub.auth;

import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.ClientInfo;
import dev.agentops.hub.shared.web.DataResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
class AuthController {

    private final SignupService signups;
    private final LoginService logins;
    private final PasswordResetService resets;
    private final InvitationService invitations;
    private final Sessions sessions;
    private final RateLimiter limiter;
    private final RateLimits limits;

    AuthController(SignupService signups, LoginService logins, PasswordResetService resets,
                   InvitationService invitations, Sessions sessions, RateLimiter limiter, RateLimits limits) {
        this.signups = signups;
        this.logins = logins;
        this.resets = resets;
        this.invitations = invitations;
        this.sessions = sessions;
        this.limiter = limiter;
        this.limits = limits;
    }

    @Operation(operationId = "signup", description = "Always 202 for a well-formed request, whether or not the address has "
        + "an account: a new address gets an e-mail with a confirmation link, an existing one a notice to its owner.")
    @Post("/signup")
    @Status(HttpStatus.ACCEPTED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<DataResponse<AuthResponses.SignupAccepted>> signup(HttpRequest<?> http, @Body @Valid AuthRequests.Signup request) {
        limiter.check(limits.signupIp(), ClientInfo.of(http).ip());
        return HttpResponse.accepted().body(DataResponse.of(signups.signup(request)));
    }

    @Operation(operationId = "confirmSignup", description = "Spends the link of the signup e-mail and creates the organization "
        + "with its first admin, signed in. 400 invalid_token when the link is unknown, used or expired.")
    @Post("/signup/confirm")
    @Status(HttpStatus.CREATED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<DataResponse<AuthResponses.Session>> confirmSignup(HttpRequest<?> http, @Body @Valid AuthRequests.SignupConfirm request) {
        // ends in a session like login, so it counts against the same per-IP limit
        limiter.check(limits.loginIp(), ClientInfo.of(http).ip());
        return HttpResponse.created(DataResponse.of(signups.confirmSignup(request)), URI.create("/api/v1/orgs/profile"));
    }

    @Operation(operationId = "login")
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    DataResponse<AuthResponses.Session> login(HttpRequest<?> http, @Body @Valid AuthRequests.Login request) {
        limiter.check(limits.loginIp(), ClientInfo.of(http).ip());
        limiter.check(limits.loginAccount(), LoginService.accountKey(request.email(), ClientInfo.of(http).ip()));
        return DataResponse.of(logins.login(request));
    }

    @Operation(operationId = "verifyMfa")
    @Post("/mfa/verify")
    @Secured(SecurityRule.IS_ANONYMOUS)
    DataResponse<AuthResponses.Session> verifyMfa(@Body @Valid AuthRequests.MfaVerify request) {
        return DataResponse.of(logins.verifyMfa(request));
    }

    @Operation(operationId = "refreshToken")
    @Post("/refresh-token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    DataResponse<TokenPair> refresh(@Body @Valid AuthRequests.Refresh request) {
        return DataResponse.of(sessions.refresh(request.refreshToken()));
    }

    @Operation(operationId = "logout")
    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    void logout(Authentication authentication, @Body @Valid AuthRequests.Logout request) {
        Object sid = authentication.getAttributes().get("sid");
        Actor actor = Actor.from(authentication);
        sessions.end(actor.organizationId(), actor.id(), sid == null ? null : UUID.fromString(sid.toString()),
            request.refreshToken());
    }

    @Operation(operationId = "getCurrentUser")
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    DataResponse<AuthResponses.Me> me(Authentication authentication) {
        return DataResponse.of(logins.me(Actor.from(authentication)));
    }

    @Operation(operationId = "requestPasswordReset")
    @Post("/password-reset")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Map<String, String>> requestPasswordReset(HttpRequest<?> http, @Body @Valid AuthRequests.PasswordReset request) {
        limiter.check(limits.passwordResetIp(), ClientInfo.of(http).ip());
        resets.requestPasswordReset(request);
        return HttpResponse.accepted().body(Map.of("message", "If an account exists for this e-mail, a reset link is on its way."));
    }

    @Operation(operationId = "confirmPasswordReset")
    @Post("/password-reset/confirm")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(SecurityRule.IS_ANONYMOUS)
    void confirmPasswordReset(@Body @Valid AuthRequests.PasswordResetConfirm request) {
        resets.confirmPasswordReset(request);
    }

    @Operation(operationId = "getInvitation")
    @Get("/invitations/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    DataResponse<AuthResponses.Invitation> invitation(@PathVariable String token) {
        return DataResponse.of(invitations.invitation(token));
    }

    @Operation(operationId = "acceptInvite")
    @Post("/accept-invite")
    @Secured(SecurityRule.IS_ANONYMOUS)
    DataResponse<AuthResponses.Session> acceptInvite(HttpRequest<?> http, @Body @Valid AuthRequests.AcceptInvite request) {
        String ip = ClientInfo.of(http).ip();
        limiter.check(limits.loginIp(), ip);
        return DataResponse.of(invitations.acceptInvitation(request, ip));
    }
}
