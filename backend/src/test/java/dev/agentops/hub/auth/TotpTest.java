package dev.agentops.hub.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    /** RFC 6238 appendix B: ASCII "12345678901234567890", SHA-1, T = 59 s gives 94287082 (last six digits). */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheRfcTestVector() {
        assertThat(new Totp().codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNothingBeyond() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        Totp totp = new Totp(Clock.fixed(now, ZoneOffset.UTC));
        long currentStep = now.getEpochSecond() / 30;
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now))).hasValue(currentStep);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.minusSeconds(30)))).hasValue(currentStep - 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.plusSeconds(30)))).hasValue(currentStep + 1);
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.minusSeconds(60)))).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, totp.codeAt(RFC_SECRET, now.plusSeconds(60)))).isEmpty();
    }

    @Test
    void rejectsAnythingThatIsNotSixDigits() {
        Totp totp = new Totp();
        assertThat(totp.matchingStep(RFC_SECRET, "12345")).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "abcdef")).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, null)).isEmpty();
    }

    @Test
    void newSecretsAreBase32AndCarry160Bits() {
        String secret = new Totp().newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.otpauthUri("a@b.co", secret)).startsWith("otpauth://totp/AgentOps%20Hub%3Aa%40b.co?secret=" + secret);
    }
}
