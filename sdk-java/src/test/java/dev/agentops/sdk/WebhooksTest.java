package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Webhook signature verification. The vectors of {@code docs/contract/webhook-signature.json} are shared with the
 * TypeScript SDK (test/webhooks.test.ts): both must agree on every case.
 */
class WebhooksTest {

    static final Path FIXTURE = Path.of("../docs/contract/webhook-signature.json");
    static final ObjectMapper JSON = new ObjectMapper();

    private static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheSharedFixture() throws Exception {
        JsonNode fixture = JSON.readTree(Files.readString(FIXTURE));
        Duration tolerance = Duration.ofSeconds(fixture.path("tolerance_seconds").asLong());
        assertEquals(Webhooks.DEFAULT_TOLERANCE, tolerance);
        Set<String> reasons = new HashSet<>();
        fixture.path("cases").forEach(c -> {
            if (!c.path("valid").asBoolean()) {
                reasons.add(c.path("reason").asText());
            }
        });
        assertEquals(Set.of("timestamp_outside_tolerance", "signature_mismatch", "missing_header", "no_signature",
            "malformed_header", "invalid_payload"), reasons);
        List<JsonNode> cases = new java.util.ArrayList<>();
        fixture.path("cases").forEach(cases::add);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.path("name").asText(), () -> {
            String payload = c.path("payload").asText();
            String header = c.path("header").asText();
            String secret = c.path("secret").asText();
            Clock clock = at(c.path("now").asLong());
            if (c.path("valid").asBoolean()) {
                assertEquals(c.path("event_id").asText(), Webhooks.verify(payload, header, secret, tolerance, clock).id());
                assertEquals(c.path("event_id").asText(),
                    Webhooks.verify(payload.getBytes(StandardCharsets.UTF_8), header, secret, tolerance, clock).id());
            } else {
                WebhookSignatureException refused = assertThrows(WebhookSignatureException.class,
                    () -> Webhooks.verify(payload, header, secret, tolerance, clock));
                assertEquals(c.path("reason").asText(), refused.reason().wire());
                assertEquals("webhook_signature_invalid", refused.code());
            }
        }));
    }

    @Test
    void acceptsWhatSignWritesComputedHereWithTheJdksHmac() throws Exception {
        String secret = "whsec_" + "k".repeat(24);
        String body = "{\"id\":\"evt_1\",\"type\":\"webhook.test\",\"created_at\":\"" + Instant.now() + "\","
            + "\"organization_id\":\"org\",\"data\":{\"ok\":true}}";
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        String header = Webhooks.sign(body, secret, t);
        assertEquals("t=" + t + ",v1=" + hex, header);

        WebhookEvent event = Webhooks.verify(body, header, secret);
        assertEquals("evt_1", event.id());
        assertEquals("webhook.test", event.type());
        assertEquals("org", event.organizationId());
        assertTrue(event.data().path("ok").asBoolean());
    }

    @Test
    void usesTheCallersToleranceAndRefusesAReserialisedBody() throws Exception {
        String secret = "whsec_tolerance";
        String body = "{\"id\":\"evt_2\",\"type\":\"t\",\"created_at\":\"x\",\"organization_id\":\"o\",\"data\":{\"a\":1}}";
        String header = Webhooks.sign(body, secret, Instant.now().getEpochSecond() - 10);
        WebhookSignatureException old = assertThrows(WebhookSignatureException.class,
            () -> Webhooks.verify(body, header, secret, Duration.ofSeconds(5)));
        assertEquals(WebhookSignatureException.Reason.TIMESTAMP_OUTSIDE_TOLERANCE, old.reason());
        assertEquals("evt_2", Webhooks.verify(body, header, secret).id());

        String reserialised = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        WebhookSignatureException changed = assertThrows(WebhookSignatureException.class,
            () -> Webhooks.verify(reserialised, header, secret));
        assertEquals(WebhookSignatureException.Reason.SIGNATURE_MISMATCH, changed.reason());
        assertFalse(changed.getMessage().contains(secret));
        assertEquals(WebhookSignatureException.Reason.MISSING_HEADER,
            assertThrows(WebhookSignatureException.class, () -> Webhooks.verify(body, null, secret)).reason());
    }
}
