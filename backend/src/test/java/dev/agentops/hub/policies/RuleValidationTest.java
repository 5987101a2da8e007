package dev.agentops.hub.policies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.agentops.hub.policies.PolicyEvaluatorTest.mapOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validation on save: every problem with a JSON pointer into the rule and a sentence. */
class RuleValidationTest {

    static List<RuleProblem> problems(Object rule) {
        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class, () -> RuleParser.parse(rule));
        assertThat(e).as("expected the rule to be refused").isNotNull();
        return e.problems();
    }

    static Map<String, Object> rule(Object... conditions) {
        return mapOf("type", "conditional", "action", "block", "conditions", List.of(conditions));
    }

    @Test
    void pointsAtTheOffendingRow() {
        assertThat(problems(rule(
            mapOf("field", "agent.name", "operator", "equals", "value", "x"),
            mapOf("field", "action.amount", "operator", "greater_than", "value", "ten"))))
            .containsExactly(new RuleProblem("/conditions/1/value", "must be a number for greater_than"));
    }

    @Test
    void unknownVariablesOperatorsAndTypeMismatches() {
        assertThat(problems(rule(mapOf("field", "user.name", "operator", "equals", "value", "x"))))
            .extracting(RuleProblem::pointer, p -> p.problem().startsWith("starts with an unknown variable 'user'"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("/conditions/0/field", true));
        assertThat(problems(rule(mapOf("field", "agent.colour", "operator", "equals", "value", "x"))).get(0).pointer())
            .isEqualTo("/conditions/0/field");
        assertThat(problems(rule(mapOf("field", "agent.name", "operator", "like", "value", "x"))).get(0).pointer())
            .isEqualTo("/conditions/0/operator");
        assertThat(problems(rule(mapOf("field", "agent.name", "operator", "greater_than", "value", 3))).get(0).problem())
            .contains("text variable");
        assertThat(problems(rule(mapOf("field", "run.cost_usd", "operator", "equals", "value", "cheap"))).get(0).pointer())
            .isEqualTo("/conditions/0/value");
        assertThat(problems(rule(mapOf("field", "run.cost_usd", "operator", "starts_with", "value", "1"))).get(0).pointer())
            .isEqualTo("/conditions/0/operator");
        assertThat(problems(rule(mapOf("field", "action.type", "operator", "in", "value", "send_email"))).get(0).pointer())
            .isEqualTo("/conditions/0/value");
        assertThat(problems(rule(mapOf("field", "action.type", "operator", "in", "value", List.of("a", Map.of())))).get(0).pointer())
            .isEqualTo("/conditions/0/value/1");
    }

    @Test
    void badRegexInsideANestedGroup() {
        List<RuleProblem> found = problems(rule(mapOf("any", List.of(
            mapOf("field", "action.to", "operator", "ends_with", "value", "@example.com"),
            mapOf("all", List.of(mapOf("field", "action.to", "operator", "matches", "value", "([a-z")))))));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/conditions/0/any/1/all/0/value");
            assertThat(p.problem()).startsWith("is not a valid regular expression (RE2 syntax)");
        });
        // RE2 refuses backreferences, which would make matching time unbounded
        assertThat(problems(rule(mapOf("field", "action.to", "operator", "matches", "value", "(a)\\1"))).get(0).pointer())
            .isEqualTo("/conditions/0/value");
    }

    @Test
    void celCompileErrorsPointAtTheExpression() {
        List<RuleProblem> found = problems(mapOf("type", "expression", "expression", "action.amount > ", "action", "block"));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/expression");
            assertThat(p.problem()).startsWith("does not compile");
        });
        assertThat(problems(mapOf("type", "expression", "expression", "user.name == 'x'", "action", "block")).get(0).problem())
            .contains("user");
    }

    @Test
    void approversActionsAndTimeouts() {
        Map<String, Object> approval = rule(mapOf("field", "action.amount", "operator", "greater_than", "value", 10));
        approval.put("action", "require_approval");
        assertThat(problems(approval)).extracting(RuleProblem::pointer).containsExactly("/approval_required_from");
        approval.put("approval_required_from", List.of("role:boss", "user:not-a-uuid", "team:ops", "role:team_lead"));
        assertThat(problems(approval)).extracting(RuleProblem::pointer)
            .containsExactly("/approval_required_from/0", "/approval_required_from/1", "/approval_required_from/2");

        approval.put("approval_required_from", List.of("role:team_lead", "user:0b9f3c52-51b5-4cf6-9b43-7a8c2ea1b0a2"));
        approval.put("timeout_minutes", 0);
        assertThat(RuleParser.parse(approval).timeoutMinutes()).as("clamped to one minute").isEqualTo(1);
        approval.put("timeout_minutes", 100_000);
        assertThat(RuleParser.parse(approval).timeoutMinutes()).as("clamped to seven days").isEqualTo(7 * 24 * 60);
        approval.put("timeout_minutes", 1.5);
        assertThat(problems(approval)).extracting(RuleProblem::pointer).containsExactly("/timeout_minutes");

        assertThat(problems(mapOf("type", "conditional", "conditions", List.of(), "action", "deny", "on_error", "require_approval",
            "conditon", 1)))
            .extracting(RuleProblem::pointer)
            .containsExactlyInAnyOrder("/conditon", "/action", "/on_error", "/conditions");
        assertThat(problems(List.of())).extracting(RuleProblem::pointer).containsExactly("");
    }

    @Test
    void everyTemplateIsAValidRule() {
        assertThat(PolicyTemplates.ALL).hasSizeGreaterThanOrEqualTo(6);
        for (PolicyTemplate template : PolicyTemplates.ALL) {
            assertThat(RuleParser.parse(template.ruleDefinition()).action()).as(template.id()).isNotNull();
        }
    }
}
