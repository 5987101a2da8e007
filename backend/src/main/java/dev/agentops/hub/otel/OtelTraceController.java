package dev.agentops.hub.otel;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;

/**
 * The OTLP/HTTP trace receiver. An OpenTelemetry exporter pointed at {@code <base>/api/v1/otel/v1/traces} with an
 * ingest-scoped API key in its headers sends here unchanged. Every content type reaches the method (the check is
 * ours), so that a wrong one is answered in OTLP's error shape, not with the API's 415 envelope.
 */
@Controller("/api/v1/otel/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "OpenTelemetry")
class OtelTraceController {

    private static final String PROTOBUF = "application/x-protobuf";

    private final OtelTraceService traces;

    OtelTraceController(OtelTraceService traces) {
        this.traces = traces;
    }

    @Operation(operationId = "exportOtelTraces", summary = "Receive OpenTelemetry traces (OTLP/HTTP)",
        description = "An OTLP/HTTP ExportTraceServiceRequest, protobuf or JSON, optionally gzip-compressed. Traces become "
            + "runs and GenAI spans become events (docs/api.md, \"OpenTelemetry ingest\"). 200 means stored; refused spans "
            + "are counted in partial_success. Errors are a google.rpc.Status in the request's encoding.")
    @Post("/traces")
    @Consumes(MediaType.ALL)
    @Produces({PROTOBUF, MediaType.APPLICATION_JSON})
    @RequiresPermission(Permission.INGEST)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @RequestBody(required = true, content = {
        @Content(mediaType = PROTOBUF, schema = @Schema(type = "string", format = "binary",
            description = "opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object",
            description = "ExportTraceServiceRequest in OTLP/JSON (hex trace and span ids, lowerCamelCase fields)"))})
    @ApiResponse(responseCode = "200", description = "ExportTraceServiceResponse (with partial_success when spans were refused)",
        content = {@Content(mediaType = PROTOBUF, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))})
    HttpResponse<byte[]> export(Authentication authentication, HttpRequest<?> request, @Body byte[] body) {
        OtelTraceService.Exported exported = traces.export(Actor.from(authentication), body == null ? new byte[0] : body,
            request.getHeaders().get(HttpHeaders.CONTENT_TYPE), request.getHeaders().get(HttpHeaders.CONTENT_ENCODING));
        byte[] answer = exported.encoding() == OtlpEncoding.PROTOBUF ? exported.response().toByteArray() : json(exported);
        return HttpResponse.ok(answer).contentType(exported.encoding().contentType());
    }

    private static byte[] json(OtelTraceService.Exported exported) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(exported.response()).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an ExportTraceServiceResponse always prints", e);
        }
    }
}
