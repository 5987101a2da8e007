package dev.agentops.hub.otel;

import io.micronaut.http.HttpStatus;

/**
 * A request refused whole, answered as OTLP clients expect: a {@code google.rpc.Status} in the request's encoding
 * (see {@link OtlpRejectedHandler}). {@code retryAfterSeconds} is set for the statuses an exporter retries (429, 503).
 */
class OtlpRejected extends RuntimeException {

    /** The google.rpc.Code values used here. */
    static final int INVALID_ARGUMENT = 3;
    static final int RESOURCE_EXHAUSTED = 8;
    static final int UNAVAILABLE = 14;

    private final HttpStatus status;
    private final int rpcCode;
    private final OtlpEncoding encoding;
    private final Long retryAfterSeconds;

    OtlpRejected(HttpStatus status, int rpcCode, String message, OtlpEncoding encoding, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.rpcCode = rpcCode;
        this.encoding = encoding;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static OtlpRejected badRequest(String message, OtlpEncoding encoding) {
        return new OtlpRejected(HttpStatus.BAD_REQUEST, INVALID_ARGUMENT, message, encoding, null);
    }

    HttpStatus status() {
        return status;
    }

    int rpcCode() {
        return rpcCode;
    }

    OtlpEncoding encoding() {
        return encoding;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
