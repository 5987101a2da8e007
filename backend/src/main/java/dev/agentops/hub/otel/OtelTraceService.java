package dev.agentops.hub.otel;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentService;
import dev.agentops.hub.ingestion.IngestRunRequest;
import dev.agentops.hub.ingestion.IngestService;
import dev.agentops.hub.shared.ratelimit.RateLimitedException;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.FieldProblem;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.json.JsonMapper;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Accepts one OTLP export: decode, map, resolve each trace's agent, queue each trace through
 * {@link IngestService#accept} (validation, the organization's ingest rate limit, the durable queue), and answer once
 * every piece is committed. A trace refused by a rule (its agent is archived or unknown, a piece is invalid) is
 * reported in {@code partial_success}; when nothing at all could be accepted the export is refused with 400. A
 * retryable refusal (rate limit, storage unavailable) refuses the whole export: pieces already queued merge
 * harmlessly when the exporter sends it again.
 */
@Singleton
class OtelTraceService {

    /** What to send back, and in which encoding. */
    record Exported(ExportTraceServiceResponse response, OtlpEncoding encoding) {
    }

    private final IngestService ingest;
    private final OtelAgents agents;
    private final JsonMapper json;
    private final Clock clock;
    private final long maxBytes;

    OtelTraceService(IngestService ingest, OtelAgents agents, JsonMapper json, Clock clock, HttpServerConfiguration server) {
        this.ingest = ingest;
        this.agents = agents;
        this.json = json;
        this.clock = clock;
        this.maxBytes = server.getMaxRequestSize();
    }

    Exported export(Actor actor, byte[] body, String contentType, String contentEncoding) {
        OtlpEncoding encoding = OtlpEncoding.of(contentType).orElseThrow(() -> new OtlpRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            OtlpRejected.INVALID_ARGUMENT, "Content-Type '" + OtlpTraceDecoder.shorten(contentType) + "' is not OTLP/HTTP: "
            + "send application/x-protobuf or application/json.", OtlpEncoding.JSON, null));
        GenAiSpanMapper.Mapped mapped =
            GenAiSpanMapper.map(OtlpTraceDecoder.decode(body, encoding, contentEncoding, maxBytes, json), clock.instant());
        int total = mapped.rejectedSpans() + mapped.traces().stream().mapToInt(TraceDraft::spans).sum();
        int rejected = mapped.rejectedSpans();
        List<String> problems = new ArrayList<>(mapped.problems());
        Map<AgentNaming, Optional<Agent>> resolved = new HashMap<>();
        List<CompletableFuture<?>> committing = new ArrayList<>();
        for (TraceDraft trace : mapped.traces()) {
            if (trace.events().isEmpty() && trace.status() == null) {
                continue;
            }
            Optional<Agent> agent = resolved.computeIfAbsent(trace.agent(), naming -> agents.resolve(actor, naming));
            if (agent.isEmpty()) {
                rejected += trace.spans();
                problems.add("trace " + trace.traceId() + ": no agent '" + AgentService.slugFrom(trace.agent().name())
                    + "', and this organization does not create agents from traces (discover_agents is off): create it first");
                continue;
            }
            for (IngestRunRequest piece : trace.pieces(agent.get().id().toString())) {
                try {
                    committing.add(ingest.accept(actor, piece));
                } catch (ApiException refused) {
                    if (refused instanceof RateLimitedException || refused.status().getCode() >= 500) {
                        throw retryable(refused, encoding);
                    }
                    rejected += trace.spans();
                    problems.add("trace " + trace.traceId() + ": " + refused.getMessage() + detail(refused));
                    break;
                }
            }
        }
        awaitCommitted(committing, encoding);
        if (rejected > 0 && rejected == total) {
            throw OtlpRejected.badRequest("No span of the export could be accepted: " + String.join("; ", problems), encoding);
        }
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (rejected > 0) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected)
                .setErrorMessage(String.join("; ", problems)));
        }
        return new Exported(response.build(), encoding);
    }

    /** A 200 promises storage: every piece must be committed first. */
    private static void awaitCommitted(List<CompletableFuture<?>> committing, OtlpEncoding encoding) {
        try {
            CompletableFuture.allOf(committing.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw retryable(e.getCause(), encoding);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw retryable(e, encoding);
        }
    }

    private static String detail(ApiException refused) {
        if (!(refused.details().get("fields") instanceof List<?> fields)) {
            return "";
        }
        return fields.stream().map(f -> f instanceof FieldProblem p ? p.field() + " " + p.problem() : String.valueOf(f))
            .collect(Collectors.joining(", ", " (", ")"));
    }

    /** A rate limit as 429 with its Retry-After, any other failure as 503: an exporter retries both. */
    private static OtlpRejected retryable(Throwable failure, OtlpEncoding encoding) {
        if (failure instanceof RateLimitedException limited) {
            return new OtlpRejected(HttpStatus.TOO_MANY_REQUESTS, OtlpRejected.RESOURCE_EXHAUSTED, limited.getMessage(),
                encoding, limited.decision().retryAfterSeconds());
        }
        return new OtlpRejected(HttpStatus.SERVICE_UNAVAILABLE, OtlpRejected.UNAVAILABLE,
            "The spans could not be stored; retry the export (a retry never counts anything twice).", encoding, 1L);
    }
}
