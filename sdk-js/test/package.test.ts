import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, setUpTenant, startBackend, type Backend, type Tenant } from "./support/backend.js";

// The package as a user gets it (issue 19): `npm pack`, installed from the tarball into fresh projects, the README's
// quick start type-checked there as written (moduleResolution nodenext and bundler) and run with Node (ESM import)
// against the real backend. Only the Node that runs this test is tried (Node 20 on the build machine); engines says
// >=18, which is not exercised here. Offline: the tarball's dependencies and @types/node come from the npm cache,
// filled by this package's own `npm ci`.

const SDK = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(SDK, "package.json"), "utf8"));
const readme = readFileSync(join(SDK, "README.md"), "utf8");
const quickStart = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
const TSC = join(SDK, "node_modules", "typescript", "bin", "tsc");

let work: string;
let tarball: string;
let backend: Backend;
let tenant: Tenant;
let nodenext: string;

/** Runs a command; resolves with its output, rejects with it (and the exit code) on failure. */
function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 20 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => (error ? fail(new Error(`${file} ${args.join(" ")} failed (${error.code}):\n${stdout}\n${stderr}`)) : ok(stdout + stderr)));
  });
}

/** npm itself: the one running this test when started by npm (Maven's frontend plugin, `npm test`), else the PATH's. */
function npm(args: string[], cwd: string): Promise<string> {
  const cli = process.env.npm_execpath;
  return cli ? run(process.execPath, [cli, ...args], cwd) : run("npm", args, cwd);
}

/** A fresh project that installed the packed tarball (and @types/node, which the quick start's `process` needs). */
async function consumer(name: string, compilerOptions: Record<string, unknown>): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", private: true, type: "module" }));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", types: ["node"], ...compilerOptions }, files: ["quickstart.ts"] }));
  writeFileSync(join(dir, "quickstart.ts"), quickStart!);
  await npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball, `@types/node@${pkg.devDependencies["@types/node"]}`], dir);
  return dir;
}

beforeAll(async () => {
  expect(quickStart, "README.md has a ```ts block under ## Quick start").toBeTruthy();
  work = mkdtempSync(join(tmpdir(), "agentops-sdkjs-package-"));
  const packed = JSON.parse(await npm(["pack", "--json", "--loglevel=error", "--pack-destination", work], SDK));
  tarball = join(work, packed[0].filename);
  backend = await startBackend();
}, 300_000);

afterAll(async () => {
  await backend?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe("the packed @agentops/sdk", () => {
  it("holds only the built ESM, its type declarations, README, LICENSE and package.json", async () => {
    const [packed] = JSON.parse(await npm(["pack", "--dry-run", "--json", "--loglevel=error"], SDK));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    const outside = files.filter((f) => !/^dist\/.*\.(js|d\.ts)$/.test(f) && !["README.md", "LICENSE", "package.json"].includes(f));
    expect(outside).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "README.md", "LICENSE"]));
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
    expect(pkg.engines.node).toBe(">=18");
    expect(pkg.license).toBe("Apache-2.0");
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
  }, 120_000);

  it("passes npm publish --dry-run without warnings", async () => {
    const output = await npm(["publish", "--dry-run", "--ignore-scripts", "--loglevel=warn"], SDK);
    // about this machine, not the package: no registry credentials, and the npm settings the Maven build's
    // frontend-maven-plugin passes down (nodedir)
    const aboutThisMachine = /requires you to be logged in|Unknown (env|user) config "nodedir"/;
    const problems = output.split("\n").filter((line) => /npm (warn|error)/i.test(line) && !aboutThisMachine.test(line));
    expect(problems).toEqual([]);
    expect(output).toContain("@agentops/sdk@" + pkg.version);
  }, 120_000);

  it("type-checks the README's quick start with moduleResolution nodenext and runs it with Node: the run is priced", async () => {
    const dir = (nodenext = await consumer("nodenext", { module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022"], outDir: "out" }));
    await run(process.execPath, [TSC, "-p", "tsconfig.json"], dir);

    tenant = await setUpTenant(backend.baseUrl);
    await post(backend.baseUrl, "/api/v1/agents", { name: "Support bot", slug: "support-bot" }, tenant.token);
    await run(process.execPath, ["out/quickstart.js"], dir, { AGENTOPS_API_KEY: tenant.apiKey, AGENTOPS_BASE_URL: backend.baseUrl });

    // shutdown() resolves once the hub has accepted (202) the run; a worker stores it a moment later
    let runs: any;
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 50))) {
      runs = await (await fetch(`${backend.baseUrl}/api/v1/runs`, { headers: { authorization: `Bearer ${tenant.token}` } })).json();
      if (runs.data[0]?.status === "completed" || Date.now() > deadline) break;
    }
    expect(runs.data).toHaveLength(1);
    expect(runs.data[0].status).toBe("completed");
    // gpt-4o: 1000 input tokens at $2.50/M and 200 output tokens at $10/M
    expect(Number(runs.data[0].cost_usd)).toBeCloseTo(0.0045, 10);
    // the server's access log names the SDK and its version
    expect(backend.log()).toContain(`agentops-sdk-js/${pkg.version}`);
  }, 300_000);

  it("type-checks the README's quick start with moduleResolution bundler", async () => {
    const dir = await consumer("bundler", { module: "ESNext", moduleResolution: "Bundler", lib: ["ES2022", "DOM"], noEmit: true });
    await run(process.execPath, [TSC, "-p", "tsconfig.json"], dir);
  }, 300_000);

  it("cannot be loaded with CommonJS require, as the README's first lines say", async () => {
    expect(nodenext, "the nodenext project is installed by the test before").toBeTruthy();
    await expect(run(process.execPath, ["-e", "require('@agentops/sdk')"], nodenext)).rejects.toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED|ERR_REQUIRE_ESM/);
    expect(readme.split("\n").slice(0, 6).join("\n")).toMatch(/ESM only.*no CommonJS `require`/s);
  }, 300_000);
});
