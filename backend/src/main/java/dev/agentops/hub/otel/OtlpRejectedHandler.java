package dev.agentops.hub.otel;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.agentops.hub.shared.web.JsonFields;
import dev.agentops.hub.shared.web.RequestIds;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a refused export as the {@code google.rpc.Status} of the OTLP/HTTP specification, in the request's encoding.
 * The message ends with the request id, the one thing a person needs to ask about it. google.rpc.Status has two
 * scalar fields here ({@code code} = 1, {@code message} = 2), written as protobuf's unknown fields rather than through
 * a dependency on the common protos for one message.
 */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
class OtlpRejectedHandler implements ExceptionHandler<OtlpRejected, HttpResponse<byte[]>> {

    private final JsonMapper json;

    OtlpRejectedHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpResponse<byte[]> handle(HttpRequest request, OtlpRejected rejected) {
        String requestId = RequestIds.of(request);
        String message = rejected.getMessage() + (requestId == null ? "" : " (request id " + requestId + ")");
        byte[] body = rejected.encoding() == OtlpEncoding.PROTOBUF
            ? protobufStatus(rejected.rpcCode(), message) : jsonStatus(rejected.rpcCode(), message);
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(rejected.status())
            .contentType(rejected.encoding().contentType()).body(body);
        if (rejected.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(rejected.retryAfterSeconds()));
        }
        return response;
    }

    static byte[] protobufStatus(int code, String message) {
        return UnknownFieldSet.newBuilder().addField(1, UnknownFieldSet.Field.newBuilder().addVarint(code).build())
            .addField(2, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(message)).build())
            .build().toByteArray();
    }

    private byte[] jsonStatus(int code, String message) {
        try {
            return json.writeValueAsBytes(JsonFields.of("code", code, "message", message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
