package dev.agentops.hub.costs;

import java.math.BigDecimal;

/**
 * Cell values of the CSV export. Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab
 * or a carriage return) gets a leading apostrophe (OWASP's advice for CSV injection); quoting is the CSV library's.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** Full precision, no exponent, no trailing zeros; empty for an unknown (unpriced) cost. */
    static String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
