package dev.agentops.hub.otel;

import com.google.protobuf.ByteString;
import dev.agentops.hub.ingestion.IngestRunRequest;
import dev.agentops.hub.pricing.UsageFormat;
import dev.agentops.hub.runs.EventType;
import dev.agentops.hub.shared.web.JsonFields;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the spans of an export onto run pieces (docs/api.md, "OpenTelemetry ingest"), following the OpenTelemetry
 * GenAI semantic conventions. Spans that carry nothing we record (an HTTP client span without an error, say) are
 * accepted and left out; a span that cannot be read (bad ids or times, a token count that is not a count) is
 * rejected alone and reported, the rest of its trace is kept.
 */
final class GenAiSpanMapper {

    /** What an export became: the traces to queue and the spans refused, with why (the first few). */
    record Mapped(List<TraceDraft> traces, int rejectedSpans, List<String> problems) {
    }

    static final Set<String> MODEL_CALLS = Set.of("chat", "text_completion", "generate_content", "embeddings");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_PROBLEMS = 5;
    private static final HexFormat HEX = HexFormat.of();

    private GenAiSpanMapper() {
    }

    static Mapped map(ExportTraceServiceRequest request, Instant now) {
        Map<String, TraceBuilder> traces = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = new SpanAttributes(resourceSpans.getResource().getAttributesList()).text("service.name");
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    try {
                        ReadSpan read = read(span, now);
                        traces.computeIfAbsent(read.traceId(), id -> new TraceBuilder(id, service)).add(read);
                    } catch (SpanAttributes.BadAttribute bad) {
                        rejected++;
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add("span " + (span.getSpanId().size() == 8 ? HEX.formatHex(span.getSpanId().toByteArray()) : "?")
                                + ": " + bad.getMessage());
                        }
                    }
                }
            }
        }
        return new Mapped(traces.values().stream().map(TraceBuilder::draft).toList(), rejected, problems);
    }

    /** A span with its ids, times and attributes checked. */
    private record ReadSpan(String traceId, String spanId, boolean root, Span span, SpanAttributes attributes,
                            Instant start, Instant end, String operation) {

        boolean failed() {
            return span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR || attributes.has("error.type");
        }

        /** What went wrong, clipped to 10,000 characters; null when the span did not fail. */
        String error() {
            if (!failed()) {
                return null;
            }
            String message = span.getStatus().getMessage();
            String type = attributes.text("error.type");
            if (!message.isBlank()) {
                return clip(type != null && !message.contains(type) ? type + ": " + message : message, 10_000);
            }
            return type != null ? clip(type, 10_000) : "error";
        }

        long durationMs() {
            return Math.max(0, java.time.Duration.between(start, end).toMillis());
        }
    }

    private static ReadSpan read(Span span, Instant now) {
        String traceId = hexId(span.getTraceId(), 16, "trace_id");
        String spanId = hexId(span.getSpanId(), 8, "span_id");
        Instant start = nanos(span.getStartTimeUnixNano());
        Instant end = nanos(span.getEndTimeUnixNano());
        if (start.isBefore(EARLIEST) || start.isAfter(now.plusSeconds(86_400))) {
            throw new SpanAttributes.BadAttribute("start_time_unix_nano must be between 2000-01-01 and one day from now");
        }
        if (end.isBefore(start)) {
            throw new SpanAttributes.BadAttribute("end_time_unix_nano must not be before start_time_unix_nano");
        }
        SpanAttributes attributes = new SpanAttributes(span.getAttributesList());
        String operation = attributes.text("gen_ai.operation.name");
        if (operation != null && MODEL_CALLS.contains(operation)) {
            usage(attributes); // a token count that is not one rejects the span here
        }
        return new ReadSpan(traceId, spanId, span.getParentSpanId().isEmpty(), span, attributes, start, end, operation);
    }

    private static String hexId(ByteString id, int bytes, String field) {
        String hex = HEX.formatHex(id.toByteArray());
        if (id.size() != bytes || hex.chars().allMatch(c -> c == '0')) {
            throw new SpanAttributes.BadAttribute(field + " must be " + bytes + " bytes, not all zero");
        }
        return hex;
    }

    /** The trace's spans of this export, turned into one draft. */
    private static final class TraceBuilder {
        private final String traceId;
        private final String service;
        private final Map<String, IngestRunRequest.Event> events = new LinkedHashMap<>();
        private ReadSpan root;
        private String agentId;
        private String agentName;
        private int spans;

        TraceBuilder(String traceId, String service) {
            this.traceId = traceId;
            this.service = service;
        }

        void add(ReadSpan span) {
            spans++;
            if (span.root() && root == null) {
                root = span;
            }
            boolean agentSpan = "invoke_agent".equals(span.operation()) || "create_agent".equals(span.operation());
            if (agentSpan || span.attributes().has("gen_ai.agent.name") || span.attributes().has("gen_ai.agent.id")) {
                // the root's agent wins over a sub-agent's; otherwise the first one seen
                if (agentName == null && agentId == null || span.root()) {
                    agentName = span.attributes().text("gen_ai.agent.name");
                    agentId = span.attributes().text("gen_ai.agent.id");
                }
            }
            IngestRunRequest.Event event = event(span);
            if (event != null) {
                events.putIfAbsent(span.spanId(), event);
            }
        }

        TraceDraft draft() {
            AgentNaming agent = new AgentNaming(clip(agentId, 200), clip(agentName, 200), clip(service, 200));
            if (root == null) {
                return new TraceDraft(traceId, agent, null, null, null, null, null, null, List.copyOf(events.values()), spans);
            }
            Map<String, Object> metadata = JsonFields.present("otel_root_span", clip(root.span().getName(), 200),
                "otel_service_name", clip(service, 200));
            String model = clip(root.attributes().firstText("gen_ai.response.model", "gen_ai.request.model"), 200);
            return new TraceDraft(traceId, agent, root.failed() ? "failed" : "completed", root.error(),
                root.start().toString(), root.end().toString(), model, metadata, List.copyOf(events.values()), spans);
        }

        /** The event a span is, or null when it is the run itself or nothing we record. */
        private static IngestRunRequest.Event event(ReadSpan span) {
            String operation = span.operation();
            if (operation != null && MODEL_CALLS.contains(operation)) {
                return modelCall(span);
            }
            if ("execute_tool".equals(operation)) {
                String tool = span.attributes().text("gen_ai.tool.name");
                return event(span, EventType.TOOL_CALL, JsonFields.present(
                    "tool_name", clip(tool != null ? tool : span.span().getName(), 200),
                    "call_id", clip(span.attributes().text("gen_ai.tool.call.id"), 200),
                    "tool_type", clip(span.attributes().text("gen_ai.tool.type"), 100), "error", span.error()), null, null);
            }
            if (span.root() && ("invoke_agent".equals(operation) || operation == null)) {
                return null;
            }
            if ("invoke_agent".equals(operation) || "create_agent".equals(operation)) {
                Map<String, Object> payload = JsonFields.present("kind", operation,
                    "agent_name", clip(span.attributes().text("gen_ai.agent.name"), 200), "error", span.error());
                return event(span, EventType.CUSTOM, payload, null, null);
            }
            if (span.failed()) {
                return event(span, EventType.ERROR,
                    JsonFields.of("message", span.error(), "span_name", clip(span.span().getName(), 200)), null, null);
            }
            return null;
        }

        private static IngestRunRequest.Event modelCall(ReadSpan span) {
            SpanAttributes a = span.attributes();
            String model = clip(a.firstText("gen_ai.response.model", "gen_ai.request.model"), 200);
            Map<String, Object> request = JsonFields.present("model", clip(a.text("gen_ai.request.model"), 200),
                "max_tokens", a.number("gen_ai.request.max_tokens"), "temperature", a.number("gen_ai.request.temperature"));
            Map<String, Object> response = JsonFields.present("model", clip(a.text("gen_ai.response.model"), 200),
                "id", clip(a.text("gen_ai.response.id"), 200), "finish_reasons", a.texts("gen_ai.response.finish_reasons"));
            Map<String, Object> payload = JsonFields.present(
                "provider", clip(a.firstText("gen_ai.provider.name", "gen_ai.system"), 100), "operation", span.operation(),
                "request", request, "response", response, "error", span.error());
            return event(span, EventType.LLM_CALL, payload, model, usage(a));
        }

        private static IngestRunRequest.Event event(ReadSpan span, EventType type, Map<String, Object> payload, String model,
                                                    Map<String, Object> usage) {
            return new IngestRunRequest.Event(span.spanId(), type.wireName(), span.start().toString(), span.durationMs(), payload,
                model, usage, null, usage == null ? null : UsageFormat.OPENAI.wireName());
        }
    }

    /**
     * The span's token usage as an OpenAI Responses usage object (read with the format hint {@code openai}), or null
     * when it reports none. The conventions count cached tokens inside {@code gen_ai.usage.input_tokens}; some
     * instrumentations report them beside it (Anthropic's way), which shows as more cached than input tokens: then
     * they are added.
     */
    static Map<String, Object> usage(SpanAttributes a) {
        Long input = a.firstCount("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens");
        Long output = a.firstCount("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens");
        Long cached = a.firstCount("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
            "gen_ai.usage.cached_tokens");
        Long reasoning = a.firstCount("gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens");
        if (input == null && output == null && cached == null && reasoning == null) {
            return null;
        }
        long in = input == null ? 0 : input;
        long out = output == null ? 0 : output;
        long read = cached == null ? 0 : cached;
        long thinking = reasoning == null ? 0 : reasoning;
        return JsonFields.of("input_tokens", read > in ? in + read : in,
            "output_tokens", thinking > out ? out + thinking : out, "input_tokens_details", Map.of("cached_tokens", read),
            "output_tokens_details", Map.of("reasoning_tokens", thinking));
    }

    private static Instant nanos(long unixNanos) {
        return Instant.ofEpochSecond(Long.divideUnsigned(unixNanos, 1_000_000_000L), Long.remainderUnsigned(unixNanos, 1_000_000_000L));
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
