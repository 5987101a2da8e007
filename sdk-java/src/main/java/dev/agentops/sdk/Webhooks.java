package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentops.sdk.WebhookSignatureException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies webhook deliveries of AgentOps Hub: {@code AgentOps-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>}. During a secret rotation there may be several {@code v1=} entries: one
 * matching is enough; entries of other schemes are ignored. Signatures are compared in constant time
 * ({@link MessageDigest#isEqual}). The timestamp must be within the tolerance (default 300 s) of now, either way, so a
 * captured delivery cannot be replayed later.
 *
 * <pre>{@code
 * WebhookEvent event = Webhooks.verify(rawBody, request.getHeader(Webhooks.SIGNATURE_HEADER), secret);
 * }</pre>
 */
public final class Webhooks {

    /** The header deliveries are signed in. */
    public static final String SIGNATURE_HEADER = "AgentOps-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    /** Verifies with the default tolerance and the system clock; returns the event or throws. */
    public static WebhookEvent verify(String payload, String header, String secret) {
        return verify(payload, header, secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public static WebhookEvent verify(String payload, String header, String secret, Duration tolerance) {
        return verify(payload, header, secret, tolerance, Clock.systemUTC());
    }

    /** The raw body as a string (it is encoded as UTF-8, the bytes the server signed). */
    public static WebhookEvent verify(String payload, String header, String secret, Duration tolerance, Clock clock) {
        return verify(payload == null ? new byte[0] : payload.getBytes(StandardCharsets.UTF_8), header, secret, tolerance, clock);
    }

    /**
     * Verifies the raw body bytes exactly as received (before any JSON parsing: re-serialised JSON does not verify).
     *
     * @throws WebhookSignatureException when the delivery must not be trusted; {@code reason()} says why
     */
    public static WebhookEvent verify(byte[] payload, String header, String secret, Duration tolerance, Clock clock) {
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureException(Reason.MISSING_HEADER, "No " + SIGNATURE_HEADER + " header");
        }
        if (secret == null || secret.isEmpty()) {
            throw new WebhookSignatureException(Reason.SIGNATURE_MISMATCH, "No webhook secret to verify with");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            int at = part.indexOf('=');
            if (at <= 0) {
                throw new WebhookSignatureException(Reason.MALFORMED_HEADER, "Malformed " + SIGNATURE_HEADER + " header");
            }
            String key = part.substring(0, at).trim();
            String value = part.substring(at + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,15}")) {
                    throw new WebhookSignatureException(Reason.MALFORMED_HEADER, SIGNATURE_HEADER + " needs exactly one numeric t=");
                }
                timestamp = value;
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null) {
            throw new WebhookSignatureException(Reason.MALFORMED_HEADER, SIGNATURE_HEADER + " has no t= timestamp");
        }
        if (signatures.isEmpty()) {
            throw new WebhookSignatureException(Reason.NO_SIGNATURE, SIGNATURE_HEADER + " has no v1= signature");
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > tolerance.toSeconds()) {
            throw new WebhookSignatureException(Reason.TIMESTAMP_OUTSIDE_TOLERANCE, "Webhook timestamp is " + Math.abs(age)
                + " s " + (age >= 0 ? "old" : "in the future") + " (tolerance " + tolerance.toSeconds() + " s)");
        }
        byte[] expected = hmac(secret, timestamp, payload);
        boolean matched = false;
        for (String signature : signatures) {
            // every candidate is compared (no early exit), each in constant time
            if (signature.matches("[0-9a-fA-F]{64}") && MessageDigest.isEqual(HexFormat.of().parseHex(signature), expected)) {
                matched = true;
            }
        }
        if (!matched) {
            throw new WebhookSignatureException(Reason.SIGNATURE_MISMATCH, "No v1 signature matches this payload and secret");
        }
        try {
            JsonNode event = JSON.readTree(payload);
            if (event == null || !event.isObject()) {
                throw new IOException("not an object");
            }
            return new WebhookEvent(text(event, "id"), text(event, "type"), text(event, "created_at"),
                text(event, "organization_id"), event.path("data"), event);
        } catch (IOException e) {
            throw new WebhookSignatureException(Reason.INVALID_PAYLOAD, "The signed payload is not a JSON event");
        }
    }

    /**
     * The {@code AgentOps-Signature} value for a payload, as the server writes it: for tests of your receiver, and for
     * relaying deliveries between your own services.
     */
    public static String sign(String payload, String secret, long timestampSeconds) {
        String t = Long.toString(timestampSeconds);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String secret, String timestamp, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }
}
