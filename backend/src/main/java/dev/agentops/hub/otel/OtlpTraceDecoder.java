package dev.agentops.hub.otel;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.agentops.hub.shared.web.StoredText;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns an OTLP/HTTP body into the official {@link ExportTraceServiceRequest}: gunzips it (never past the size
 * limit, so a small bomb cannot fill the memory), then parses protobuf, or JSON with protobuf's JsonFormat. OTLP/JSON
 * differs from protobuf's canonical JSON in one point that matters: trace and span ids are hex, not base64, so they
 * are rewritten to base64 before JsonFormat reads them. Unknown JSON fields are ignored, as OTLP requires.
 */
final class OtlpTraceDecoder {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final HexFormat HEX = HexFormat.of();

    private OtlpTraceDecoder() {
    }

    static ExportTraceServiceRequest decode(byte[] body, OtlpEncoding encoding, String contentEncoding, long maxBytes,
                                            JsonMapper json) {
        byte[] plain = inflated(body, encoding, contentEncoding, maxBytes);
        return storable(encoding == OtlpEncoding.PROTOBUF ? fromProtobuf(plain) : fromJson(plain, json), encoding);
    }

    /**
     * Neither a protobuf body nor a gzipped one the server did not inflate passes the JSON body filter that refuses text
     * PostgreSQL cannot store (NUL characters), so every export is checked here, with the same rule, on its JSON form.
     */
    private static ExportTraceServiceRequest storable(ExportTraceServiceRequest request, OtlpEncoding encoding) {
        try {
            byte[] printed = JsonFormat.printer().print(request).getBytes(StandardCharsets.UTF_8);
            StoredText.problemInJson(printed).ifPresent(problem -> {
                throw OtlpRejected.badRequest("The export holds text that cannot be stored (" + problem.field() + ": "
                    + problem.problem() + ").", encoding);
            });
        } catch (InvalidProtocolBufferException e) {
            throw OtlpRejected.badRequest("The export cannot be read as OTLP traces.", encoding);
        }
        return request;
    }

    /**
     * The body as sent, or gunzipped when it says gzip. Netty normally inflates it already, under the server's size
     * limit (then it no longer starts with gzip's magic bytes, whatever the header says); this is the fallback for a
     * server set up without that.
     */
    private static byte[] inflated(byte[] body, OtlpEncoding encoding, String contentEncoding, long maxBytes) {
        String coding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        boolean gzipped = body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        if (coding.equals("identity") || coding.isEmpty() || coding.equals("gzip") && !gzipped) {
            return body;
        }
        if (!coding.equals("gzip")) {
            throw new OtlpRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, OtlpRejected.INVALID_ARGUMENT,
                "Content-Encoding '" + shorten(contentEncoding) + "' is not supported: send gzip or no encoding.", encoding, null);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)); // one byte more tells "too large"
            if (out.length > maxBytes) {
                throw new OtlpRejected(HttpStatus.REQUEST_ENTITY_TOO_LARGE, OtlpRejected.RESOURCE_EXHAUSTED,
                    "The body is larger than " + maxBytes + " bytes once decompressed: export smaller batches.", encoding, null);
            }
            return out;
        } catch (ZipException | java.io.EOFException e) {
            throw OtlpRejected.badRequest("The body says Content-Encoding: gzip but is not valid gzip.", encoding);
        } catch (IOException e) {
            throw OtlpRejected.badRequest("The gzip body could not be read.", encoding);
        }
    }

    private static ExportTraceServiceRequest fromProtobuf(byte[] body) {
        try {
            return ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw OtlpRejected.badRequest("The body is not a protobuf ExportTraceServiceRequest.", OtlpEncoding.PROTOBUF);
        }
    }

    private static ExportTraceServiceRequest fromJson(byte[] body, JsonMapper json) {
        Object tree;
        try {
            tree = json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            throw OtlpRejected.badRequest("The body is not valid JSON.", OtlpEncoding.JSON);
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw OtlpRejected.badRequest("The body must be a JSON object (an OTLP ExportTraceServiceRequest).", OtlpEncoding.JSON);
        }
        hexIdsToBase64(tree);
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(new String(json.writeValueAsBytes(tree), StandardCharsets.UTF_8), request);
        } catch (IOException | RuntimeException e) {
            throw OtlpRejected.badRequest("The JSON is not an OTLP ExportTraceServiceRequest: " + shorten(e.getMessage()), OtlpEncoding.JSON);
        }
        return request.build();
    }

    /** resourceSpans[].scopeSpans[].spans[] and their links: traceId, spanId, parentSpanId from hex to base64. */
    @SuppressWarnings("unchecked")
    private static void hexIdsToBase64(Object tree) {
        for (Object resource : list(((Map<String, Object>) tree).get("resourceSpans"))) {
            for (Object scope : list(field(resource, "scopeSpans"))) {
                for (Object span : list(field(scope, "spans"))) {
                    rewrite(span, "traceId", 16);
                    rewrite(span, "spanId", 8);
                    rewrite(span, "parentSpanId", 8);
                    for (Object link : list(field(span, "links"))) {
                        rewrite(link, "traceId", 16);
                        rewrite(link, "spanId", 8);
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void rewrite(Object holder, String key, int bytes) {
        if (!(holder instanceof Map<?, ?> map) || !(map.get(key) instanceof String hex) || hex.isEmpty()) {
            return;
        }
        if (hex.length() != bytes * 2 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw OtlpRejected.badRequest(key + " '" + shorten(hex) + "' must be " + bytes * 2 + " hex digits.", OtlpEncoding.JSON);
        }
        ((Map<String, Object>) map).put(key, BASE64.encodeToString(HEX.parseHex(hex)));
    }

    private static Object field(Object holder, String key) {
        return holder instanceof Map<?, ?> map ? map.get(key) : null;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
