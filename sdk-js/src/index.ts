import createClient from "openapi-fetch";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";
import { createRetryingFetch, USER_AGENT, type HttpOptions } from "./core/http.js";

export type { components, paths };
export { AgentOpsClient } from "./client.js";
export type {
  AgentOpsClientOptions,
  EndRunParams,
  RecordErrorParams,
  RecordExternalActionParams,
  RecordLlmCallParams,
  RecordToolCallParams,
  StartRunParams,
} from "./client.js";
export type {
  ApprovalOutcome,
  ApprovalResult,
  CheckPolicyParams,
  PolicyCheck,
  PolicyFailMode,
  PolicyReason,
  WaitForApprovalOptions,
} from "./policy.js";
export { AGENT_STATUSES, BUDGET_STATUSES, DECISIONS, EVENT_TYPES, PAUSE_SOURCES, RUN_STATUSES, USAGE_FORMATS } from "./types.js";
export type { AgentStatus, BudgetStatus, Decision, EventType, FinalRunStatus, PauseSource, RunStatus, UsageFormat } from "./types.js";
export {
  AgentOpsError,
  AgentPausedError,
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  IdempotencyError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ValidationError,
  errorFromResponse,
  parseRetryAfter,
} from "./core/errors.js";
export type { FieldProblem } from "./core/errors.js";
export { backoffDelay, createRetryingFetch, isRetryableStatus, USER_AGENT } from "./core/http.js";
export { SDK_VERSION } from "./generated/version.js";
export type { FetchLike, HttpOptions, RetryOptions } from "./core/http.js";
export { detectUsageFormat, normalizeUsage, usageFields } from "./core/usage.js";
export type {
  AnthropicUsage,
  AnyUsage,
  ProviderUsage,
  CanonicalUsage,
  OpenAIChatUsage,
  OpenAIResponsesUsage,
} from "./core/usage.js";

/**
 * A typed client for every path of the AgentOps Hub API (openapi-fetch over the generated `paths`).
 * With an API key, every request carries `Authorization: Bearer <key>`. Without `http` options it is the plain
 * openapi-fetch client (error answers come back as `{ error }`); with them (e.g. `{ maxRetries: 3 }`) requests
 * go through the SDK's retrying fetch and error answers throw typed errors.
 */
export function createLowLevelClient(baseUrl: string, apiKey?: string, http?: HttpOptions): Client<paths> {
  return createClient<paths>({
    baseUrl,
    headers: { "User-Agent": USER_AGENT, ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
    ...(http ? { fetch: createRetryingFetch(http) } : {}),
  });
}
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  WEBHOOK_SIGNATURE_FAILURES,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookSignatureError,
  signWebhookPayload,
  verifyWebhookSignature,
} from "./webhooks.js";
export type { VerifyWebhookOptions, WebhookEvent, WebhookSignatureFailure } from "./webhooks.js";
