package dev.agentops.sdk;

/**
 * One tool invocation for {@link AgentOpsClient#recordToolCall(String, ToolCall)}; sent as a {@code tool_call} event
 * with {@code payload: {tool_name, input, output, error}} and {@code duration_ms} on the event.
 *
 * @param toolName   the tool's name
 * @param input      its arguments (optional)
 * @param output     its result (optional)
 * @param error      an error message when it failed (optional)
 * @param durationMs how long it took (optional)
 */
public record ToolCall(String toolName, Object input, Object output, String error, Long durationMs) {

    public static ToolCall of(String toolName, Object input, Object output) {
        return new ToolCall(toolName, input, output, null, null);
    }

    /** The same call, failed with this message. */
    public ToolCall withError(String message) {
        return new ToolCall(toolName, input, output, message, durationMs);
    }

    /** The same call, with its duration. */
    public ToolCall withDurationMs(long millis) {
        return new ToolCall(toolName, input, output, error, millis);
    }
}
