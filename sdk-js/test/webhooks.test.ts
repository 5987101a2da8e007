import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { signWebhookPayload, verifyWebhookSignature, WebhookSignatureError } from "../src/index.js";

// The vectors shared with the Java SDK (its WebhooksTest reads the same file): both must agree on every case.
const FIXTURE = fileURLToPath(new URL("../../docs/contract/webhook-signature.json", import.meta.url));
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
  tolerance_seconds: number;
  cases: { name: string; payload: string; header: string; secret: string; now: number; valid: boolean; event_id?: string; reason?: string }[];
};

async function reasonOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookSignatureError);
    return (error as WebhookSignatureError).reason;
  }
}

describe("docs/contract/webhook-signature.json", () => {
  it("has cases of every outcome", () => {
    expect(fixture.cases.filter((c) => c.valid).length).toBeGreaterThan(3);
    expect(new Set(fixture.cases.filter((c) => !c.valid).map((c) => c.reason))).toEqual(
      new Set(["timestamp_outside_tolerance", "signature_mismatch", "missing_header", "no_signature", "malformed_header", "invalid_payload"]),
    );
  });

  for (const c of fixture.cases) {
    it(c.name, async () => {
      const verify = () =>
        verifyWebhookSignature({ payload: c.payload, header: c.header, secret: c.secret, now: c.now * 1000 });
      if (c.valid) {
        expect((await verify()).id).toBe(c.event_id);
        // the same bytes as a Buffer verify too
        const bytes = new TextEncoder().encode(c.payload);
        expect((await verifyWebhookSignature({ payload: bytes, header: c.header, secret: c.secret, now: new Date(c.now * 1000) })).id).toBe(c.event_id);
      } else {
        expect(await reasonOf(verify)).toBe(c.reason);
      }
    });
  }
});

describe("verifyWebhookSignature", () => {
  const secret = "whsec_" + "k".repeat(24);
  const body = JSON.stringify({ id: "evt_1", type: "webhook.test", created_at: new Date().toISOString(), organization_id: "org", data: { ok: true } });

  it("accepts what signWebhookPayload writes, computed here with node's HMAC", async () => {
    const t = Math.floor(Date.now() / 1000);
    const header = await signWebhookPayload(body, secret, t);
    const hex = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${hex}`);
    const event = await verifyWebhookSignature<{ ok: boolean }>({ payload: body, header, secret });
    expect(event.type).toBe("webhook.test");
    expect(event.data.ok).toBe(true);
  });

  it("uses the caller's tolerance: a 10 s old delivery fails a 5 s tolerance and passes the default", async () => {
    const t = Math.floor(Date.now() / 1000) - 10;
    const header = await signWebhookPayload(body, secret, t);
    expect(await reasonOf(() => verifyWebhookSignature({ payload: body, header, secret, toleranceSeconds: 5 }))).toBe("timestamp_outside_tolerance");
    expect((await verifyWebhookSignature({ payload: body, header, secret })).id).toBe("evt_1");
  });

  it("refuses a re-serialised body (the raw bytes are signed) and a missing header", async () => {
    const t = Math.floor(Date.now() / 1000);
    const header = await signWebhookPayload(body, secret, t);
    const reserialised = JSON.stringify(JSON.parse(body), null, 2);
    expect(await reasonOf(() => verifyWebhookSignature({ payload: reserialised, header, secret }))).toBe("signature_mismatch");
    expect(await reasonOf(() => verifyWebhookSignature({ payload: body, header: undefined, secret }))).toBe("missing_header");
    const error = await verifyWebhookSignature({ payload: body, header: null, secret }).then(
      () => undefined,
      (e: unknown) => e as WebhookSignatureError,
    );
    expect(error?.code).toBe("webhook_signature_invalid");
    expect(error?.message).not.toContain(secret);
  });
});
