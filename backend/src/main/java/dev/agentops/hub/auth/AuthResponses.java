package dev.agentops.hub.auth;

import dev.agentops.hub.orgs.Organization;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

final class AuthResponses {

    private AuthResponses() {
    }

    @Serdeable
    @Schema(name = "UserResponse")
    record UserView(UUID id, String email, String fullName, boolean mfaEnabled) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.fullName(), user.mfaEnabled());
        }
    }

    /** Signup confirmation, login, MFA verification and invitation acceptance all end in a signed-in session. */
    @Serdeable
    @Schema(name = "SessionResponse")
    record Session(String accessToken, String refreshToken, int expiresIn, String tokenType, UserView user,
                   Organization organization) {
        static Session of(TokenPair tokens, User user, Organization organization) {
            return new Session(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), tokens.tokenType(),
                UserView.of(user), organization);
        }
    }

    /**
     * The answer to every well-formed signup, whether or not the address has an account. `confirm_url` is the link of
     * the e-mail for a new address, and only when the server has no e-mail delivery (development outbox).
     */
    @Serdeable
    @Schema(name = "SignupAcceptedResponse")
    record SignupAccepted(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "confirmation_sent",
            description = "Always confirmation_sent: the next step is the link in the e-mail")
        String status,
        @Nullable
        @Schema(nullable = true, description = "Development only (no e-mail delivery configured): the confirmation link of a new address; null otherwise")
        String confirmUrl) {
        static SignupAccepted sent(String confirmUrl) {
            return new SignupAccepted("confirmation_sent", confirmUrl);
        }
    }

    @Serdeable
    @Schema(name = "MeResponse")
    record Me(UserView user, Organization organization, String role, List<String> teams, List<String> permissions) {
    }

    @Serdeable
    @Schema(name = "InvitationResponse")
    record Invitation(String organizationName, String email, String role) {
    }

    @Serdeable
    @Schema(name = "MfaEnrollmentResponse")
    record MfaEnrollment(String secret, String otpauthUri) {
    }

    @Serdeable
    @Schema(name = "RecoveryCodesResponse")
    record RecoveryCodes(List<String> recoveryCodes) {
    }
}
