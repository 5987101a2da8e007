import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));

describe("generated code and docs stay in step with the contract", () => {
  it("src/generated/schema.ts is what openapi-typescript makes of backend/openapi.yml now", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agentops-gen-"));
    try {
      const out = join(dir, "schema.ts");
      await promisify(execFile)(
        process.execPath,
        [join(SDK_DIR, "node_modules/openapi-typescript/bin/cli.js"), join(SDK_DIR, "../backend/openapi.yml"), "-o", out],
        { cwd: SDK_DIR },
      );
      const committed = readFileSync(join(SDK_DIR, "src/generated/schema.ts"), "utf8");
      expect(committed === readFileSync(out, "utf8"), "src/generated is stale: run `npm run gen:api` (npm run build does)").toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("every TypeScript example in README.md compiles against the SDK's types", () => {
    const readme = readFileSync(join(SDK_DIR, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const dir = mkdtempSync(join(tmpdir(), "agentops-readme-"));
    try {
      // Node's `process` without @types/node: the examples only read process.env.
      const prelude = "declare const process: { env: Record<string, string | undefined> };\n";
      const files = blocks.map((code, i) => {
        const file = join(dir, `block${i}.mts`);
        writeFileSync(file, prelude + code);
        return file;
      });
      const program = ts.createProgram(files, {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        paths: { "@agentops/sdk": [join(SDK_DIR, "src/index.ts")] },
        allowImportingTsExtensions: true,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
        const where = d.file ? `${d.file.fileName.replace(dir, "README")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line}` : "";
        return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
      expect(diagnostics).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("both SDK READMEs describe batching, retries and idempotency in the very same words", () => {
    const section = (file: string) => {
      const text = readFileSync(join(SDK_DIR, file), "utf8");
      const match = text.match(/## Batching, retries and idempotency\n[\s\S]*?(?=\n## )/);
      expect(match, file).not.toBeNull();
      return match![0];
    };
    expect(section("README.md")).toBe(section("../sdk-java/README.md"));
  });

  it("the package source is browser-safe: no Node built-ins, process only through a guard", () => {
    const files = (readdirSync(join(SDK_DIR, "src"), { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const code = readFileSync(join(SDK_DIR, "src", file), "utf8");
      expect(code, file).not.toMatch(/from\s+["'](node:[\w/]*|fs|path|os|http|https|crypto|child_process)["']/);
      expect(code, file).not.toMatch(/require\(/);
      expect(code.replace(/globalThis as \{ process\?/g, ""), file).not.toMatch(/\bprocess\./);
    }
  });
});
