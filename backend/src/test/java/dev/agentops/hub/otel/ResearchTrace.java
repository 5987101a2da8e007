package dev.agentops.hub.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

/**
 * A research agent's trace made by the real OpenTelemetry SDK with the GenAI conventions: the agent span (root,
 * 0-5 s), a chat span (1-2 s, gpt-4o, 1000 input of which 400 cached, 200 output), a tool span (2-3 s, search) and a
 * second chat span (3-4.5 s, gpt-4o, 500 input, 100 output).
 */
final class ResearchTrace {

    static final String AGENT_NAME = "Research bot";
    /**
     * gpt-4o: 2.5e-6 per input, 1.25e-6 per cached input, 1e-5 per output token. First chat: 600 x 2.5e-6 + 400 x
     * 1.25e-6 + 200 x 1e-5 = 0.004; second: 500 x 2.5e-6 + 100 x 1e-5 = 0.00225.
     */
    static final BigDecimal COST = new BigDecimal("0.00625");

    final Instant start;
    final List<SpanData> spans;

    private ResearchTrace(Instant start, List<SpanData> spans) {
        this.start = start;
        this.spans = spans;
    }

    String traceId() {
        return spans.get(0).getTraceId();
    }

    SpanData span(String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The spans other than the agent's (the root). */
    List<SpanData> children() {
        return spans.stream().filter(s -> s.getParentSpanContext().isValid()).toList();
    }

    List<SpanData> root() {
        return spans.stream().filter(s -> !s.getParentSpanContext().isValid()).toList();
    }

    /** Records the trace; {@code also} receives the spans as they end (an OTLP exporter's processor, say). */
    static ResearchTrace record(String serviceName, Instant start, boolean rootFails, SpanProcessor... also) {
        Collector collector = new Collector();
        var builder = SdkTracerProvider.builder()
            .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(stringKey("service.name"), serviceName))))
            .addSpanProcessor(SimpleSpanProcessor.create(collector));
        for (SpanProcessor processor : also) {
            builder.addSpanProcessor(processor);
        }
        try (SdkTracerProvider provider = builder.build()) {
            Tracer tracer = provider.get("agentops-test");
            Span agent = tracer.spanBuilder("invoke_agent " + AGENT_NAME).setNoParent().setStartTimestamp(start)
                .setAttribute("gen_ai.operation.name", "invoke_agent").setAttribute("gen_ai.agent.name", AGENT_NAME)
                .setAttribute("gen_ai.provider.name", "openai").startSpan();
            Context inAgent = Context.root().with(agent);
            chat(tracer, inAgent, start.plusMillis(1000), start.plusMillis(2000), 1000, 400, 200);
            Span tool = tracer.spanBuilder("execute_tool search").setParent(inAgent).setStartTimestamp(start.plusMillis(2000))
                .setAttribute("gen_ai.operation.name", "execute_tool").setAttribute("gen_ai.tool.name", "search")
                .setAttribute("gen_ai.tool.call.id", "call_1").startSpan();
            tool.end(start.plusMillis(3000));
            chat(tracer, inAgent, start.plusMillis(3000), start.plusMillis(4500), 500, 0, 100);
            if (rootFails) {
                agent.setStatus(StatusCode.ERROR, "the model refused");
                agent.setAttribute("error.type", "refusal");
            }
            agent.end(start.plusMillis(5000));
            provider.forceFlush().join(30, TimeUnit.SECONDS);
        }
        return new ResearchTrace(start, List.copyOf(collector.spans));
    }

    private static void chat(Tracer tracer, Context parent, Instant from, Instant to, long input, long cached, long output) {
        var builder = tracer.spanBuilder("chat gpt-4o").setParent(parent).setStartTimestamp(from)
            .setAttribute("gen_ai.operation.name", "chat").setAttribute("gen_ai.provider.name", "openai")
            .setAttribute("gen_ai.request.model", "gpt-4o").setAttribute("gen_ai.response.model", "gpt-4o")
            .setAttribute("gen_ai.usage.input_tokens", input).setAttribute("gen_ai.usage.output_tokens", output);
        if (cached > 0) {
            builder.setAttribute("gen_ai.usage.cache_read.input_tokens", cached);
        }
        builder.startSpan().end(to);
    }

    /** Keeps the spans it is given, in the order they ended. */
    static final class Collector implements SpanExporter {
        final List<SpanData> spans = new ArrayList<>();

        @Override
        public synchronized CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
