/** One field problem of a `400/422 validation_failed` answer (`details.fields`). */
export interface FieldProblem {
  field: string;
  problem: string;
}

export interface AgentOpsErrorOptions {
  status?: number | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
  details?: Record<string, unknown> | undefined;
  cause?: unknown;
}

/**
 * Base class of every error the SDK raises. `status` is the HTTP status (undefined for network errors),
 * `code` the API's stable snake_case code (`validation_failed`, `rate_limited`, ...), `requestId` the
 * `X-Request-Id` / `request_id` to quote to support. The message ends with the request id when there is one.
 */
export class AgentOpsError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: AgentOpsErrorOptions = {}) {
    super(options.requestId ? `${message} (request id: ${options.requestId})` : message, { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.details = options.details;
  }
}

/** 401: missing, unknown, revoked or expired credentials. */
export class AuthenticationError extends AgentOpsError {}
/** 403: the key or user lacks the permission (scope or role). */
export class PermissionError extends AgentOpsError {}
/** 404: no such object in this organization. */
export class NotFoundError extends AgentOpsError {}
/** 409: conflict or duplicate. */
export class ConflictError extends AgentOpsError {}

/** 400/422: the request was refused as invalid; `fields` lists the problems the server named. */
export class ValidationError extends AgentOpsError {
  readonly fields: FieldProblem[];
  constructor(message: string, options: AgentOpsErrorOptions & { fields?: FieldProblem[] } = {}) {
    super(message, options);
    this.fields = options.fields ?? [];
  }
}

/** 429: over the rate limit; `retryAfter` is the server's `Retry-After` in seconds (when sent). */
export class RateLimitError extends AgentOpsError {
  readonly retryAfter: number | undefined;
  constructor(message: string, options: AgentOpsErrorOptions & { retryAfter?: number | undefined } = {}) {
    super(message, options);
    this.retryAfter = options.retryAfter;
  }
}

/**
 * The server's idempotency check: 409 `idempotency_in_progress` (the first request with this `Idempotency-Key` is
 * still running; retried with back-off) or 422 `idempotency_key_reused` (the key came with a different body).
 */
export class IdempotencyError extends AgentOpsError {}

/**
 * The agent is paused (by a person, the kill switch, a budget or a policy): thrown by a strict client's `startRun`,
 * and for the API's `agent_paused` / `org_paused` answers.
 */
export class AgentPausedError extends AgentOpsError {}

/** Any other HTTP error answer (4xx not listed above, e.g. 413 payload_too_large). */
export class ApiError extends AgentOpsError {}
/** 5xx: the server failed or is unavailable. */
export class ServerError extends ApiError {}
/** The request never got an HTTP answer (DNS, refused connection, reset, timeout). */
export class ConnectionError extends AgentOpsError {}

/** The parsed error body of the API: `{ error, code, details, request_id }`. */
export interface ErrorBody {
  error?: string;
  code?: string;
  details?: Record<string, unknown>;
  request_id?: string;
}

const BY_CODE: Record<string, typeof AgentOpsError> = {
  unauthenticated: AuthenticationError,
  invalid_credentials: AuthenticationError,
  token_expired: AuthenticationError,
  mfa_required: AuthenticationError,
  forbidden: PermissionError,
  not_found: NotFoundError,
  validation_failed: ValidationError,
  invalid_json: ValidationError,
  conflict: ConflictError,
  duplicate: ConflictError,
  rate_limited: RateLimitError,
  idempotency_in_progress: IdempotencyError,
  idempotency_key_reused: IdempotencyError,
  agent_paused: AgentPausedError,
  org_paused: AgentPausedError,
  internal_error: ServerError,
  unavailable: ServerError,
};

function classForStatus(status: number): typeof AgentOpsError {
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 400 || status === 422) return ValidationError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return ApiError;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into seconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

/**
 * Maps an HTTP error answer to a typed error: by the body's `code` first (stable across statuses),
 * then by the status.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): AgentOpsError {
  const parsed: ErrorBody = body && typeof body === "object" ? (body as ErrorBody) : {};
  const requestId = parsed.request_id ?? headers.get("x-request-id") ?? undefined;
  const code = typeof parsed.code === "string" ? parsed.code : undefined;
  const message = typeof parsed.error === "string" && parsed.error ? parsed.error : `HTTP ${status}`;
  const Cls = (code && BY_CODE[code]) || classForStatus(status);
  const options = { status, code, requestId, details: parsed.details };
  if (Cls === ValidationError) {
    const raw = parsed.details?.["fields"];
    const fields = Array.isArray(raw)
      ? raw.filter((f): f is FieldProblem => !!f && typeof f === "object" && "field" in f)
      : [];
    return new ValidationError(message, { ...options, fields });
  }
  if (Cls === RateLimitError) {
    return new RateLimitError(message, { ...options, retryAfter: parseRetryAfter(headers.get("retry-after")) });
  }
  return new Cls(message, options);
}
