package dev.agentops.hub.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelPatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(a*)*b", "(x+x+)+y", "((ab)*)+", "(\\d+)*", "([a-z]+)+$", "(a{2,})*", "(?:a+){3,}",
        "(a|(b+))+"})
    void refusesGroupsThatRepeatSomethingThatRepeats(String pattern) {
        assertThatThrownBy(() -> ModelPatterns.compileUntrusted(pattern)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("must not repeat a group that itself repeats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?<x>a)\\k<x>"})
    void refusesBackreferences(String pattern) {
        assertThatThrownBy(() -> ModelPatterns.compileUntrusted(pattern)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("must not use backreferences");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^(openai/)?(gpt-4o)$", "^my-model(-\\d{4}-\\d{2}-\\d{2})?$", "(a{3})*", "[(+]+", "\\(a+\\)+",
        "^(eu\\.|us\\.)?anthropic\\.claude-[a-z0-9-]+-v1(:0)?$", "(a|b)*", "\\Q(a+)+\\E", "(ab)?+c"})
    void acceptsOrdinaryModelPatterns(String pattern) {
        assertThat(ModelPatterns.compileUntrusted(pattern).pattern()).isEqualTo(pattern);
    }

    @Test
    void refusesPatternsThatDoNotCompileOrAreTooLong() {
        assertThatThrownBy(() -> ModelPatterns.compileUntrusted("gpt-(4o")).hasMessageStartingWith("is not a valid regular expression: ");
        assertThatThrownBy(() -> ModelPatterns.compileUntrusted("a".repeat(501))).hasMessage("must be at most 500 characters");
    }

    @Test
    void matchesTheWholeNameIgnoringCase() {
        Pattern pattern = ModelPatterns.compile("(openai/)?gpt-4o");

        assertThat(ModelPatterns.matches(pattern, "OpenAI/GPT-4o")).isTrue();
        assertThat(ModelPatterns.matches(pattern, "gpt-4o-mini")).isFalse();
        assertThat(ModelPatterns.matches(pattern, "my-gpt-4o")).isFalse();
        assertThat(ModelPatterns.matches(ModelPatterns.exactly("a.b (v2)"), "A.B (V2)")).isTrue();
        assertThat(ModelPatterns.matches(ModelPatterns.exactly("a.b"), "axb")).isFalse();
    }

    @Test
    void aCatastrophicPatternThatSlipsThroughSimplyDoesNotMatch() {
        Pattern evil = ModelPatterns.compile("^(a|aa)+$");

        // 2^60 paths without the read budget: this would not return
        assertThat(ModelPatterns.matches(evil, "a".repeat(60) + "b")).isFalse();
        assertThat(ModelPatterns.matches(ModelPatterns.compile(".*"), "x".repeat(501))).as("names over 500 characters").isFalse();
    }
}
