#!/usr/bin/env python3
"""Converts Langfuse's default model price list into AgentOps Hub's price catalog format.

Usage (from the repository root):

    python3 backend/tools/pricing/convert_langfuse_prices.py \
        ../shared/reference/llm-model-prices.langfuse.json \
        --version 2026-08-22.1 \
        --source-commit 62751446149b702b419a9292ddfc2280cdf74b8c \
        > backend/src/main/resources/pricing/catalog.json

Python 3 standard library only. The input is Langfuse's worker/src/constants/default-model-prices.json (MIT,
Copyright (c) 2023-2026 ClickHouse, Inc.; see NOTICE). What the conversion does, and what it drops:

- Prices are USD per token. They are written as exact decimal strings: each JSON float is turned into the
  shortest decimal that reads back as the same float (repr), which is the decimal the list's authors wrote.
- Langfuse prices many usage keys; they are folded onto our six kinds (KINDS below). Several keys of one kind
  must carry the same price, else the conversion fails. "total" (embeddings and legacy completions: one price
  for every token) becomes both the input and the output price.
- Keys for audio, image, search queries and grounding are not token kinds we count; they are dropped and
  listed on stderr.
- Tiers whose only conditions are "usage matching an input pattern > N" become `tiers` with
  `above_input_tokens` = N (our input_tokens counts every prompt token, cached and cache-written ones included,
  which is what those patterns add up). Tiers that depend on model parameters (service_tier fast/priority/flex,
  speed) are dropped: runs do not report them, so the standard price applies.
- `match` is the Langfuse pattern without its leading (?i); the application compiles it case-insensitively and
  requires it to match the whole model name. JavaScript-only escapes (\\/) are unescaped for Java.
- `effective_from` is the date the entry was added to the list (createdAt).
"""

import argparse
import json
import re
import sys
from decimal import Decimal

KINDS = {
    "input": ["input", "input_tokens", "prompt_token_count", "promptTokenCount", "input_text", "input_text_tokens",
              "input_modality_1"],
    "output": ["output", "output_tokens", "candidates_token_count", "candidatesTokenCount", "output_text",
               "output_text_tokens", "output_modality_1"],
    "cache_read": ["cache_read_input_tokens", "input_cache_read", "input_cached_tokens", "cached_content_token_count",
                   "input_cached_text_tokens"],
    "cache_write_5m": ["input_cache_creation_5m", "cache_creation_input_tokens", "input_cache_creation",
                       "cache_write_tokens"],
    "cache_write_1h": ["input_cache_creation_1h"],
    "reasoning": ["output_reasoning", "output_reasoning_tokens", "reasoning_tokens", "thoughts_token_count",
                  "thoughtsTokenCount"],
}
KIND_ORDER = list(KINDS)
TOTAL = "total"
DROPPED = {"input_audio", "input_audio_tokens", "output_audio", "output_audio_tokens", "input_cached_audio_tokens",
           "input_image", "grounding_queries", "groundingQueries", "web_search_queries", "webSearchQueries"}

PROVIDERS = [
    (re.compile(r"^claude"), "anthropic"),
    (re.compile(r"^(gpt|chatgpt|o\d|ft:|text-(ada|babbage|curie|davinci|embedding)|babbage|davinci)"), "openai"),
    (re.compile(r"^(gemini|chat-bison|codechat-bison|code-bison|code-gecko|text-bison|text-unicorn|textembedding)"),
     "google"),
]


class ConversionError(Exception):
    pass


def decimal_string(value, where):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConversionError(f"{where}: price {value!r} is not a number")
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if exact < 0:
        raise ConversionError(f"{where}: negative price {value!r}")
    text = format(exact.normalize(), "f")
    return text


def fold_prices(prices, where, dropped):
    folded = {}
    for key, value in prices.items():
        if key in DROPPED:
            dropped.add(key)
            continue
        if key == TOTAL:
            kinds = ["input", "output"]
        else:
            kinds = [kind for kind, aliases in KINDS.items() if key in aliases]
        if not kinds:
            raise ConversionError(f"{where}: unknown usage key {key!r}; map it in KINDS or DROPPED")
        price = decimal_string(value, f"{where}.{key}")
        for kind in kinds:
            if kind in folded and Decimal(folded[kind]) != Decimal(price):
                raise ConversionError(f"{where}: {key!r} says {price} but another key of kind {kind} says {folded[kind]}")
            folded[kind] = price
    if "input" not in folded and "output" not in folded:
        raise ConversionError(f"{where}: prices neither input nor output tokens")
    return {kind: folded[kind] for kind in KIND_ORDER if kind in folded}


def threshold_of(conditions):
    """The input-token threshold of a tier made only of usage conditions, or None if it has model-parameter ones."""
    threshold = None
    for condition in conditions:
        if condition.get("source") == "model_parameters":
            return None
        if "usageDetailPattern" not in condition or condition.get("operator") != "gt":
            raise ConversionError(f"unsupported tier condition {condition!r}")
        pattern = condition["usageDetailPattern"]
        if "input" not in pattern:
            raise ConversionError(f"threshold on {pattern!r} is not on input tokens")
        value = condition["value"]
        if threshold is not None and threshold != value:
            raise ConversionError(f"two thresholds in one tier: {conditions!r}")
        threshold = value
    return threshold


def java_pattern(pattern, where):
    if not pattern.startswith("(?i)"):
        raise ConversionError(f"{where}: pattern {pattern!r} is not case-insensitive")
    body = pattern[len("(?i)"):].replace("\\/", "/")
    body = re.sub(r"\$+$", "$", body)
    if not body.startswith("^") or not body.endswith("$"):
        raise ConversionError(f"{where}: pattern {pattern!r} is not anchored")
    if re.search(r"\(\?<[!=]?|\\[pPkuxc]|\(\?[a-zA-Z-]", body):
        raise ConversionError(f"{where}: pattern {pattern!r} uses a construct to check by hand for Java")
    re.compile(body)
    return body


def entry_id(model_name):
    slug = re.sub(r"[^a-z0-9._-]+", "-", model_name.lower()).strip("-")
    if not slug:
        raise ConversionError(f"model name {model_name!r} gives an empty id")
    return slug


def provider_of(model_name):
    for pattern, provider in PROVIDERS:
        if pattern.search(model_name.lower()):
            return provider
    raise ConversionError(f"no provider rule for {model_name!r}; add one to PROVIDERS")


def convert(entries, version, source):
    models = []
    ids = set()
    dropped_keys = set()
    dropped_tiers = []
    for entry in entries:
        name = entry["modelName"]
        where = name
        tiers = sorted(entry["pricingTiers"], key=lambda t: t.get("priority", 0))
        defaults = [t for t in tiers if t.get("isDefault")]
        if len(defaults) != 1 or defaults[0].get("conditions"):
            raise ConversionError(f"{where}: expected exactly one unconditional default tier")
        model = {
            "id": entry_id(name),
            "name": name,
            "provider": provider_of(name),
            "match": java_pattern(entry["matchPattern"], where),
            "effective_from": entry["createdAt"][:10],
            "prices": fold_prices(defaults[0]["prices"], f"{where}[{defaults[0]['name']}]", dropped_keys),
        }
        converted_tiers = []
        for tier in tiers:
            if tier.get("isDefault"):
                continue
            threshold = threshold_of(tier.get("conditions", []))
            if threshold is None:
                dropped_tiers.append(f"{name} [{tier['name']}]")
                continue
            converted_tiers.append({
                "above_input_tokens": threshold,
                "prices": fold_prices(tier["prices"], f"{where}[{tier['name']}]", dropped_keys),
            })
        converted_tiers.sort(key=lambda t: t["above_input_tokens"])
        thresholds = [t["above_input_tokens"] for t in converted_tiers]
        if len(set(thresholds)) != len(thresholds):
            raise ConversionError(f"{where}: two tiers with the same threshold")
        if converted_tiers:
            model["tiers"] = converted_tiers
        if model["id"] in ids:
            raise ConversionError(f"{where}: duplicate id {model['id']}")
        ids.add(model["id"])
        models.append(model)
    print(f"converted {len(models)} models; dropped usage keys: {sorted(dropped_keys)}", file=sys.stderr)
    print(f"dropped {len(dropped_tiers)} model-parameter tiers (service_tier, speed): {', '.join(dropped_tiers)}",
          file=sys.stderr)
    return {"version": version, "source": source, "models": models}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="Langfuse default-model-prices.json")
    parser.add_argument("--version", required=True, help="catalog version, e.g. 2026-08-22.1")
    parser.add_argument("--source-commit", required=True, help="Langfuse commit the input file comes from")
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as f:
        entries = json.load(f)
    source = ("Langfuse default model prices (github.com/langfuse/langfuse, "
              f"worker/src/constants/default-model-prices.json at commit {args.source_commit}), MIT License, "
              "Copyright (c) 2023-2026 ClickHouse, Inc.; converted by backend/tools/pricing/convert_langfuse_prices.py")
    try:
        catalog = convert(entries, args.version, source)
    except ConversionError as e:
        print(f"conversion failed: {e}", file=sys.stderr)
        return 1
    json.dump(catalog, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
