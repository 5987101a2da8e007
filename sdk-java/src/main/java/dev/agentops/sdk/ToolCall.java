package dev.agentops.sdk;

/**
 * One tool invocation for {@link AgentOpsClient#recordToolCall(String, ToolCall)}.
 *
 * @param name       the tool's name
 * @param input      its arguments (optional)
 * @param output     its result (optional)
 * @param error      an error message when it failed (optional)
 * @param durationMs how long it took (optional)
 */
public record ToolCall(String name, Object input, Object output, String error, Long durationMs) {

    public static ToolCall of(String name, Object input, Object output) {
        return new ToolCall(name, input, output, null, null);
    }
}
