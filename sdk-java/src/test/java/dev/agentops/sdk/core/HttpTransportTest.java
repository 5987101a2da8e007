package dev.agentops.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private static HttpTransport transport(double random) {
        return new HttpTransport(HttpClient.newHttpClient(), new ObjectMapper(), "http://localhost:1/", "k", 3,
            Sleeper.REAL, Duration.ofSeconds(1), "test", () -> random);
    }

    @Test
    void backoffIsExponentialWithFullJitterAndACap() {
        HttpTransport top = transport(0.999999);
        assertEquals(499, top.backoff(0).toMillis());
        assertEquals(999, top.backoff(1).toMillis());
        assertEquals(3999, top.backoff(3).toMillis());
        assertEquals(29_999, top.backoff(10).toMillis());
        assertEquals(29_999, top.backoff(60).toMillis());
        assertEquals(0, transport(0).backoff(5).toMillis());
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertEquals(Duration.ofSeconds(12), HttpTransport.parseRetryAfter(Optional.of("12")));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration fromDate = HttpTransport.parseRetryAfter(Optional.of(inTenSeconds));
        assertTrue(fromDate.toSeconds() >= 8 && fromDate.toSeconds() <= 10, fromDate.toString());
        assertNull(HttpTransport.parseRetryAfter(Optional.of("soon")));
        assertNull(HttpTransport.parseRetryAfter(Optional.empty()));
    }

    @Test
    void trimsTheBaseUrl() {
        assertEquals("http://localhost:1", transport(0).baseUrl());
    }
}
