package dev.agentops.hub.policies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure evaluator: every operator, groups, CEL, precedence, on_error, shadow and versions. */
class PolicyEvaluatorTest {

    static Facts facts() {
        return new Facts(Map.of(
            "agent", Map.of("id", "a-1", "slug", "sales-bot", "name", "SalesBot", "type", "sales", "environment", "prod",
                "team", "growth", "tags", List.of("eu", "tier-1")),
            "action", mapOf("type", "send_email", "discount_percent", 15, "amount", new BigDecimal("1200.50"),
                "to", "bob@partner.example", "note", null, "customer", Map.of("country", "FR")),
            "run", Map.of("id", "r-1", "cost_usd", 0.42, "input_tokens", 1000L, "output_tokens", 200, "events", 7),
            "budget", Map.of("percent_used", 85.5, "state", "warning"),
            "time", Map.of("hour", 22, "weekday", "saturday")));
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static CompiledPolicy policy(String name, PolicyStatus status, int version, Map<String, ?> rule) {
        return new CompiledPolicy(UUID.randomUUID(), version, name, status, RuleParser.parse(rule));
    }

    static Map<String, Object> when(String field, String operator, Object value, String action) {
        Map<String, Object> row = mapOf("field", field, "operator", operator, "value", value);
        return mapOf("type", "conditional", "conditions", List.of(row), "action", action);
    }

    static boolean matches(String field, String operator, Object value) {
        return PolicyEvaluator.evaluate(policy("p", PolicyStatus.ACTIVE, 1, when(field, operator, value, "block")), facts()).matched();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "agent.name|equals|SalesBot|true",
        "agent.name|equals|salesbot|false",
        "agent.name|not_equals|Other|true",
        "agent.name|not_equals|SalesBot|false",
        "agent.name|contains|Bot|true",
        "agent.name|starts_with|Sales|true",
        "agent.name|starts_with|Bot|false",
        "agent.name|ends_with|Bot|true",
        "action.to|matches|@partner\\.example$|true",
        "action.to|matches|^alice@|false",
        "agent.tags|contains|eu|true",
        "agent.tags|contains|us|false",
        "action.customer.country|equals|FR|true",
        "budget.state|equals|warning|true",
    })
    void textOperators(String field, String operator, String value, boolean expected) {
        assertThat(matches(field, operator, value)).isEqualTo(expected);
    }

    @Test
    void numericOperatorsCompareByValueAcrossIntegerAndDecimal() {
        assertThat(matches("action.discount_percent", "greater_than", 10)).isTrue();
        assertThat(matches("action.discount_percent", "greater_than", 15)).isFalse();
        assertThat(matches("action.discount_percent", "greater_or_equal", 15.0)).isTrue();
        assertThat(matches("action.discount_percent", "less_than", 15.5)).isTrue();
        assertThat(matches("action.discount_percent", "less_or_equal", 14)).isFalse();
        assertThat(matches("action.amount", "greater_than", 1200.49)).isTrue();
        assertThat(matches("action.discount_percent", "equals", 15.0)).isTrue();
        assertThat(matches("run.input_tokens", "greater_or_equal", 1000)).isTrue();
        assertThat(matches("budget.percent_used", "greater_than", 80)).isTrue();
        assertThat(matches("time.hour", "less_than", 8)).isFalse();
    }

    @Test
    void inNotInAndExists() {
        assertThat(matches("action.type", "in", List.of("send_email", "payment"))).isTrue();
        assertThat(matches("action.type", "in", List.of("payment"))).isFalse();
        assertThat(matches("action.type", "not_in", List.of("payment"))).isTrue();
        assertThat(matches("action.discount_percent", "in", List.of(15.0, 20))).isTrue();
        assertThat(matches("time.weekday", "in", List.of("saturday", "sunday"))).isTrue();
        assertThat(matches("action.to", "exists", true)).isTrue();
        assertThat(matches("action.cc", "exists", true)).isFalse();
        assertThat(matches("action.cc", "exists", false)).isTrue();
        assertThat(matches("action.note", "exists", true)).as("JSON null counts as absent").isFalse();
    }

    @Test
    void anAbsentVariableMatchesOnlyTheNegativeOperators() {
        assertThat(matches("action.cc", "equals", "x")).isFalse();
        assertThat(matches("action.cc", "not_equals", "x")).isTrue();
        assertThat(matches("action.cc", "not_in", List.of("x"))).isTrue();
        assertThat(matches("action.cc", "greater_than", 1)).isFalse();
        assertThat(matches("action.cc", "matches", ".*")).isFalse();
        assertThat(matches("action.note", "equals", null)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupsNestAnyInsideAll() {
        Map<String, Object> rule = mapOf("type", "conditional", "action", "block", "conditions", new java.util.ArrayList<>(List.of(
            mapOf("field", "agent.environment", "operator", "equals", "value", "prod"),
            mapOf("any", List.of(
                mapOf("field", "action.amount", "operator", "greater_than", "value", 5000),
                mapOf("all", List.of(
                    mapOf("field", "time.weekday", "operator", "in", "value", List.of("saturday", "sunday")),
                    mapOf("field", "time.hour", "operator", "greater_or_equal", "value", 20))))))));
        assertThat(PolicyEvaluator.evaluate(policy("g", PolicyStatus.ACTIVE, 1, rule), facts()).matched()).isTrue();
        ((List<Object>) rule.get("conditions")).set(0, mapOf("field", "agent.environment", "operator", "equals", "value", "dev"));
        assertThat(PolicyEvaluator.evaluate(policy("g", PolicyStatus.ACTIVE, 1, rule), facts()).matched()).isFalse();
    }

    @Test
    void celExpressionsWithHeterogeneousNumbersMacrosAndMissingKeys() {
        assertThat(cel("action.amount > 1000 && action.discount_percent >= 15")).isTrue();
        assertThat(cel("run.cost_usd < 1 && run.output_tokens == 200")).isTrue();
        assertThat(cel("agent.tags.exists(t, t == 'eu') && has(action.customer)")).isTrue();
        assertThat(cel("!has(action.cc) && action.to.endsWith('@partner.example')")).isTrue();
        assertThat(cel("action.to.matches('^bob@')")).isTrue();
        assertThat(cel("time.weekday in ['monday', 'tuesday']")).isFalse();

        Verdict missing = PolicyEvaluator.evaluate(policy("m", PolicyStatus.ACTIVE, 1, mapOf("type", "expression",
            "expression", "action.cc == 'x'", "action", "allow")), facts());
        assertThat(missing.error()).isNotNull();
        assertThat(missing.decision()).as("a missing key is an error; on_error defaults to block").isEqualTo(Decision.BLOCK);
    }

    @Test
    void comprehensionsStopAtTheIterationCap() {
        Verdict capped = PolicyEvaluator.evaluate(policy("c", PolicyStatus.ACTIVE, 1, mapOf("type", "expression",
            "expression", "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, "
                + "[1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, true)))))", "action", "block", "on_error", "allow")),
            facts());
        assertThat(capped.error()).isNotNull();
        assertThat(capped.decision()).isEqualTo(Decision.ALLOW);
    }

    private static boolean cel(String expression) {
        Verdict v = PolicyEvaluator.evaluate(policy("e", PolicyStatus.ACTIVE, 1,
            mapOf("type", "expression", "expression", expression, "action", "block")), facts());
        assertThat(v.error()).as(expression).isNull();
        return v.matched();
    }

    @Test
    void precedenceIsBlockThenRequireApprovalThenAllowAndNoMatchAllows() {
        CompiledPolicy allow = policy("allow", PolicyStatus.ACTIVE, 1, when("agent.name", "equals", "SalesBot", "allow"));
        CompiledPolicy approve = policy("approve", PolicyStatus.ACTIVE, 2, approval());
        CompiledPolicy block = policy("block", PolicyStatus.ACTIVE, 3, when("action.type", "equals", "send_email", "block"));
        CompiledPolicy noMatch = policy("nomatch", PolicyStatus.ACTIVE, 1, when("action.type", "equals", "payment", "block"));

        assertThat(PolicyEvaluator.decide(List.of(allow, approve, block), facts()).decision()).isEqualTo(Decision.BLOCK);
        assertThat(PolicyEvaluator.decide(List.of(block, approve, allow), facts()).decision()).isEqualTo(Decision.BLOCK);
        PolicyDecision approval = PolicyEvaluator.decide(List.of(allow, approve, noMatch), facts());
        assertThat(approval.decision()).isEqualTo(Decision.REQUIRE_APPROVAL);
        assertThat(approval.reasons()).extracting(PolicyReason::name).containsExactly("approve", "allow");
        assertThat(approval.reasons().get(0).version()).isEqualTo(2);
        assertThat(approval.approvalVerdicts()).extracting(v -> v.policy().rule().approvers()).containsExactly(List.of("role:team_lead"));
        assertThat(PolicyEvaluator.decide(List.of(noMatch), facts()).decision()).isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.decide(List.of(), facts()).reasons()).isEmpty();
    }

    private static Map<String, Object> approval() {
        Map<String, Object> rule = when("action.discount_percent", "greater_than", 10, "require_approval");
        rule.put("approval_required_from", List.of("role:team_lead"));
        rule.put("timeout_minutes", 30);
        return rule;
    }

    @Test
    void aRuleThatCannotBeEvaluatedAppliesItsOnError() {
        Map<String, Object> closed = when("agent.id", "starts_with", "a", "allow");
        closed.put("conditions", List.of(mapOf("field", "action.amount", "operator", "starts_with", "value", "1")));
        PolicyDecision blocked = PolicyEvaluator.decide(List.of(policy("typed", PolicyStatus.ACTIVE, 1, closed)), facts());
        assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
        assertThat(blocked.reasons().get(0).code()).isEqualTo("evaluation_error");
        assertThat(blocked.reasons().get(0).message()).contains("action.amount", "/conditions/0");

        closed.put("on_error", "allow");
        closed.put("action", "block");
        assertThat(PolicyEvaluator.decide(List.of(policy("typed", PolicyStatus.ACTIVE, 1, closed)), facts()).decision())
            .isEqualTo(Decision.ALLOW);
    }

    @Test
    void shadowPoliciesAreEvaluatedButNeverEnforcedAndDisabledOnesNotAtAll() {
        CompiledPolicy shadow = policy("shadow", PolicyStatus.SHADOW, 1, when("action.type", "equals", "send_email", "block"));
        CompiledPolicy disabled = policy("off", PolicyStatus.DISABLED, 1, when("action.type", "equals", "send_email", "block"));
        PolicyDecision d = PolicyEvaluator.decide(List.of(shadow, disabled), facts());
        assertThat(d.decision()).isEqualTo(Decision.ALLOW);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.policy().name()).isEqualTo("shadow");
            assertThat(v.decision()).isEqualTo(Decision.BLOCK);
        });
    }

    @Test
    void decisionsNameThePolicyVersionThatMadeThem() {
        UUID id = UUID.randomUUID();
        CompiledPolicy v1 = new CompiledPolicy(id, 1, "limit", PolicyStatus.ACTIVE,
            RuleParser.parse(when("action.amount", "greater_than", 5000, "block")));
        CompiledPolicy v2 = new CompiledPolicy(id, 2, "limit", PolicyStatus.ACTIVE,
            RuleParser.parse(when("action.amount", "greater_than", 1000, "block")));
        assertThat(PolicyEvaluator.decide(List.of(v1), facts()).decision()).isEqualTo(Decision.ALLOW);
        PolicyDecision d = PolicyEvaluator.decide(List.of(v2), facts());
        assertThat(d.decision()).isEqualTo(Decision.BLOCK);
        assertThat(d.reasons().get(0).policyId()).isEqualTo(id);
        assertThat(d.reasons().get(0).version()).isEqualTo(2);
    }
}
