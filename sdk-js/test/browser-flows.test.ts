import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend, type Backend } from "./support/backend.js";

// Browser flows that need the real SDK next to the web app: frontend/e2e/<flow> drives headless Chromium (the
// frontend's playwright-core, Debian's chromium) against the real backend jar, and starts the built SDK (dist/) in a
// process of its own (test/support/agent-process.mjs). They run here because sdk-js builds after the backend; the
// backend's BrowserFlowsTest runs the flows that need no SDK. Add a flow to FLOWS.
// Without a chromium the flows are skipped with a message, except under CI (CI set), where that is a failure.
const FLOWS = ["controls-flow.mjs", "approvals-flow.mjs"];
const FRONTEND = fileURLToPath(new URL("../../frontend/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const hasChromium = executable(CHROMIUM);
const missing = `No chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`;
if (!hasChromium && !process.env.CI) console.warn(`browser flows skipped: ${missing}`);

describe.skipIf(!hasChromium && !process.env.CI)("browser flows with the real SDK", () => {
  let backend: Backend;

  beforeAll(async () => {
    expect(hasChromium, missing).toBe(true);
    expect(existsSync(`${FRONTEND}node_modules/playwright-core`), "frontend dependencies (the Maven build installs them)").toBe(true);
    expect(existsSync(fileURLToPath(new URL("../dist/index.js", import.meta.url))), "the SDK build (npm run build)").toBe(true);
    backend = await startBackend();
  }, 240_000);

  afterAll(async () => {
    await backend?.stop();
  }, 60_000);

  for (const flow of FLOWS) {
    it(`${flow} passes in Chromium`, async () => {
      const output: string[] = [];
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [`e2e/${flow}`, backend.baseUrl], {
          cwd: FRONTEND,
          env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
          stdio: ["ignore", "pipe", "pipe"],
        });
        const keep = (d: Buffer) => {
          output.push(d.toString());
          process.stdout.write(d);
        };
        child.stdout.on("data", keep);
        child.stderr.on("data", keep);
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`${flow} did not finish within 6 minutes:\n${output.join("")}`));
        }, 360_000);
        child.on("error", reject);
        child.on("exit", (exit) => {
          clearTimeout(timer);
          resolve(exit);
        });
      });
      expect(code, `${flow} exit code; its output:\n${output.join("")}`).toBe(0);
    }, 380_000);
  }
});
