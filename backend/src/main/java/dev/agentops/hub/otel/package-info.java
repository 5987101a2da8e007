/**
 * OpenTelemetry ingest: OTLP/HTTP trace exports (protobuf or JSON, gzip or not) carrying the GenAI semantic
 * conventions ({@code gen_ai.*}) become runs, through the same durable queue and merge rules as REST ingest
 * ({@link dev.agentops.hub.ingestion.IngestService}), so that pricing, budgets and idempotency behave the same.
 *
 * <p>A trace is a run whose client reference is the trace id (hex); each span that means something to us is an event
 * whose id is the span id (hex). Both ids are the exporter's own, so a batch sent twice, split or out of order merges
 * into the same run and the same events (first write wins) and never counts twice. The run's status and timing come
 * from the trace's root span (the one without a parent), which exporters send when it ends: the run completes then.
 *
 * <p>OTLP clients read errors as a {@code google.rpc.Status} in the request's own encoding, and partial acceptance
 * as {@code ExportTraceServiceResponse.partial_success}; rejections decided here use those shapes. Rejections made
 * before the request reaches us (authentication, the server's body size limit, the per-key rate limit) keep the
 * error envelope of the rest of the API.
 */
package dev.agentops.hub.otel;
