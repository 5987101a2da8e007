package dev.agentops.hub.ingestion;

import dev.agentops.hub.pricing.CostSource;
import dev.agentops.hub.pricing.NormalizedUsage;
import dev.agentops.hub.runs.RunStatus;
import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.pricing.PricedCost;
import dev.agentops.hub.pricing.PricingService;
import dev.agentops.hub.pricing.TokenUsage;
import dev.agentops.hub.pricing.UsageNormalizer;
import dev.agentops.hub.runs.EventPayloads;
import dev.agentops.hub.runs.Run;
import dev.agentops.hub.runs.RunRepository;
import dev.agentops.hub.runs.StoredEvent;
import dev.agentops.hub.shared.db.TimeOrderedIds;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Merges pieces of runs into the stored runs, inside the organization's tenant scope of a worker transaction.
 * Status only moves forward (running, then the first final state); events are unique by event id (first write
 * wins); the run's totals are recomputed from its own last reported usage plus its stored events, so a piece that
 * arrives twice never counts twice. Cost: a run-level cost_usd sent by the client is the run's cost (provided);
 * otherwise its own usage is priced plus its events' costs (computed); any usage of an unknown model makes the
 * run's cost null (unpriced), and any usage object of no known shape makes it null too (usage_unrecognized, the
 * stronger reason: no price could fix it), never a silent 0.
 */
@Singleton
class RunMerger {

    /** A job that can never succeed (its agent is gone, its payload unreadable): it fails at once, not after retries. */
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

    /**
     * What merging one organization's pieces produced: one change per piece, and the changes to the shared rows
     * (rollups, agents' last run) that {@link #applyShared} writes.
     */
    record Merged(List<RunChanged> changes, RunRollups.Deltas rollupDeltas, Map<UUID, Instant> lastRunByAgent) {
    }

    /**
     * Merges one organization's pieces of a worker batch, in the order given. Pieces of different runs are merged
     * together, a few statements for all of them; several pieces of one run go in successive rounds. Within a round
     * runs are locked in reference order, so that concurrent workers rarely wait on each other crosswise (when they
     * do, PostgreSQL breaks the deadlock and the batch is retried job by job).
     */
    Merged merge(UUID org, List<QueuedRun> pieces) {
        Map<UUID, Agent> byId = agents.findAll(org, pieces.stream().map(QueuedRun::agentId).distinct().toList());
        pieces.stream().map(QueuedRun::agentId).filter(id -> !byId.containsKey(id)).findFirst().ifPresent(id -> {
            throw new PermanentFailure("agent " + id + " no longer exists");
        });
        RunChanged[] changes = new RunChanged[pieces.size()];
        RunRollups.Deltas deltas = new RunRollups.Deltas();
        Map<UUID, Instant> lastRunByAgent = new HashMap<>();
        for (Map<String, Integer> round : rounds(pieces)) {
            for (MergedPiece merged : mergeRound(org, round, pieces)) {
                Run after = merged.after();
                deltas.replace(merged.before(), after);
                lastRunByAgent.merge(after.agentId(), after.startTime(), RunMerger::max);
                changes[merged.index()] = new RunChanged(org, after.id(), after.agentId(), merged.before() == null,
                    after.externalReference(), new RunChanged.Totals(after.costUsd(), after.inputTokens(), after.outputTokens(),
                    merged.events()));
            }
        }
        return new Merged(List.of(changes), deltas, lastRunByAgent);
    }

    /**
     * Writes what a merge changed in rows that every worker touches (an agent's hourly rollup, its last run). A
     * worker does this last, just before it commits, so that it holds those row locks for as short a time as it can.
     */
    void applyShared(UUID org, Merged merged) {
        rollups.apply(org, merged.rollupDeltas());
        agents.touchLastRuns(org, merged.lastRunByAgent());
    }

    /**
     * A merged piece: its index in the batch, the run before ({@code null} when the piece created it) and after, and
     * how many events the run holds now.
     */
    private record MergedPiece(int index, Run before, Run after, long events) {
    }

    /** Rounds of piece indexes keyed by run reference: the n-th piece of every run goes in round n. */
    private static List<Map<String, Integer>> rounds(List<QueuedRun> pieces) {
        List<Map<String, Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String reference = pieces.get(i).run().runId();
            int round = 0;
            while (round < rounds.size() && rounds.get(round).containsKey(reference)) {
                round++;
            }
            if (round == rounds.size()) {
                rounds.add(new TreeMap<>());
            }
            rounds.get(round).put(reference, i);
        }
        return rounds;
    }

    /** Pieces of distinct runs: new runs are inserted whole, existing ones locked, merged and updated. */
    private List<MergedPiece> mergeRound(UUID org, Map<String, Integer> round, List<QueuedRun> pieces) {
        Map<String, Run> existing = runs.lockByReferences(org, round.keySet());
        List<MergedPiece> merged = new ArrayList<>();
        List<RunRepository.NewEvent> newEvents = new ArrayList<>();

        Map<String, List<StoredEvent>> freshEvents = new HashMap<>();
        List<Run> fresh = new ArrayList<>();
        round.forEach((reference, index) -> {
            if (!existing.containsKey(reference)) {
                QueuedRun piece = pieces.get(index);
                List<StoredEvent> events = firstOfEachId(storedEvents(org, piece.run(), piece.run().model()));
                freshEvents.put(reference, events);
                Run skeleton = skeleton(org, piece.agentId(), reference, pieceStart(piece.run(), piece.receivedAt()));
                fresh.add(mergedRun(org, skeleton, piece.run(), RunRepository.EventTotals.of(events)));
            }
        });
        Set<String> inserted = runs.insertNew(fresh);
        for (Run run : fresh) {
            if (inserted.contains(run.externalReference())) {
                merged.add(new MergedPiece(round.get(run.externalReference()), null, run, freshEvents.get(run.externalReference()).size()));
                freshEvents.get(run.externalReference()).forEach(e -> newEvents.add(new RunRepository.NewEvent(run.id(), e)));
            }
        }
        // another worker stored some of these runs since the lock above: merge into theirs
        List<String> lost = fresh.stream().map(Run::externalReference).filter(r -> !inserted.contains(r)).toList();
        existing.putAll(runs.lockByReferences(org, lost));

        for (Run before : existing.values()) {
            IngestRunRequest piece = pieces.get(round.get(before.externalReference())).run();
            String defaultModel = piece.model() != null ? piece.model() : before.model();
            storedEvents(org, piece, defaultModel).forEach(e -> newEvents.add(new RunRepository.NewEvent(before.id(), e)));
        }
        runs.insertEvents(org, newEvents);

        Map<UUID, RunRepository.EventTotals> totals = runs.eventTotals(org, existing.values().stream().map(Run::id).toList());
        List<Run> updated = new ArrayList<>();
        for (Run before : existing.values()) {
            int index = round.get(before.externalReference());
            RunRepository.EventTotals events = totals.getOrDefault(before.id(), RunRepository.EventTotals.NONE);
            Run after = mergedRun(org, before, pieces.get(index).run(), events);
            updated.add(after);
            merged.add(new MergedPiece(index, before, after, events.count()));
        }
        updated.sort(Comparator.comparing(Run::externalReference));
        runs.update(updated);
        return merged;
    }

    /**
     * The stored run with its cost computed again from its own reported usage and its stored events' totals (which the
     * caller has re-priced), exactly as a new piece would compute it; everything else stays as stored.
     */
    Run repriced(UUID org, Run stored, RunRepository.EventTotals events) {
        IngestRunRequest nothingNew = new IngestRunRequest(stored.externalReference(), stored.agentId().toString(), null, null,
            null, null, null, null, null, null, null, null, null, null, null);
        return mergedRun(org, stored, nothingNew, events);
    }

    /** A run as it is before its first piece: running, no usage, no cost yet. */
    private static Run skeleton(UUID org, UUID agentId, String reference, Instant start) {
        return Run.builder().id(TimeOrderedIds.next()).organizationId(org).agentId(agentId).externalReference(reference)
            .status(RunStatus.RUNNING.wireName()).startTime(start).costSource(CostSource.UNPRICED.wireName())
            .tags(List.of()).metadata(Map.of()).build();
    }

    /** {@code before} is the stored run, or for a new one its {@link #skeleton}, which starts when its piece does. */
    private Run mergedRun(UUID org, Run before, IngestRunRequest piece, RunRepository.EventTotals events) {
        String status = before.running() && piece.status() != null ? piece.status() : before.status();
        Instant start = piece.startTime() != null
            ? min(before.startTime(), IngestValidation.parseTimestamp(piece.startTime())) : before.startTime();
        Instant end = before.endTime() != null ? before.endTime()
            : piece.endTime() != null ? IngestValidation.parseTimestamp(piece.endTime()) : null;
        Long duration = end != null && !end.isBefore(start) ? Duration.between(start, end).toMillis() : null;
        String model = piece.model() != null ? piece.model() : before.model();
        Map<String, Object> reportedUsageMap = piece.tokenUsage() != null
            ? usageMap(UsageNormalizer.read(piece.tokenUsage(), piece.usageFormat())) : before.reportedUsage();
        TokenUsage reported = usageFrom(reportedUsageMap);
        boolean ownUnrecognized = reportedUsageMap != null && Boolean.FALSE.equals(reportedUsageMap.get("recognized"));
        BigDecimal reportedCost = piece.costUsd() != null ? piece.costUsd() : before.reportedCostUsd();

        TokenUsage total = reported.plus(new TokenUsage(events.inputTokens(), events.outputTokens(), events.cacheReadTokens(),
            events.cacheWriteTokens(), 0, events.reasoningTokens()));

        BigDecimal cost = null;
        String source;
        Map<String, Object> breakdown = new LinkedHashMap<>();
        String pricingModel = null;
        String pricingVersion = null;
        if (reportedCost != null) {
            cost = reportedCost;
            source = CostSource.PROVIDED.wireName();
            breakdown.put("provided", reportedCost);
        } else {
            Optional<PricedCost> own = reported.equals(TokenUsage.ZERO) ? Optional.empty()
                : model == null ? Optional.empty() : pricing.price(org, model, reported, start);
            boolean ownUnpriced = !reported.equals(TokenUsage.ZERO) && own.isEmpty();
            if (ownUnrecognized || events.anyUnrecognized()) {
                source = CostSource.USAGE_UNRECOGNIZED.wireName();
            } else if (ownUnpriced || events.anyUnpriced()) {
                source = CostSource.UNPRICED.wireName();
            } else {
                cost = own.map(PricedCost::costUsd).orElse(BigDecimal.ZERO).add(events.costUsd());
                source = CostSource.COMPUTED.wireName();
                own.ifPresent(priced -> breakdown.putAll(priced.breakdown()));
                breakdown.put("events", events.costUsd());
            }
            pricingModel = own.map(PricedCost::modelEntryId).orElse(null);
            pricingVersion = own.map(PricedCost::catalogVersion).orElse(null);
        }
        Set<String> tags = new LinkedHashSet<>(before.tags() == null ? List.of() : before.tags());
        Map<String, Object> metadata = new LinkedHashMap<>(before.metadata() == null ? Map.of() : before.metadata());
        if (piece.tags() != null) {
            tags.addAll(piece.tags());
        }
        if (piece.metadata() != null) {
            metadata.putAll(piece.metadata());
        }
        return Run.builder().id(before.id()).organizationId(org).agentId(before.agentId())
            .externalReference(before.externalReference()).status(status)
            .input(piece.input() != null ? piece.input() : before.input())
            .output(piece.output() != null ? piece.output() : before.output())
            .error(piece.error() != null ? piece.error() : before.error())
            .startTime(start).endTime(end).durationMs(duration).model(model)
            .inputTokens(total.inputTokens()).outputTokens(total.outputTokens()).cacheReadTokens(total.cacheReadTokens())
            .cacheWriteTokens(total.cacheWriteTokens()).reasoningTokens(total.reasoningTokens())
            .costUsd(cost).costBreakdown(breakdown.isEmpty() ? null : breakdown).costSource(source)
            .pricingModel(pricingModel).pricingVersion(pricingVersion).tags(new ArrayList<>(tags)).metadata(metadata)
            .reportedUsage(reportedUsageMap).reportedCostUsd(reportedCost)
            .createdAt(before.createdAt()).updatedAt(before.updatedAt()).build();
    }

    private List<StoredEvent> storedEvents(UUID org, IngestRunRequest piece, String defaultModel) {
        return piece.eventsOrEmpty().stream().map(event -> storedEvent(org, event, defaultModel)).toList();
    }

    /** Event ids are unique per run and the first one written wins, within a piece too. */
    private static List<StoredEvent> firstOfEachId(List<StoredEvent> events) {
        Map<String, StoredEvent> first = new LinkedHashMap<>();
        events.forEach(e -> first.putIfAbsent(e.eventId(), e));
        return List.copyOf(first.values());
    }

    private StoredEvent storedEvent(UUID org, IngestRunRequest.Event event, String defaultModel) {
        Instant at = IngestValidation.parseTimestamp(event.timestamp());
        NormalizedUsage read = UsageNormalizer.read(event.tokenUsage(), event.usageFormat());
        TokenUsage usage = read.usage();
        String model = event.model() != null ? event.model() : defaultModel;
        BigDecimal cost = null;
        String source = CostSource.COMPUTED.wireName();
        Map<String, Object> breakdown = null;
        String pricingModel = null;
        if (event.costUsd() != null) {
            cost = event.costUsd();
            source = CostSource.PROVIDED.wireName();
        } else if (!read.recognized()) {
            source = CostSource.USAGE_UNRECOGNIZED.wireName();
        } else if (!usage.equals(TokenUsage.ZERO)) {
            Optional<PricedCost> priced = model == null ? Optional.empty() : pricing.price(org, model, usage, at);
            if (priced.isPresent()) {
                cost = priced.get().costUsd();
                breakdown = new LinkedHashMap<>(priced.get().breakdown());
                pricingModel = priced.get().modelEntryId();
            } else {
                source = CostSource.UNPRICED.wireName();
            }
        }
        return new StoredEvent(null, event.eventId(), event.eventType(), at, event.durationMs(),
            EventPayloads.canonical(event.eventType(), event.payload()), model, usage.inputTokens(), usage.outputTokens(),
            usage.cacheReadTokens(), usage.cacheWriteTokens(), usage.reasoningTokens(), cost, source, breakdown,
            pricingModel, read.unrecognizedKeys());
    }

    private static Instant pieceStart(IngestRunRequest piece, Instant receivedAt) {
        if (piece.startTime() != null) {
            return IngestValidation.parseTimestamp(piece.startTime());
        }
        return piece.eventsOrEmpty().stream().map(e -> IngestValidation.parseTimestamp(e.timestamp()))
            .min(Comparator.naturalOrder()).orElse(receivedAt);
    }

    /** The run's own usage as kept in {@code reported_usage}: its counts, and whether and what was not recognised. */
    private static Map<String, Object> usageMap(NormalizedUsage read) {
        TokenUsage usage = read.usage();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("input_tokens", usage.inputTokens());
        map.put("output_tokens", usage.outputTokens());
        map.put("cache_read_tokens", usage.cacheReadTokens());
        map.put("cache_write_5m_tokens", usage.cacheWrite5mTokens());
        map.put("cache_write_1h_tokens", usage.cacheWrite1hTokens());
        map.put("reasoning_tokens", usage.reasoningTokens());
        if (!read.recognized()) {
            map.put("recognized", false);
        }
        if (!read.unrecognizedKeys().isEmpty()) {
            map.put(Run.UNRECOGNIZED_USAGE_KEYS, read.unrecognizedKeys());
        }
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

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
