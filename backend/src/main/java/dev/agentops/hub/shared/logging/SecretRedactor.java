package dev.agentops.hub.shared.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text about to be written to a log: bearer credentials, API keys, JWTs, TOTP URIs and the
 * values of secret-named fields (in JSON, in key=value form, escaped inside JSON log lines, and in query strings).
 * It works on the final text so that nothing (a message argument, an exception text, an MDC value) gets past it.
 */
public final class SecretRedactor {

    public static final String MASK = "[REDACTED]";

    /** Field names whose value is a secret; matched case-insensitively as whole names. */
    private static final String SECRET_NAMES = "password|new_password|current_password|newPassword|currentPassword"
        + "|passwd|secret|client_secret|mfa_secret|totp_secret|token|access_token|refresh_token|accessToken|refreshToken"
        + "|id_token|api_key|apikey|apiKey|x-api-key|authorization|cookie|set-cookie|ticket|totp_code|mfa_code"
        + "|recovery_code|otp|challenge|invite_token|reset_token|key|otpauthUri|otpauth_uri|inviteUrl|invite_url";

    private static final List<Rule> RULES = List.of(
        // lists of secrets: "recovery_codes":["a","b"] / recoveryCodes=[a, b]
        new Rule(Pattern.compile("(?i)((?:recovery_codes|recoveryCodes)\\\\?\"?\\s*[=:]\\s*)\\[[^\\]]*\\]"), "$1" + MASK),
        // one-time tokens that travel in a path (GET /api/v1/auth/invitations/{token})
        new Rule(Pattern.compile("(/invitations/)[A-Za-z0-9_-]+"), "$1" + MASK),
        // six-digit second-factor codes in record form (code=123456); JSON "code" fields carry error codes
        new Rule(Pattern.compile("\\b(code=)\\d{6}\\b"), "$1" + MASK),
        // "password": "x" / \"password\":\"x\" / password=x / password: x   (the value up to a quote, comma, space, & or brace)
        new Rule(Pattern.compile("(?i)((?<![A-Za-z0-9_-])(?:" + SECRET_NAMES + ")\\\\?\"?\\s*[=:]\\s*\\\\?\"?)"
            + "(?:(?:Bearer|Basic)\\s+)?([^\"\\\\\\s,&}\\]]+)"), "$1" + MASK),
        new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"), "$1 " + MASK),
        new Rule(Pattern.compile("aoh_[A-Za-z0-9_-]{6,}"), "aoh_" + MASK),
        new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"), MASK),
        new Rule(Pattern.compile("(?i)otpauth://\\S+"), "otpauth://" + MASK));

    private SecretRedactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            result = rule.apply(result);
        }
        return result;
    }

    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? matcher.replaceAll(replacement) : text;
        }
    }
}
