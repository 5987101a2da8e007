package dev.agentops.hub.ingestion;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.pricing.PricedCost;
import dev.agentops.hub.pricing.PricingService;
import dev.agentops.hub.pricing.TokenUsage;
import dev.agentops.hub.runs.Run;
import dev.agentops.hub.runs.RunRepository;
import dev.agentops.hub.runs.StoredEvent;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges one piece of a run into the stored run, inside the organization's tenant scope of a worker transaction.
 * Status only moves forward (running, then the first final state); events are unique by event id (first write
 * wins); the run's totals are recomputed from its own last reported usage plus its stored events, so a piece that
 * arrives twice never counts twice. Cost: a run-level cost_usd sent by the client is the run's cost (provided);
 * otherwise its own usage is priced plus its events' costs (computed); any usage of an unknown model makes the
 * run's cost null (unpriced), never a silent 0.
 */
@Singleton
class RunMerger {

    static final class PermanentFailure extends RuntimeException {
        PermanentFailure(String message) {
            super(message);
        }
    }

    private final RunRepository runs;
    private final AgentRepository agents;
    private final PricingService pricing;
    private final RunRollups rollups;

    RunMerger(RunRepository runs, AgentRepository agents, PricingService pricing, RunRollups rollups) {
        this.runs = runs;
        this.agents = agents;
        this.pricing = pricing;
        this.rollups = rollups;
    }

    RunChanged merge(UUID org, QueuedRun queued) {
        IngestRunRequest piece = queued.run();
        Agent agent = agents.find(org, queued.agentId())
            .orElseThrow(() -> new PermanentFailure("agent " + queued.agentId() + " no longer exists"));
        Instant pieceStart = pieceStart(piece, queued.receivedAt());
        boolean created = runs.insertSkeleton(org, agent.id(), piece.runId(), pieceStart);
        Run before = runs.lockByReference(org, piece.runId());

        String defaultModel = piece.model() != null ? piece.model() : before.model();
        for (IngestRunRequest.Event event : piece.eventsOrEmpty()) {
            runs.insertEvent(org, before.id(), storedEvent(org, event, defaultModel));
        }
        Run after = mergedRun(org, before, piece, created, pieceStart);
        runs.update(after);
        rollups.replace(created ? null : before, after);
        agents.touchLastRun(org, agent.id(), after.startTime());
        return new RunChanged(org, after.id(), agent.id(), created);
    }

    private Run mergedRun(UUID org, Run before, IngestRunRequest piece, boolean created, Instant pieceStart) {
        String status = before.running() && piece.status() != null ? piece.status() : before.status();
        Instant start = created ? pieceStart
            : piece.startTime() != null ? min(before.startTime(), IngestValidation.parseTimestamp(piece.startTime())) : before.startTime();
        Instant end = before.endTime() != null ? before.endTime()
            : piece.endTime() != null ? IngestValidation.parseTimestamp(piece.endTime()) : null;
        Long duration = end != null && !end.isBefore(start) ? Duration.between(start, end).toMillis() : null;
        String model = piece.model() != null ? piece.model() : before.model();
        Map<String, Object> reportedUsageMap = piece.tokenUsage() != null
            ? usageMap(IngestValidation.usageOf(piece.tokenUsage(), piece.usageFormat())) : before.reportedUsage();
        TokenUsage reported = usageFrom(reportedUsageMap);
        BigDecimal reportedCost = piece.costUsd() != null ? piece.costUsd() : before.reportedCostUsd();

        RunRepository.EventTotals events = runs.eventTotals(org, before.id());
        TokenUsage total = reported.plus(new TokenUsage(events.inputTokens(), events.outputTokens(), events.cacheReadTokens(),
            events.cacheWriteTokens(), 0, events.reasoningTokens()));

        BigDecimal cost;
        String source;
        Map<String, Object> breakdown = new LinkedHashMap<>();
        String pricingModel = null;
        String pricingVersion = null;
        if (reportedCost != null) {
            cost = reportedCost;
            source = "provided";
            breakdown.put("provided", reportedCost);
        } else {
            Optional<PricedCost> own = reported.equals(TokenUsage.ZERO) ? Optional.empty()
                : model == null ? Optional.empty() : pricing.price(org, model, reported, start);
            boolean ownUnpriced = !reported.equals(TokenUsage.ZERO) && own.isEmpty();
            if (ownUnpriced || events.anyUnpriced()) {
                cost = null;
                source = "unpriced";
            } else {
                BigDecimal ownCost = own.map(PricedCost::costUsd).orElse(BigDecimal.ZERO);
                cost = ownCost.add(events.costUsd());
                source = "computed";
                own.ifPresent(priced -> breakdown.putAll(priced.breakdown()));
                breakdown.put("events", events.costUsd());
            }
            if (own.isPresent()) {
                pricingModel = own.get().modelEntryId();
                pricingVersion = own.get().catalogVersion();
            }
        }
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(concat(before.tags(), piece.tags())));
        Map<String, Object> metadata = new LinkedHashMap<>(before.metadata() == null ? Map.of() : before.metadata());
        if (piece.metadata() != null) {
            metadata.putAll(piece.metadata());
        }
        return new Run(before.id(), org, before.agentId(), before.externalReference(), status,
            piece.input() != null ? piece.input() : before.input(),
            piece.output() != null ? piece.output() : before.output(),
            piece.error() != null ? piece.error() : before.error(),
            start, end, duration, model, total.inputTokens(), total.outputTokens(), total.cacheReadTokens(),
            total.cacheWrite5mTokens() + total.cacheWrite1hTokens(), total.reasoningTokens(), cost,
            breakdown.isEmpty() ? null : breakdown, source, pricingModel, pricingVersion, tags, metadata,
            reportedUsageMap, reportedCost, before.createdAt(), before.updatedAt());
    }

    private StoredEvent storedEvent(UUID org, IngestRunRequest.Event event, String defaultModel) {
        Instant at = IngestValidation.parseTimestamp(event.timestamp());
        TokenUsage usage = IngestValidation.usageOf(event.tokenUsage(), event.usageFormat());
        String model = event.model() != null ? event.model() : defaultModel;
        BigDecimal cost = null;
        String source = "computed";
        Map<String, Object> breakdown = null;
        String pricingModel = null;
        if (event.costUsd() != null) {
            cost = event.costUsd();
            source = "provided";
        } else if (!usage.equals(TokenUsage.ZERO)) {
            Optional<PricedCost> priced = model == null ? Optional.empty() : pricing.price(org, model, usage, at);
            if (priced.isPresent()) {
                cost = priced.get().costUsd();
                breakdown = new LinkedHashMap<>(priced.get().breakdown());
                pricingModel = priced.get().modelEntryId();
            } else {
                source = "unpriced";
            }
        }
        return new StoredEvent(null, event.eventId(), event.eventType(), at, event.durationMs(), event.payload(), model,
            usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(),
            usage.cacheWrite5mTokens() + usage.cacheWrite1hTokens(), usage.reasoningTokens(), cost, source, breakdown, pricingModel);
    }

    private static Instant pieceStart(IngestRunRequest piece, Instant receivedAt) {
        if (piece.startTime() != null) {
            return IngestValidation.parseTimestamp(piece.startTime());
        }
        return piece.eventsOrEmpty().stream().map(e -> IngestValidation.parseTimestamp(e.timestamp()))
            .min(Comparator.naturalOrder()).orElse(receivedAt);
    }

    private static Map<String, Object> usageMap(TokenUsage usage) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_tokens", usage.inputTokens());
        map.put("output_tokens", usage.outputTokens());
        map.put("cache_read_tokens", usage.cacheReadTokens());
        map.put("cache_write_5m_tokens", usage.cacheWrite5mTokens());
        map.put("cache_write_1h_tokens", usage.cacheWrite1hTokens());
        map.put("reasoning_tokens", usage.reasoningTokens());
        return map;
    }

    private static TokenUsage usageFrom(Map<String, Object> map) {
        if (map == null) {
            return TokenUsage.ZERO;
        }
        return new TokenUsage(number(map, "input_tokens"), number(map, "output_tokens"), number(map, "cache_read_tokens"),
            number(map, "cache_write_5m_tokens"), number(map, "cache_write_1h_tokens"), number(map, "reasoning_tokens"));
    }

    private static long number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }
}
