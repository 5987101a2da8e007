package dev.agentops.hub.policies;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.agentops.hub.shared.security.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads a {@code rule_definition} (JSON as maps and lists) into a {@link Rule}, or says everything that is wrong with
 * it, each problem with a JSON pointer and a sentence (the editor puts them next to the offending row). Pure.
 */
final class RuleParser {

    static final int MAX_CONDITIONS = 100;
    static final int MAX_DEPTH = 6;
    static final int MAX_LIST = 1000;
    static final int MAX_TEXT = 1000;
    static final int MAX_EXPRESSION = 4000;
    static final int MIN_TIMEOUT_MINUTES = 1;
    static final int MAX_TIMEOUT_MINUTES = 7 * 24 * 60;
    static final int DEFAULT_TIMEOUT_MINUTES = 60;

    private enum Type { TEXT, NUMBER, LIST, ANY }

    /** The variables with a fixed meaning; {@code action.*} is open (the action's own fields and the check's context). */
    private static final Map<String, Map<String, Type>> FIELDS = Map.of(
        "agent", Map.of("id", Type.TEXT, "slug", Type.TEXT, "name", Type.TEXT, "type", Type.TEXT,
            "environment", Type.TEXT, "team", Type.TEXT, "tags", Type.LIST),
        "run", Map.of("id", Type.TEXT, "cost_usd", Type.NUMBER, "input_tokens", Type.NUMBER, "output_tokens", Type.NUMBER,
            "events", Type.NUMBER),
        "budget", Map.of("percent_used", Type.NUMBER, "state", Type.TEXT),
        "time", Map.of("hour", Type.NUMBER, "weekday", Type.TEXT));
    private static final Set<String> RULE_KEYS = Set.of("type", "conditions", "expression", "action", "approval_required_from",
        "timeout_minutes", "on_error");
    private static final Set<String> LEAF_KEYS = Set.of("field", "operator", "value");
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*(\\.[A-Za-z0-9_-]+)+");
    private static final java.util.regex.Pattern APPROVER = java.util.regex.Pattern.compile("(role|user):(.+)");

    private final List<RuleProblem> problems = new ArrayList<>();
    private final Set<String> roots = new HashSet<>();
    private int conditions;

    private RuleParser() {
    }

    /** The rule; throws {@link InvalidRuleException} with every problem found. */
    static Rule parse(Object definition) {
        return new RuleParser().read(definition);
    }

    private Rule read(Object definition) {
        if (!(definition instanceof Map<?, ?> rule)) {
            throw new InvalidRuleException(List.of(new RuleProblem("", "must be a JSON object")));
        }
        unknownKeys(rule, RULE_KEYS, "", "is not a rule field (allowed: " + listed(RULE_KEYS) + ")");
        Decision action = decision(rule.get("action"), "/action", true, "allow, block or require_approval");
        Object onErrorValue = rule.get("on_error");
        Decision onError = onErrorValue == null ? Decision.BLOCK : decision(onErrorValue, "/on_error", false, "block or allow");
        List<String> approvers = approvers(rule.get("approval_required_from"), action);
        int timeout = timeout(rule.get("timeout_minutes"));

        Object type = rule.get("type");
        Rule.Condition condition = null;
        CelRules.Program program = null;
        Rule.Kind kind = null;
        if ("conditional".equals(type)) {
            kind = Rule.Kind.CONDITIONAL;
            if (rule.containsKey("expression")) {
                problem("/expression", "belongs to rules of type expression; a conditional rule has conditions");
            }
            condition = conditions(rule.get("conditions"));
        } else if ("expression".equals(type)) {
            kind = Rule.Kind.EXPRESSION;
            if (rule.containsKey("conditions")) {
                problem("/conditions", "belongs to conditional rules; an expression rule has expression");
            }
            program = expression(rule.get("expression"));
        } else {
            problem("/type", "must be conditional or expression");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return new Rule(kind, condition, program, action, approvers, timeout, onError, Set.copyOf(roots));
    }

    private Decision decision(Object value, String pointer, boolean approvalAllowed, String allowed) {
        for (Decision d : Decision.values()) {
            if (d.wireName().equals(value) && (approvalAllowed || d != Decision.REQUIRE_APPROVAL)) {
                return d;
            }
        }
        problem(pointer, value == null ? "is required (" + allowed + ")" : "must be " + allowed);
        return Decision.BLOCK;
    }

    private List<String> approvers(Object value, Decision action) {
        if (value == null) {
            if (action == Decision.REQUIRE_APPROVAL) {
                problem("/approval_required_from", "is required when the action is require_approval "
                    + "(for example [\"role:team_lead\"] or [\"user:<user id>\"])");
            }
            return List.of();
        }
        if (action != Decision.REQUIRE_APPROVAL) {
            problem("/approval_required_from", "is only used when the action is require_approval");
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > 20) {
            problem("/approval_required_from", "must be a list of 1 to 20 approvers such as \"role:team_lead\" or \"user:<user id>\"");
            return List.of();
        }
        Set<String> approvers = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/approval_required_from/" + i;
            Matcher m = list.get(i) instanceof String s ? APPROVER.matcher(s) : null;
            if (m == null || !m.matches()) {
                problem(pointer, "must be \"role:<role>\" or \"user:<user id>\"");
            } else if (m.group(1).equals("role") && Role.fromKey(m.group(2)).isEmpty()) {
                problem(pointer, "names no role (admin, team_lead, member or viewer)");
            } else if (m.group(1).equals("user") && !isUuid(m.group(2))) {
                problem(pointer, "must name a user by id (a UUID)");
            } else {
                approvers.add(m.group(1) + ":" + m.group(2).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return List.copyOf(approvers);
    }

    /** Out-of-range timeouts are clamped to 1 minute – 7 days (an approval must expire, and not too soon to act on). */
    private int timeout(Object value) {
        if (value == null) {
            return DEFAULT_TIMEOUT_MINUTES;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            problem("/timeout_minutes", "must be a whole number of minutes (1 to " + MAX_TIMEOUT_MINUTES + ")");
            return DEFAULT_TIMEOUT_MINUTES;
        }
        return (int) Math.max(MIN_TIMEOUT_MINUTES, Math.min(MAX_TIMEOUT_MINUTES, n.doubleValue()));
    }

    private Rule.Condition conditions(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem("/conditions", "must be a non-empty list of conditions");
            return null;
        }
        return new Rule.Group(false, children(list, "/conditions", 1));
    }

    private List<Rule.Condition> children(List<?> list, String pointer, int depth) {
        return IntStream.range(0, list.size()).mapToObj(i -> condition(list.get(i), pointer + "/" + i, depth))
            .filter(Objects::nonNull).toList();
    }

    private Rule.Condition condition(Object value, String pointer, int depth) {
        if (++conditions > MAX_CONDITIONS) {
            if (conditions == MAX_CONDITIONS + 1) {
                problem(pointer, "is one condition too many (at most " + MAX_CONDITIONS + " per rule)");
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(pointer, "must be a condition {field, operator, value} or a group {\"any\": [...]} / {\"all\": [...]}");
            return null;
        }
        if (map.containsKey("any") || map.containsKey("all")) {
            String key = map.containsKey("any") ? "any" : "all";
            if (map.size() != 1) {
                problem(pointer, "a group has exactly one key, any or all");
                return null;
            }
            if (depth >= MAX_DEPTH) {
                problem(pointer + "/" + key, "nests too deep (at most " + MAX_DEPTH + " levels)");
                return null;
            }
            if (!(map.get(key) instanceof List<?> list) || list.isEmpty()) {
                problem(pointer + "/" + key, "must be a non-empty list of conditions");
                return null;
            }
            return new Rule.Group(key.equals("any"), children(list, pointer + "/" + key, depth + 1));
        }
        unknownKeys(map, LEAF_KEYS, pointer, "is not a condition field (field, operator, value)");
        return leaf(map, pointer);
    }

    private Rule.Condition leaf(Map<?, ?> map, String pointer) {
        int before = problems.size();
        Type fieldType = Type.ANY;
        String field = map.get("field") instanceof String s ? s : null;
        if (field == null) {
            problem(pointer + "/field", "is required: a variable such as agent.name or action.amount");
        } else if (!FIELD.matcher(field).matches() || field.length() > 200) {
            problem(pointer + "/field", "must be a dotted variable name such as agent.name or action.amount");
        } else {
            String[] parts = field.split("\\.");
            if (!CelRules.ROOTS.contains(parts[0])) {
                problem(pointer + "/field", "starts with an unknown variable '" + parts[0] + "' (known: "
                    + listed(CelRules.ROOTS) + ")");
            } else if (!parts[0].equals("action")) {
                Map<String, Type> known = FIELDS.get(parts[0]);
                if (parts.length != 2 || !known.containsKey(parts[1])) {
                    problem(pointer + "/field", "is not a variable of " + parts[0] + " (known: "
                        + listed(known.keySet().stream().map(k -> parts[0] + "." + k).toList()) + ")");
                } else {
                    fieldType = known.get(parts[1]);
                }
            }
            roots.add(parts[0]);
        }
        Operator operator = Operator.fromWire(map.get("operator")).orElse(null);
        if (operator == null) {
            problem(pointer + "/operator", map.get("operator") == null ? "is required (" + Operator.ALL + ")"
                : "is not an operator (" + Operator.ALL + ")");
        }
        Object value = map.get("value");
        Pattern regex = null;
        if (operator != null) {
            regex = value(operator, value, map.containsKey("value"), fieldType, pointer);
            if (operator == Operator.EXISTS && value == null) {
                value = Boolean.TRUE;
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Rule.Leaf(pointer, field, List.of(field.split("\\.")), operator, value, regex);
    }

    /** Checks the value against the operator and the field's type; the compiled regex for {@code matches}. */
    private Pattern value(Operator op, Object value, boolean present, Type fieldType, String condition) {
        String what = op.wireName();
        String pointer = condition + "/value";
        if (op == Operator.EXISTS) {
            if (present && !(value instanceof Boolean)) {
                problem(pointer, "must be true or false for exists (or left out: true)");
            }
            return null;
        }
        if (!present) {
            problem(pointer, "is required for " + what);
            return null;
        }
        if (fieldType == Type.LIST && op != Operator.CONTAINS) {
            problem(condition + "/operator",
                "cannot compare a list such as agent.tags with " + what + "; use contains or exists");
            return null;
        }
        if (op.numeric()) {
            if (!(value instanceof Number)) {
                problem(pointer, "must be a number for " + what);
            } else if (fieldType == Type.TEXT) {
                problem(pointer, "compares a text variable with " + what + "; use equals, in, contains, starts_with, ends_with or matches");
            }
            return null;
        }
        if (op == Operator.IN || op == Operator.NOT_IN) {
            if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_LIST) {
                problem(pointer, "must be a list of 1 to " + MAX_LIST + " values for " + what);
            } else {
                IntStream.range(0, list.size()).forEach(i -> scalar(list.get(i), fieldType, pointer + "/" + i, what));
            }
            return null;
        }
        if (op.textual()) {
            if (!(value instanceof String s) || s.isEmpty() || s.length() > MAX_TEXT) {
                problem(pointer, "must be a text of 1 to " + MAX_TEXT + " characters for " + what);
                return null;
            }
            if (fieldType == Type.NUMBER) {
                problem(condition + "/operator",
                    "cannot apply " + what + " to a number; use greater_than, less_than, equals...");
                return null;
            }
            if (op == Operator.MATCHES) {
                try {
                    return Pattern.compile(s);
                } catch (PatternSyntaxException e) {
                    problem(pointer, "is not a valid regular expression (RE2 syntax): " + e.getDescription());
                }
            }
            return null;
        }
        if (op == Operator.CONTAINS) {
            if (fieldType == Type.NUMBER) {
                problem(condition + "/operator", "cannot apply contains to a number");
            } else {
                scalar(value, fieldType == Type.LIST ? Type.ANY : fieldType, pointer, what);
            }
            return null;
        }
        scalar(value, fieldType, pointer, what); // equals, not_equals
        return null;
    }

    private void scalar(Object value, Type fieldType, String pointer, String what) {
        if (value instanceof Map || value instanceof List) {
            problem(pointer, "must be a text, a number, true/false or null for " + what);
        } else if (value instanceof String s && s.length() > MAX_TEXT) {
            problem(pointer, "is longer than " + MAX_TEXT + " characters");
        } else if (fieldType == Type.NUMBER && value != null && !(value instanceof Number)) {
            problem(pointer, "must be a number: the variable is a number");
        } else if (fieldType == Type.TEXT && value != null && !(value instanceof String)) {
            problem(pointer, "must be a text: the variable is a text");
        }
    }

    private CelRules.Program expression(Object value) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > MAX_EXPRESSION) {
            problem("/expression", "must be a CEL expression of 1 to " + MAX_EXPRESSION + " characters");
            return null;
        }
        CelRules.ROOTS.stream().filter(root -> java.util.regex.Pattern.compile("\\b" + root + "\\b").matcher(s).find())
            .forEach(roots::add);
        try {
            return CelRules.compile(s);
        } catch (InvalidRuleException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private void unknownKeys(Map<?, ?> map, Set<String> known, String pointer, String sentence) {
        map.keySet().stream().map(String::valueOf).filter(key -> !known.contains(key))
            .forEach(key -> problem(pointer + "/" + escape(key), sentence));
    }

    private void problem(String pointer, String sentence) {
        problems.add(new RuleProblem(pointer, sentence));
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String listed(Collection<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /** RFC 6901: {@code ~} and {@code /} in a key. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
