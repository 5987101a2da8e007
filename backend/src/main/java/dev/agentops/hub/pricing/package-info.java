/**
 * Pricing: what a run's tokens cost.
 *
 * <p><b>Public face</b> (what the ingestion workers call): {@link dev.agentops.hub.pricing.UsageNormalizer} turns a
 * client's usage object into a {@link dev.agentops.hub.pricing.TokenUsage} ({@code read} also says whether the shape
 * was recognised at all and which keys were not used: an unrecognised usage is stored unpriced, never as 0);
 * {@link dev.agentops.hub.pricing.PricingService#price} turns a model name and a usage into a
 * {@link dev.agentops.hub.pricing.PricedCost}, or nothing when no price is known (the run is then stored as
 * unpriced: never a silent 0). Everything else in the package is private to it.
 *
 * <p><b>Token semantics</b> (docs/api.md, and the classic source of wrong costs): {@code input_tokens} counts every prompt
 * token, cached ones included; the cache counts say how many of those were read from or written to the provider's
 * cache (writes split into 5-minute and 1-hour ones, priced differently by Anthropic). {@code output_tokens} counts
 * every generated token, reasoning ones included; {@code reasoning_tokens} says how many of those were reasoning.
 * OpenAI's usage objects already count that way; Anthropic's {@code input_tokens} does not include cached tokens,
 * so the normaliser adds them (as for Bedrock; Gemini's candidates exclude thinking tokens, so it adds those to the
 * output). The shape rules (OpenAI and compatible, Anthropic, Gemini, Bedrock, Vercel AI SDK, LangChain, Cohere,
 * ours), the optional format hint and the rejection rules (negative, fractional, above 10^12, contradictory totals:
 * 400 for the client) are in {@link dev.agentops.hub.pricing.UsageNormalizer}.
 *
 * <p><b>Which prices</b>: an organization's own prices ({@code /api/v1/pricing/models}, table {@code model_prices})
 * win over the shipped catalog for that organization only: first one named exactly like the model, else the newest
 * whose pattern matches. Otherwise the catalog's entries are tried in order and the first whose {@code match}
 * (a Java regex, case-insensitive, anchored to the whole name; the catalog's patterns accept provider prefixes
 * such as {@code openai/} and {@code anthropic/}, Bedrock ids such as
 * {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0}, Vertex ids such as {@code claude-sonnet-4-5@20250929}, and
 * dated variants) matches wins, skipping entries whose {@code effective_from} (a UTC date) is after the run's time.
 * Model names longer than 500 characters are not priced; every pattern match runs under a budget of character
 * reads, and organization patterns with backreferences or nested repeats ({@code (a+)+}) are refused when saved.
 *
 * <p><b>Tiers</b>: an entry may have tiers {@code {above_input_tokens: N, prices}}. The tier used is the one with the
 * highest N that the usage's input tokens strictly exceed (input as defined above, cached tokens included); its
 * prices replace the base prices whole. With no such tier, the base prices apply. Langfuse tiers that depend on
 * request parameters (OpenAI's {@code service_tier} flex/priority, Anthropic's {@code speed}) are not in the
 * catalog: runs do not report those parameters, so standard prices apply.
 *
 * <p><b>Arithmetic</b>: USD per token as {@link java.math.BigDecimal}, never binary floating point; uncached input,
 * cache reads, 5-minute and 1-hour cache writes, non-reasoning output and reasoning output are each priced (with
 * the fallbacks written in {@code CostCalculator}: cache prices fall back to the input price, the 1-hour write to the
 * 5-minute one, reasoning to the output price), summed exactly, and the total rounded once to 10 decimal places,
 * {@link java.math.RoundingMode#HALF_UP}, the scale of {@code cost_usd}. Catalog prices have at most 10 decimal
 * places, so catalog costs are never rounded at all; organization prices may have 12.
 *
 * <p><b>Provenance</b>: a {@link dev.agentops.hub.pricing.PricedCost} carries {@code modelEntryId} (the catalog id,
 * such as {@code gpt-4o}, or {@code org:<uuid>} for an organization price, whose rows are never updated) and
 * {@code catalogVersion} (such as {@code 2026-08-22.1}, or {@code org}); the workers store both with each run
 * ({@code runs.pricing_model}, {@code runs.pricing_version}) next to the cost and its breakdown, so a cost can be
 * explained after prices change.
 *
 * <p><b>Catalog</b>: {@code src/main/resources/pricing/catalog.json}, generated from Langfuse's MIT-licensed default
 * price list by {@code backend/tools/pricing/convert_langfuse_prices.py} (format and regeneration:
 * {@code backend/tools/pricing/README.md}; attribution: {@code NOTICE}). It is parsed and validated once at
 * start-up, regexes compiled; a broken catalog stops the start.
 *
 * <p><b>Refresh</b> (off by default): with {@code agentops.pricing.refresh-url} set, each instance downloads a
 * catalog in the same format every {@code agentops.pricing.refresh-interval} (24h; first one after
 * {@code refresh-initial-delay}, 1m), validates all of it exactly like the shipped one, and swaps it in atomically;
 * any failure is logged and the catalog in use stays. A refreshed catalog should carry a new {@code version}.
 *
 * <p><b>Caches</b>: the catalog lives in memory (it remembers which entries match each model name it has seen);
 * each organization's prices are cached per instance and dropped after a change commits on this instance, when a
 * change is announced on the Redis channel {@code agentops:pricing} (with {@code redis.uri} set), and in any case
 * after {@code agentops.pricing.org-cache-ttl} (60s). {@code PricingService} may run inside a tenant transaction
 * of the same organization: it joins it when it must read the organization's prices.
 */
package dev.agentops.hub.pricing;
