package dev.agentops.hub.shared.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The error envelope of docs/api.md: every 4xx/5xx answer of the API has exactly this body. */
@Serdeable
public record ApiError(String error, String code, Map<String, Object> details, String requestId) {
}
