/**
 * A lazy stub that keeps only some of a dependency's exports (scripts/lazy-deps.mjs, zod keeps
 * `z`) fails the build when code imports another name from it: that name would be undefined at
 * run time, and no type check sees the stub.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { lazyDepsPlugin } from "../../scripts/lazy-deps.mjs";

const work = mkdtempSync(join(tmpdir(), "draftlint-stubs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bundle(source: string) {
  const file = join(work, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  return build({ entryPoints: [file], bundle: true, write: false, platform: "node", format: "cjs", logLevel: "silent", plugins: [lazyDepsPlugin()] });
}

describe("lazy stubs with a list of exports", () => {
  it("build when code imports only those names (type-only imports aside)", async () => {
    await expect(bundle('import { z } from "zod";\nimport type { ZodIssue } from "zod";\nimport { type ZodType } from "zod";\nexport const s: ZodType = z.string();\nexport type I = ZodIssue;\n')).resolves.toBeTruthy();
  });

  it("fail the build for another name, a namespace or a default import", async () => {
    await expect(bundle('import { z, ZodError } from "zod";\nexport { z, ZodError };\n')).rejects.toThrow(/imports ZodError from zod/);
    await expect(bundle('import * as zod from "zod";\nexport { zod };\n')).rejects.toThrow(/LAZY_MODULES\.zod\.exports/);
    await expect(bundle('import zod from "zod";\nexport { zod };\n')).rejects.toThrow(/LAZY_MODULES\.zod\.exports/);
  });
});
