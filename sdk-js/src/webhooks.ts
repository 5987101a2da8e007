import { AgentOpsError } from "./core/errors.js";

/** The header AgentOps Hub signs webhook deliveries with. */
export const WEBHOOK_SIGNATURE_HEADER = "AgentOps-Signature";
/** How far (seconds) a delivery's timestamp may be from now, either way, by default. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export const WEBHOOK_SIGNATURE_FAILURES = [
  "missing_header",
  "malformed_header",
  "no_signature",
  "timestamp_outside_tolerance",
  "signature_mismatch",
  "invalid_payload",
] as const;
/** Why a delivery was refused. */
export type WebhookSignatureFailure = (typeof WEBHOOK_SIGNATURE_FAILURES)[number];

/** A webhook delivery's body: `{id, type, created_at, organization_id, data}`. */
export interface WebhookEvent<T = Record<string, unknown>> {
  id: string;
  type: string;
  created_at: string;
  organization_id: string;
  data: T;
}

/** A delivery that must not be trusted; `reason` says why (answer it with a 4xx and do not act on it). */
export class WebhookSignatureError extends AgentOpsError {
  readonly reason: WebhookSignatureFailure;
  constructor(reason: WebhookSignatureFailure, message: string) {
    super(message, { code: "webhook_signature_invalid" });
    this.reason = reason;
  }
}

export interface VerifyWebhookOptions {
  /** The raw request body exactly as received (before any JSON parsing: re-serialised JSON does not verify). */
  payload: string | Uint8Array;
  /** The `AgentOps-Signature` header. */
  header: string | null | undefined;
  /** The endpoint's signing secret (shown once when the webhook was created). */
  secret: string;
  /** Maximum age (and future skew) of the delivery's timestamp, in seconds (default 300; replay protection). */
  toleranceSeconds?: number;
  /** The current time (default now): epoch milliseconds or a Date. */
  now?: number | Date;
}

const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;

/**
 * Checks a webhook delivery: `AgentOps-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * During a secret rotation there may be several `v1=` entries: one matching is enough. Entries of other schemes are
 * ignored. Each candidate is checked with Web Crypto's HMAC verify, which compares in constant time. Resolves to the
 * parsed event; rejects with {@link WebhookSignatureError} otherwise.
 *
 * Runs wherever Web Crypto is (`globalThis.crypto.subtle`): Node 19+ (18 with `--experimental-global-webcrypto`),
 * Deno, Bun, edge runtimes; the SDK itself stays free of Node built-ins.
 */
export async function verifyWebhookSignature<T = Record<string, unknown>>(options: VerifyWebhookOptions): Promise<WebhookEvent<T>> {
  const { header, secret } = options;
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!header || header.trim() === "") {
    throw new WebhookSignatureError("missing_header", `No ${WEBHOOK_SIGNATURE_HEADER} header`);
  }
  if (!secret) throw new WebhookSignatureError("signature_mismatch", "No webhook secret to verify with");
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) throw new WebhookSignatureError("malformed_header", `Malformed ${WEBHOOK_SIGNATURE_HEADER} header`);
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") {
      if (timestamp !== undefined || !/^\d{1,15}$/.test(value)) {
        throw new WebhookSignatureError("malformed_header", `${WEBHOOK_SIGNATURE_HEADER} needs exactly one numeric t=`);
      }
      timestamp = value;
    } else if (key === "v1") {
      signatures.push(value);
    }
  }
  if (timestamp === undefined) {
    throw new WebhookSignatureError("malformed_header", `${WEBHOOK_SIGNATURE_HEADER} has no t= timestamp`);
  }
  if (signatures.length === 0) {
    throw new WebhookSignatureError("no_signature", `${WEBHOOK_SIGNATURE_HEADER} has no v1= signature`);
  }
  const nowMs = options.now === undefined ? Date.now() : options.now instanceof Date ? options.now.getTime() : options.now;
  const age = Math.floor(nowMs / 1000) - Number(timestamp);
  if (Math.abs(age) > tolerance) {
    throw new WebhookSignatureError(
      "timestamp_outside_tolerance",
      `Webhook timestamp is ${Math.abs(age)} s ${age >= 0 ? "old" : "in the future"} (tolerance ${tolerance} s)`,
    );
  }
  const body = typeof options.payload === "string" ? new TextEncoder().encode(options.payload) : options.payload;
  const key = await hmacKey(secret, "verify");
  const signed = signedContent(timestamp, body);
  let matched = false;
  for (const signature of signatures) {
    // every candidate is checked (no early exit)
    if (HEX_SIGNATURE.test(signature) && (await subtle().verify("HMAC", key, fromHex(signature), signed))) matched = true;
  }
  if (!matched) {
    throw new WebhookSignatureError("signature_mismatch", "No v1 signature matches this payload and secret");
  }
  try {
    const event = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as WebhookEvent<T>;
    if (event === null || typeof event !== "object" || Array.isArray(event)) throw new Error("not an object");
    return event;
  } catch {
    throw new WebhookSignatureError("invalid_payload", "The signed payload is not a JSON event");
  }
}

/**
 * The `AgentOps-Signature` value for a payload, as the server writes it: for tests of your receiver, and for relaying
 * deliveries between your own services.
 */
export async function signWebhookPayload(payload: string | Uint8Array, secret: string, timestampSeconds: number): Promise<string> {
  const body = typeof payload === "string" ? new TextEncoder().encode(payload) : payload;
  const t = String(Math.floor(timestampSeconds));
  const mac = new Uint8Array(await subtle().sign("HMAC", await hmacKey(secret, "sign"), signedContent(t, body)));
  return `t=${t},v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function subtle(): SubtleCrypto {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!s) {
    throw new AgentOpsError("Web Crypto (globalThis.crypto.subtle) is not available in this runtime", { code: "configuration" });
  }
  return s;
}

function hmacKey(secret: string, use: "sign" | "verify"): Promise<CryptoKey> {
  return subtle().importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [use]);
}

/** `"<t>."` followed by the raw body bytes. */
function signedContent(timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = new TextEncoder().encode(`${timestamp}.`);
  const all = new Uint8Array(prefix.length + body.length);
  all.set(prefix, 0);
  all.set(body, prefix.length);
  return all;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
