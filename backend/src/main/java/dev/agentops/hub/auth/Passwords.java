package dev.agentops.hub.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;

/** Argon2id hashing (OWASP parameters: 19 MiB, 2 passes) and the password rule. */
@Singleton
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the e-mail is unknown, so that both answers take the same time. */
    private final String decoyHash = hash("decoy-password-for-timing");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    public void spendDecoyCheck(String password) {
        matches(password, decoyHash);
    }

    /** Length is the rule that matters (NIST 800-63B); composition rules only produce "Password1!". */
    public void requireAcceptable(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw Problems.validation(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
    }
}
