package dev.agentops.hub.security;

import dev.agentops.hub.auth.TotpCodes;
import dev.agentops.hub.support.Api;

import java.util.Map;

/** Small steps the security tests share: an invitation's token, a user with 2FA on. */
final class SecurityFixture {

    private SecurityFixture() {
    }

    /** Invites {@code email} into the admin's organization and returns the invitation token (development outbox). */
    static String inviteToken(Api api, Api.Session admin, String email) {
        Api.Response invite = api.post("/api/v1/org-members", Map.of("email", email, "role", "member"), admin.accessToken());
        if (invite.status() != 201) {
            throw new AssertionError("invite failed: " + invite.body());
        }
        String url = String.valueOf(invite.data().get("invite_url"));
        return url.substring(url.indexOf("token=") + 6);
    }

    /** Turns 2FA on for the session's user and returns the TOTP secret. */
    static String enableMfa(Api api, Api.Session user) {
        String secret = String.valueOf(api.post("/api/v1/auth/mfa/enroll", null, user.accessToken()).data().get("secret"));
        Api.Response confirmed = api.post("/api/v1/auth/mfa/confirm", Map.of("code", new TotpCodes().current(secret)), user.accessToken());
        if (confirmed.status() != 200) {
            throw new AssertionError("2FA confirm failed: " + confirmed.body());
        }
        return secret;
    }
}
