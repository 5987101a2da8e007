package dev.agentops.hub.pricing;

/** Prices that replace the base prices of a model when a run's input tokens exceed {@code aboveInputTokens}. */
record PriceTier(long aboveInputTokens, Prices prices) {

    PriceTier {
        if (aboveInputTokens <= 0) {
            throw new IllegalArgumentException("above_input_tokens must be positive");
        }
    }
}
