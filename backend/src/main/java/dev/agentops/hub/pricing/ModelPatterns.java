package dev.agentops.hub.pricing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Model-name patterns: compiled case-insensitively, matched against the whole name. Patterns from organizations
 * are checked before they are stored (no backreferences, no quantified group that itself holds a repeating
 * quantifier such as {@code (a+)+}, the classic catastrophic shapes), and every match runs under a budget of
 * character reads, so a pattern that still backtracks badly costs a bounded amount of work and simply does not match.
 */
final class ModelPatterns {

    static final int MAX_PATTERN_LENGTH = 500;
    /** Longest model name that is matched at all; longer names are not priced. */
    static final int MAX_MODEL_LENGTH = 500;
    private static final int READ_BUDGET = 200_000;

    private ModelPatterns() {
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** An exact, case-insensitive match of {@code name}. */
    static Pattern exactly(String name) {
        return compile("^" + Pattern.quote(name) + "$");
    }

    /** Compiles a pattern an organization sent, or says (IllegalArgumentException) why it is refused. */
    static Pattern compileUntrusted(String regex) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_PATTERN_LENGTH + " characters");
        }
        Pattern pattern;
        try {
            pattern = compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription());
        }
        rejectCatastrophicShapes(regex);
        return pattern;
    }

    static boolean matches(Pattern pattern, String model) {
        if (model == null || model.length() > MAX_MODEL_LENGTH) {
            return false;
        }
        try {
            return pattern.matcher(new BudgetedChars(model, READ_BUDGET)).matches();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    private static void rejectCatastrophicShapes(String regex) {
        // One frame per open group: whether something inside it repeats (*, +, {n,}, {n,m} with m > 1).
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[] {false});
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            boolean groupClosed = false;
            boolean closedGroupRepeats = false;
            if (c == '\\') {
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
                if ((next >= '1' && next <= '9') || next == 'k') {
                    throw new IllegalArgumentException("must not use backreferences");
                }
                if (next == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? regex.length() : end + 2;
                } else {
                    i += 2;
                }
            } else if (c == '[') {
                i = endOfClass(regex, i);
            } else if (c == '(') {
                groups.push(new boolean[] {false});
                i++;
                continue;
            } else if (c == ')') {
                closedGroupRepeats = groups.size() > 1 ? groups.pop()[0] : false;
                groupClosed = true;
                i++;
            } else {
                i++;
                if (c == '*' || c == '+' || c == '?' || c == '{' || c == '|' || c == '^' || c == '$') {
                    if (c == '{') {
                        i = endOfQuantifier(regex, i - 1);
                    }
                    continue;
                }
            }
            // an atom ended at i: look at the quantifier that follows it
            int[] quantifier = quantifierAt(regex, i);
            boolean repeats = quantifier[1] == 1;
            if (groupClosed && repeats && closedGroupRepeats) {
                throw new IllegalArgumentException("must not repeat a group that itself repeats, like (a+)+ "
                    + "(catastrophic backtracking)");
            }
            if (repeats || (groupClosed && closedGroupRepeats)) {
                groups.peek()[0] = true;
            }
            i = quantifier[0];
        }
    }

    /** {end index after the quantifier (and its lazy/possessive suffix), 1 if it repeats more than once}. */
    private static int[] quantifierAt(String regex, int i) {
        if (i >= regex.length()) {
            return new int[] {i, 0};
        }
        char c = regex.charAt(i);
        int end;
        int repeats;
        if (c == '*' || c == '+') {
            end = i + 1;
            repeats = 1;
        } else if (c == '?') {
            end = i + 1;
            repeats = 0;
        } else if (c == '{') {
            end = endOfQuantifier(regex, i);
            String body = regex.substring(i + 1, Math.max(i + 1, end - 1));
            int comma = body.indexOf(',');
            if (comma < 0) {
                repeats = 0;
            } else {
                String upper = body.substring(comma + 1).trim();
                repeats = upper.isEmpty() || !upper.matches("\\d{1,9}") || Integer.parseInt(upper) > 1 ? 1 : 0;
            }
        } else {
            return new int[] {i, 0};
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++;
        }
        return new int[] {end, repeats};
    }

    private static int endOfQuantifier(String regex, int open) {
        int close = regex.indexOf('}', open);
        return close < 0 ? regex.length() : close + 1;
    }

    private static int endOfClass(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && i > open + 1 && !(i == open + 2 && regex.charAt(open + 1) == '^')) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return regex.length();
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** The model name as the regex engine sees it, counting reads. */
    private static final class BudgetedChars implements CharSequence {
        private final String text;
        private int budget;

        BudgetedChars(String text, int budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
