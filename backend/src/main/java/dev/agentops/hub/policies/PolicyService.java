package dev.agentops.hub.policies;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.FieldProblem;
import dev.agentops.hub.shared.web.JsonFields;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Problems;
import dev.agentops.hub.shared.web.WireNames;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Policies: CRUD where every change is a new immutable version (and an audit row), validated on save, dropped from
 * every instance's check cache after commit; the editor's Test panel ({@link #evaluate}).
 */
@Singleton
class PolicyService {

    private final PolicyRepository policies;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final PolicyCache cache;
    private final PolicyCounts counts;
    private final Clock clock;

    PolicyService(PolicyRepository policies, TenantTransactions tenants, AuditTrail audit, PolicyCache cache, PolicyCounts counts,
                  Clock clock) {
        this.policies = policies;
        this.counts = counts;
        this.tenants = tenants;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    PolicyResponse create(Actor actor, PolicyRequests.Create request) {
        validRule(request.ruleDefinition());
        UUID org = actor.organizationId();
        PolicyStatus status = request.status() == null ? PolicyStatus.ACTIVE : WireNames.parse(PolicyStatus.class, request.status()).orElseThrow();
        UUID by = actor.isUser() ? actor.id() : null;
        PolicyResponse created = tenants.write(org, () -> {
            if (policies.count(org) >= PolicyRepository.MAX_PER_ORGANIZATION) {
                throw Problems.conflict("limit_reached", "An organization has at most " + PolicyRepository.MAX_PER_ORGANIZATION
                    + " policies; disable and reuse one.");
            }
            UUID id = policies.insert(org, request.name().trim(), blankToNull(request.description()), request.ruleDefinition(), status, by);
            PolicyRow row = policies.find(org, id).orElseThrow();
            policies.insertVersion(org, row, "created", actor.auditType(), actor.id());
            audit.record(org, AuditActor.of(actor), AuditEvent.of("policy.created", "policy", id).with("after", auditView(row)));
            return PolicyResponse.of(row, List.of());
        });
        cache.changed(org);
        return created;
    }

    ListResponse<PolicyResponse> list(Actor actor) {
        counts.flush();
        UUID org = actor.organizationId();
        List<PolicyResponse> all = tenants.read(org, () -> {
            var counts = policies.counts(org, clock.instant().minus(Duration.ofHours(24)));
            return policies.all(org).stream().map(p -> PolicyResponse.of(p, counts.get(p.id()))).toList();
        });
        return new ListResponse<>(all, new ListResponse.PageInfo(null, PolicyRepository.MAX_PER_ORGANIZATION));
    }

    PolicyResponse get(Actor actor, UUID id) {
        counts.flush();
        UUID org = actor.organizationId();
        return tenants.read(org, () -> withCounts(org, find(org, id)));
    }

    List<PolicyVersionResponse> versions(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        return tenants.read(org, () -> {
            find(org, id);
            return policies.versions(org, id);
        });
    }

    PolicyResponse update(Actor actor, UUID id, PolicyRequests.Update request) {
        if (request.ruleDefinition() != null) {
            validRule(request.ruleDefinition());
        }
        return change(actor, id, "updated", before -> new PolicyRow(before.id(),
            request.name() == null ? before.name() : request.name().trim(),
            request.description() == null ? before.description() : blankToNull(request.description()),
            request.ruleDefinition() == null ? before.ruleDefinition() : request.ruleDefinition(),
            request.status() == null ? before.status() : WireNames.parse(PolicyStatus.class, request.status()).orElseThrow(),
            before.version() + 1, before.createdBy(), before.createdAt(), before.updatedAt()));
    }

    /** DELETE deactivates: the policy and its versions stay (decisions and approvals name them). */
    void deactivate(Actor actor, UUID id) {
        change(actor, id, "deactivated", before -> new PolicyRow(before.id(), before.name(), before.description(),
            before.ruleDefinition(), PolicyStatus.DISABLED, before.version() + 1, before.createdBy(), before.createdAt(),
            before.updatedAt()));
    }

    private PolicyResponse change(Actor actor, UUID id, String change, java.util.function.UnaryOperator<PolicyRow> next) {
        UUID org = actor.organizationId();
        boolean[] changed = {false};
        PolicyResponse result = tenants.write(org, () -> {
            PolicyRow before = policies.lock(org, id).orElseThrow(() -> Problems.notFound("policy", id));
            PolicyRow after = next.apply(before);
            if (sameContent(before, after)) {
                return withCounts(org, before); // nothing changed: no new version, no audit row
            }
            policies.update(org, after, actor.isUser() ? actor.id() : null);
            policies.insertVersion(org, after, change, actor.auditType(), actor.id());
            audit.record(org, AuditActor.of(actor), AuditEvent.of("policy." + change, "policy", id)
                .beforeAfter(auditView(before), auditView(after)));
            changed[0] = true;
            return withCounts(org, policies.find(org, id).orElseThrow());
        });
        if (changed[0]) {
            cache.changed(org);
        }
        return result;
    }

    /** The decision of one policy (saved, or the draft in the request) for sample variables; no side effects. */
    PolicyEvaluation evaluate(Actor actor, UUID id, PolicyRequests.Evaluate request) {
        UUID org = actor.organizationId();
        PolicyRow row = tenants.read(org, () -> find(org, id));
        Rule draft = request.ruleDefinition() == null ? null : validRule(request.ruleDefinition());
        for (String root : request.context().keySet()) {
            if (!CelRules.ROOTS.contains(root)) {
                throw Problems.validation("context." + root, "is not a rule variable (agent, action, run, budget, time)");
            }
            if (!(request.context().get(root) instanceof Map)) {
                throw Problems.validation("context." + root, "must be an object");
            }
        }
        Verdict verdict = PolicyEvaluator.evaluate(underTest(row, draft), new Facts(request.context()));
        return new PolicyEvaluation(row.id(), draft == null ? row.version() : null, verdict.matched(),
            (verdict.decides() ? verdict.decision() : Decision.ALLOW).wireName(), verdict.error());
    }

    /** The saved policy, or with {@code draft} as its rule (version 0: a draft has none). */
    CompiledPolicy underTest(PolicyRow row, Rule draft) {
        return new CompiledPolicy(row.id(), draft != null ? 0 : row.version(), row.name(), row.status(),
            draft != null ? draft : cache.compiled(row.id(), row.version(), row.ruleDefinition()));
    }

    /** The parsed rule, or {@code 400 validation_failed} naming each problem by JSON pointer. */
    static Rule validRule(Map<String, Object> definition) {
        try {
            return RuleParser.parse(definition);
        } catch (InvalidRuleException e) {
            throw invalid(e);
        }
    }

    static ApiException invalid(InvalidRuleException e) {
        List<RuleProblem> problems = e.problems();
        RuleProblem first = problems.get(0);
        String summary = "rule_definition" + first.pointer() + ": " + first.problem()
            + (problems.size() > 1 ? "; and " + (problems.size() - 1) + " more" : "");
        Map<String, Object> details = JsonFields.of("fields", problems.stream()
            .map(p -> new FieldProblem("rule_definition" + p.pointer(), p.problem())).toList(),
            "pointer", first.pointer(), "rule_errors", problems);
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "The rule is invalid (" + summary + ").", details);
    }

    private PolicyResponse withCounts(UUID org, PolicyRow row) {
        return PolicyResponse.of(row, policies.counts(org, clock.instant().minus(Duration.ofHours(24))).get(row.id()));
    }

    PolicyRow find(UUID org, UUID id) {
        return policies.find(org, id).orElseThrow(() -> Problems.notFound("policy", id));
    }

    private static boolean sameContent(PolicyRow a, PolicyRow b) {
        return a.name().equals(b.name()) && Objects.equals(a.description(), b.description())
            && a.ruleDefinition().equals(b.ruleDefinition()) && a.status() == b.status();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> auditView(PolicyRow p) {
        return JsonFields.of("name", p.name(), "description", p.description(), "status", p.status().wireName(),
            "version", p.version(), "rule_definition", p.ruleDefinition());
    }
}
