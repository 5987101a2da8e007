package dev.agentops.hub.policies;

import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advanced mode: a CEL expression over the rule variables (dev.cel:cel, planner runtime). Compiler and runtime
 * are immutable and thread-safe, built once; an expression is compiled once per policy version and evaluated many
 * times (a few microseconds). The library's traps, each handled here: heterogeneous numeric comparisons on the
 * compiler AND the runtime ({@code action.amount > 1000} on a double), JSON numbers as Long/Double only (BigDecimal
 * fails), the standard macros ({@code has}, {@code exists}, {@code all}...), a missing map key raising an error (the
 * rule's {@code on_error} decides), and a cap on comprehension iterations (unlimited by default).
 */
final class CelRules {

    static final Set<String> ROOTS = Set.of("agent", "action", "run", "budget", "time");
    static final int MAX_ITERATIONS = 10_000;

    private static final CelOptions OPTIONS = CelOptions.current()
        .enableHeterogeneousNumericComparisons(true)
        .comprehensionMaxIterations(MAX_ITERATIONS)
        .build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.BOOL)
        .addVarDeclarations(ROOTS.stream()
            .map(root -> CelVarDecl.newVarDeclaration(root, MapType.create(SimpleType.STRING, SimpleType.DYN))).toList())
        .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();

    record Program(String source, CelRuntime.Program program) {

        /** True or false; anything else (an error, a missing key, a non-boolean) throws. */
        boolean matches(Map<String, Object> celVariables) throws CelEvaluationException {
            Object result = program.eval(celVariables);
            if (result instanceof Boolean b) {
                return b;
            }
            throw new IllegalStateException("the expression gave " + (result == null ? "null" : result.getClass().getSimpleName())
                + ", not a boolean");
        }
    }

    private CelRules() {
    }

    /** The program, or a sentence saying why the expression does not compile (with CEL's line and column). */
    static Program compile(String expression) {
        CelValidationResult result = COMPILER.compile(expression);
        if (result.hasError()) {
            throw new InvalidRuleException(List.of(new RuleProblem("/expression", "does not compile: " + result.getErrorString())));
        }
        try {
            return new Program(expression, RUNTIME.createProgram(result.getAst()));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new InvalidRuleException(List.of(new RuleProblem("/expression", "does not compile: " + e.getMessage())));
        }
    }

    /** The variables in the only types CEL takes: Long, Double, String, Boolean, List, Map and NullValue. */
    static Object normalise(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? big.longValue() : big.doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return decimal.doubleValue();
                }
            }
            return decimal.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CelRules::normalise).toList();
        }
        return value;
    }
}
