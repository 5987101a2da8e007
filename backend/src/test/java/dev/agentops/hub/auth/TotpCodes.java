package dev.agentops.hub.auth;

import java.time.Instant;

/** Test helper for other packages: the current code of a secret, as an authenticator app shows it. */
public final class TotpCodes {

    private final Totp totp = new Totp();

    public String current(String base32Secret) {
        return totp.codeAt(base32Secret, Instant.now());
    }

    /** The next step's code: still inside the ±1 window, and unused after a code of the current step was accepted. */
    public String next(String base32Secret) {
        return totp.codeAt(base32Secret, Instant.now().plusSeconds(30));
    }
}
