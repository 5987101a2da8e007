package dev.agentops.hub.pricing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code agentops.pricing.*}.
 *
 * @param refreshUrl          where to download a newer catalog (our format) from; unset (the default) = never
 * @param refreshInterval     time between downloads when {@code refreshUrl} is set
 * @param refreshInitialDelay time after start-up before the first download
 * @param orgCacheTtl         longest an instance keeps an organization's prices without re-reading them; changes
 *                            made on this instance (or announced over Redis) apply at once
 */
@ConfigurationProperties("agentops.pricing")
record PricingConfiguration(
    @Nullable String refreshUrl,
    @Bindable(defaultValue = "24h") Duration refreshInterval,
    @Bindable(defaultValue = "1m") Duration refreshInitialDelay,
    @Bindable(defaultValue = "60s") Duration orgCacheTtl) {
}
