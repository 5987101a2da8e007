package dev.agentops.hub.shared.logging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"password\":\"hunter2hunter2\"}                    | hunter2hunter2",
        "{\\\"password\\\":\\\"hunter2hunter2\\\"}            | hunter2hunter2",
        "password=hunter2hunter2&next=/x                      | hunter2hunter2",
        "Authorization: Bearer abc.def.ghi                    | abc.def.ghi",
        "authorization=Basic dXNlcjpwYXNz                     | dXNlcjpwYXNz",
        "key aoh_abcdefghijklmnop1234 was used                | abcdefghijklmnop1234",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig123          | eyJzdWIiOiIxIn0",
        "{\"refresh_token\": \"rt_123456\"}                  | rt_123456",
        "otpauth://totp/AgentOps:me?secret=JBSWY3DPEHPK3PXP   | JBSWY3DPEHPK3PXP",
        "{\"mfa_code\":\"123456\",\"challenge\":\"chal-xyz\"} | chal-xyz",
        "recovery_code=abcd-efgh                              | abcd-efgh",
        "GET /api/v1/stream?ticket=tkt123456                  | tkt123456",
        "{\"recovery_codes\":[\"abcde-fghij\",\"klmno-pqrst\"]} | klmno-pqrst",
        "RecoveryCodes[recoveryCodes=[abcde-fghij, klmno-pqrst]] | abcde-fghij",
        "GET /api/v1/auth/invitations/Zx81kQ0aa9 -> 200       | Zx81kQ0aa9",
        "MfaCode[code=123456]                                 | 123456"})
    void masksTheSecretAndKeepsTheRest(String line, String secret) {
        String redacted = SecretRedactor.redact(line);
        assertThat(redacted).doesNotContain(secret).contains(SecretRedactor.MASK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /api/v1/agents -> 200 in 3 ms",
        "Database: embedded PostgreSQL on localhost:5432",
        "{\"code\":\"not_found\",\"request_id\":\"abc\"}"})
    void leavesOrdinaryLinesAlone(String line) {
        assertThat(SecretRedactor.redact(line)).isEqualTo(line);
    }
}
