package dev.agentops.hub.runs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventPayloadsTest {

    @Test
    void oldToolCallKeyIsRenamedToToolName() {
        Object old = Map.of("tool", "search", "input", Map.of("q", "x"), "output", "found", "error", "");
        assertThat(EventPayloads.canonical("tool_call", old))
            .isEqualTo(Map.of("tool_name", "search", "input", Map.of("q", "x"), "output", "found", "error", ""));
    }

    @Test
    void oldExternalActionBecomesActionTypeTargetAndPayload() {
        Object old = Map.of("action", "send_email", "target", "ceo@example.com", "details", Map.of("subject", "hi"));
        assertThat(EventPayloads.canonical("external_action", old))
            .isEqualTo(Map.of("action_type", "send_email", "target", "ceo@example.com", "payload", Map.of("subject", "hi")));
    }

    @Test
    void canonicalPayloadsAreReturnedUntouched() {
        Map<String, Object> tool = Map.of("tool_name", "search", "tool", "legacy field the client also sent");
        Map<String, Object> action = Map.of("action_type", "pay", "target", "acme", "payload", Map.of("details", 1));
        assertThat(EventPayloads.canonical("tool_call", tool)).isSameAs(tool);
        assertThat(EventPayloads.canonical("external_action", action)).isSameAs(action);
    }

    @Test
    void otherEventTypesAndNonObjectPayloadsAreLeftAlone() {
        Map<String, Object> log = Map.of("tool", "not a tool call");
        assertThat(EventPayloads.canonical("log", log)).isSameAs(log);
        assertThat(EventPayloads.canonical("tool_call", "just text")).isEqualTo("just text");
        assertThat(EventPayloads.canonical("tool_call", List.of(1))).isEqualTo(List.of(1));
        assertThat(EventPayloads.canonical("tool_call", null)).isNull();
    }

    @Test
    void anOldActionWithItsOwnPayloadKeyKeepsDetailsAsIs() {
        Object old = Map.of("action", "pay", "details", "d", "payload", "p");
        assertThat(EventPayloads.canonical("external_action", old))
            .isEqualTo(Map.of("action_type", "pay", "details", "d", "payload", "p"));
    }
}
