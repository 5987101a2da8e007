import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const JAR = fileURLToPath(new URL("../../../backend/target/agentops-hub.jar", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

export interface Backend {
  baseUrl: string;
  stop(): Promise<void>;
  log(): string;
}

/** Starts the real backend jar (zero-config: embedded PostgreSQL in a temp data dir) and waits for /health 200. */
export async function startBackend(): Promise<Backend> {
  if (!existsSync(JAR)) {
    throw new Error(
      `Backend jar not found at ${JAR}. Build the backend first: ` +
        "cd <repo root> && npm_config_loglevel=error mvn -B -ntp -q install -DskipTests " +
        "(in the full Maven reactor the backend is packaged before sdk-js).",
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), "agentops-sdkjs-"));
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn("java", ["-jar", JAR], {
    env: {
      ...process.env,
      AGENTOPS_DATA_DIR: dataDir,
      MICRONAUT_SERVER_PORT: String(port),
      AGENTOPS_RATE_LIMITS_SIGNUP_IP: "1000/1s burst 1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on("data", (d) => (output = (output + d).slice(-20_000)));
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timeout = new Promise<"timeout">((ok) => setTimeout(() => ok("timeout"), 30_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") {
        child.kill("SIGKILL");
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // generous: on a loaded machine the backend (embedded PostgreSQL, migrations) can take a minute or more
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Backend exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) return { baseUrl, stop, log: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  await stop();
  throw new Error(`Backend did not answer GET /health 200 within 180 s:\n${output}`);
}

export async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(baseUrl + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: any = await res.json();
  if (!res.ok) throw new Error(`POST ${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json.data ?? json;
}

export interface Tenant {
  token: string;
  agentId: string;
  agentSlug: string;
  apiKey: string;
}

/** Signs up an organization (signup + its confirmation link), creates an agent and an API key with scopes ingest + read + policies:check, over HTTP. */
export async function setUpTenant(baseUrl: string, name = "SDK test"): Promise<Tenant> {
  // signup creates nothing until its e-mailed link is confirmed; the test server has no SMTP, so the answer carries it
  const accepted = await post(baseUrl, "/api/v1/auth/signup", {
    email: `sdkjs-${crypto.randomUUID()}@example.com`,
    password: "sdk test password 123",
    full_name: "SDK Tester",
    organization_name: name,
  });
  if (!accepted.confirm_url) throw new Error(`signup answered no confirm_url: ${JSON.stringify(accepted)}`);
  const session = await post(baseUrl, "/api/v1/auth/signup/confirm", {
    token: new URL(accepted.confirm_url).searchParams.get("token"),
  });
  const token: string = session.access_token;
  const agent = await post(baseUrl, "/api/v1/agents", { name: `${name} agent ${crypto.randomUUID().slice(0, 8)}` }, token);
  const key = await post(baseUrl, "/api/v1/api-keys", { name: "sdk-js", scopes: ["ingest", "read", "policies:check"] }, token);
  return { token, agentId: agent.id, agentSlug: agent.slug, apiKey: key.key };
}

/** Polls GET /api/v1/runs?external_reference= until the run is there and `done(run)` holds; returns run + events. */
export async function waitForRun(
  baseUrl: string,
  token: string,
  externalReference: string,
  done: (run: any) => boolean,
  timeoutMs = 30_000,
): Promise<{ run: any; events: any[] }> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/api/v1/runs?external_reference=${encodeURIComponent(externalReference)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body: any = await res.json();
    last = body;
    const run = body.data?.[0];
    if (run && done(run)) {
      const detail: any = await (
        await fetch(`${baseUrl}/api/v1/runs/${run.id}`, { headers: { authorization: `Bearer ${token}` } })
      ).json();
      return { run: detail.data.run, events: detail.data.events };
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`Run ${externalReference} not processed in time; last answer: ${JSON.stringify(last)}`);
}
