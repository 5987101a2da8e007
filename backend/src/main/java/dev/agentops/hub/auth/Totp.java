package dev.agentops.hub.auth;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.inject.Singleton;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** RFC 6238 codes (SHA-1, 6 digits, 30 s) as every authenticator app speaks them; one step of clock drift either way. */
@Singleton
class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP);
    private final Clock clock;

    Totp() {
        this(Clock.systemUTC());
    }

    Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new Base32 secret of 160 bits (RFC 4226's recommended length). */
    String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The time step the code belongs to (previous, current or next), or empty when it matches none. */
    OptionalLong matchingStep(String base32Secret, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        Instant now = clock.instant();
        for (int drift = -1; drift <= 1; drift++) {
            Instant at = now.plus(STEP.multipliedBy(drift));
            if (codeAt(base32Secret, at).equals(code)) {
                return OptionalLong.of(at.getEpochSecond() / STEP.getSeconds());
            }
        }
        return OptionalLong.empty();
    }

    String codeAt(String base32Secret, Instant at) {
        try {
            var key = new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, at);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String otpauthUri(String accountEmail, String base32Secret) {
        String issuer = "AgentOps Hub";
        String label = java.net.URLEncoder.encode(issuer + ":" + accountEmail, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=AgentOps%20Hub&algorithm=SHA1&digits=6&period=30";
    }
}
