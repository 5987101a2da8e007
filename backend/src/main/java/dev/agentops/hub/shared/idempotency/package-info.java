/**
 * {@code Idempotency-Key} on authenticated POSTs (docs/api.md, "Idempotency"), as Stripe's API does it.
 * <p>
 * The first request with a key claims it: a row per (organization, credential, key) with the SHA-256 of the method,
 * path and raw body, and a lease ({@code locked_until}). When its response is ready, status, body and
 * {@code Location} are stored with the row before the client gets them; a later request with the same key and the
 * same hash gets that response again with {@code Idempotent-Replayed: true}, a different hash is
 * {@code 422 idempotency_key_reused}, and a request while the first is still running is
 * {@code 409 idempotency_in_progress}. A lease that ran out without a stored response (the instance died mid-request)
 * may be taken over. Responses that changed nothing on purpose ({@code 429}) or failed on our side ({@code 5xx})
 * are not kept: the key is released so that a retry runs again. Keys live 24 hours.
 * <p>
 * Not for {@code POST /api/v1/ingest/run}: ingestion is idempotent by {@code run_id}/{@code event_id}, and its hot
 * path must not pay a database round trip per request. Not for unauthenticated calls (signup, login, refresh,
 * password reset): there is no organization and credential to scope the key by, so it is ignored there.
 */
package dev.agentops.hub.shared.idempotency;
