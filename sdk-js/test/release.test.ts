import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SDK_VERSION } from "../src/generated/version.js";
import { USER_AGENT } from "../src/index.js";

// One product version (docs/releasing.md): the root pom's <revision>, mirrored into package.json and the OpenAPI
// document; and scripts/release.sh, run in throwaway git repositories shaped like this one.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const revision = (pom: string) => /<revision>([^<]+)<\/revision>/.exec(pom)?.[1];
const infoVersion = (openapi: string) => /^info:\n(?:  .*\n)*?  version: "?([^"\n]+)"?$/m.exec(openapi)?.[1];

describe("the product version", () => {
  it("is the same in the root pom, package.json, the OpenAPI document and the User-Agent", () => {
    const version = revision(read("pom.xml"));
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(JSON.parse(read("sdk-js/package.json")).version).toBe(version);
    expect(JSON.parse(read("sdk-js/package-lock.json")).version).toBe(version);
    expect(infoVersion(read("backend/openapi.yml"))).toBe(version);
    expect(SDK_VERSION).toBe(version);
    expect(USER_AGENT).toBe(`agentops-sdk-js/${version}`);
  });
});

// generous: each case starts git and node a few times, slow on a loaded 2-core build machine
describe("scripts/release.sh", { timeout: 120_000 }, () => {
  let repo: string;
  const identity = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" };

  /** Runs the script in `repo`; resolves with exit code and output (never rejects). */
  const release = (...args: string[]) =>
    new Promise<{ code: number; output: string }>((ok) => {
      execFile("bash", [join(repo, "scripts", "release.sh"), ...args], {
        cwd: repo,
        env: { ...process.env, ...identity, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
      }, (error, stdout, stderr) => ok({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }));
    });
  const git = (...args: string[]) =>
    new Promise<string>((ok, fail) =>
      execFile("git", args, {
        cwd: repo,
        env: { ...process.env, ...identity },
      }, (error, stdout, stderr) => (error ? fail(new Error(stderr)) : ok(stdout))));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const commitAll = async (message: string) => {
    await git("add", "-A");
    await git("commit", "-q", "-m", message);
  };

  beforeEach(async () => {
    repo = mkdtempSync(join(tmpdir(), "agentops-release-"));
    mkdirSync(join(repo, "scripts"));
    copyFileSync(join(ROOT, "scripts", "release.sh"), join(repo, "scripts", "release.sh"));
    write("pom.xml", "<project>\n  <properties>\n    <revision>1.4.0</revision>\n  </properties>\n</project>\n");
    write("sdk-js/package.json", JSON.stringify({ name: "@agentops/sdk", version: "1.4.0" }, null, 2) + "\n");
    write("sdk-js/package-lock.json", JSON.stringify({ name: "@agentops/sdk", version: "1.4.0", packages: { "": { version: "1.4.0" } } }, null, 2) + "\n");
    write("backend/openapi.yml", "openapi: 3.0.1\ninfo:\n  title: AgentOps Hub API\n  version: 1.4.0\npaths: {}\n");
    write("sdk-java/openapi.sha256", "old\n");
    write("sdk-java/README.md", "<dependency>\n  <version>1.4.0</version>\n</dependency>\n");
    write("sdk-js/README.md", "npm install ./agentops-sdk-1.4.0.tgz\n");
    write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.5.0] - 2026-01-01\n\n### Added\n- things\n");
    await git("init", "-q");
    await commitAll("start");
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it("refuses without a version, or with one that is not a version", async () => {
    expect(await release()).toMatchObject({ code: 1, output: expect.stringContaining("usage: scripts/release.sh <version>") });
    expect(await release("v1.5")).toMatchObject({ code: 1, output: expect.stringContaining("'v1.5' is not a version") });
  });

  it("refuses a dirty tree", async () => {
    write("notes.txt", "uncommitted\n");
    const result = await release("1.5.0");
    expect(result.code).toBe(1);
    expect(result.output).toContain("the working tree is not clean");
    expect(result.output).toContain("notes.txt");
  });

  it("refuses versions that do not match, and changes nothing", async () => {
    write("sdk-js/package.json", JSON.stringify({ name: "@agentops/sdk", version: "1.3.9" }) + "\n");
    await commitAll("drift");
    const result = await release("1.5.0");
    expect(result.code).toBe(1);
    expect(result.output).toContain("the versions do not match: pom.xml <revision> 1.4.0, sdk-js/package.json 1.3.9");
    expect(readFileSync(join(repo, "pom.xml"), "utf8")).toContain("<revision>1.4.0</revision>");
    expect(await git("tag")).toBe("");
  });

  it("refuses a version without its changelog section, the current version and an existing tag", async () => {
    expect((await release("1.6.0")).output).toContain("CHANGELOG.md has no '## [1.6.0] - <date>' section");
    expect((await release("1.4.0")).output).toContain("the version is 1.4.0 already");
    await git("tag", "v1.5.0");
    expect(await release("1.5.0")).toMatchObject({ code: 1, output: expect.stringContaining("tag v1.5.0 exists already") });
  });

  it("bumps every copy of the version, commits, tags v<version> and prints the publish commands", async () => {
    const result = await release("1.5.0");
    expect(result.output, result.output).toContain("tagged v1.5.0");
    expect(result.code).toBe(0);
    const file = (path: string) => readFileSync(join(repo, path), "utf8");
    expect(revision(file("pom.xml"))).toBe("1.5.0");
    expect(JSON.parse(file("sdk-js/package.json")).version).toBe("1.5.0");
    expect(JSON.parse(file("sdk-js/package-lock.json")).packages[""].version).toBe("1.5.0");
    expect(infoVersion(file("backend/openapi.yml"))).toBe("1.5.0");
    expect(file("sdk-java/openapi.sha256")).toMatch(/^[0-9a-f]{64}\n$/);
    expect(file("sdk-java/README.md")).toContain("<version>1.5.0</version>");
    expect(file("sdk-js/README.md")).toContain("agentops-sdk-1.5.0.tgz");
    expect(await git("status", "--porcelain")).toBe("");
    expect((await git("tag")).trim()).toBe("v1.5.0");
    expect((await git("log", "-1", "--format=%s")).trim()).toBe("Release 1.5.0");
    expect(result.output).toContain("npm publish sdk-js/target/agentops-sdk-1.5.0.tgz --access public");
    expect(result.output).toContain("mvn -B -ntp -pl sdk-java -P release deploy -DskipTests");
  });
});
