package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the auth endpoints. Passwords are checked for length by {@link Passwords}, not here. */
final class AuthRequests {

    private AuthRequests() {
    }

    @Serdeable
    @Schema(name = "SignupRequest")
    record Signup(@NotBlank @Email @Size(max = 320) String email,
                  @NotBlank @Size(max = 128) String password,
                  @NotBlank @Size(max = 200) String fullName,
                  @NotBlank @Size(max = 200) String organizationName) {
    }

    @Serdeable
    @Schema(name = "SignupConfirmRequest")
    record SignupConfirm(@NotBlank @Size(max = 200) @Schema(description = "The token of the link in the signup e-mail") String token) {
    }

    @Serdeable
    @Schema(name = "LoginRequest")
    record Login(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {
    }

    @Serdeable
    @Schema(name = "MfaVerifyRequest")
    record MfaVerify(@NotBlank @Size(max = 300) String challenge, @NotBlank @Size(max = 32) String code) {
    }

    @Serdeable
    @Schema(name = "RefreshTokenRequest")
    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Serdeable
    @Schema(name = "LogoutRequest")
    record Logout(@Nullable @Size(max = 200) String refreshToken) {
    }

    @Serdeable
    @Schema(name = "PasswordResetRequest")
    record PasswordReset(@NotBlank @Email @Size(max = 320) String email) {
    }

    @Serdeable
    @Schema(name = "PasswordResetConfirmRequest")
    record PasswordResetConfirm(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 128) String newPassword) {
    }

    @Serdeable
    @Schema(name = "AcceptInviteRequest")
    record AcceptInvite(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 128) String password,
                        @NotBlank @Size(max = 200) String fullName,
                        @Nullable @Size(max = 32)
                        @Schema(description = "The second factor (TOTP or recovery code) when the address already has an account with two-factor authentication on")
                        String code) {
    }

    @Serdeable
    @Schema(name = "MfaCodeRequest")
    record MfaCode(@NotBlank @Size(max = 32) String code) {
    }

    @Serdeable
    @Schema(name = "MfaDisableRequest")
    record MfaDisable(@NotBlank @Size(max = 128) String password, @NotBlank @Size(max = 32) String code) {
    }
}
