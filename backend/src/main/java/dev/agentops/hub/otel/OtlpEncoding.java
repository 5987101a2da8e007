package dev.agentops.hub.otel;

import java.util.Locale;
import java.util.Optional;

/** The two encodings of OTLP/HTTP; a response uses the encoding of its request. */
enum OtlpEncoding {
    PROTOBUF("application/x-protobuf"),
    JSON("application/json");

    private final String contentType;

    OtlpEncoding(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /** The encoding a Content-Type names, parameters ({@code ; charset=utf-8}) aside. */
    static Optional<OtlpEncoding> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        return switch (contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)) {
            case "application/x-protobuf", "application/protobuf" -> Optional.of(PROTOBUF);
            case "application/json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
