/**
 * The typings a library user's tsc reads (dist/types, from index.d.ts and nodemailer.d.ts) never
 * import zod: its types cost a consumer's tsc about 19 s. The schemas stay internal; the public
 * types are plain interfaces (checked against the schemas at build time).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuilt } from "./helpers.js";

beforeAll(ensureBuilt, 120_000);

/** Every .d.ts reachable from `entry` by relative imports and re-exports, with what it imports from packages. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
    seen.set(file, specifiers.filter((s) => !s.startsWith(".")));
    for (const s of specifiers.filter((s) => s.startsWith("."))) {
      const target = resolve(dirname(file), s.replace(/\.js$/, ".d.ts"));
      if (existsSync(target)) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe("published typings", () => {
  for (const entry of ["index.d.ts", "integrations/nodemailer.d.ts"]) {
    it(`${entry} reaches no zod types`, () => {
      const files = reachable(join(ROOT, "dist", "types", entry));
      expect(files.size).toBeGreaterThan(3);
      const withZod = [...files].filter(([, packages]) => packages.some((p) => p === "zod" || p.startsWith("zod/"))).map(([f]) => f);
      expect(withZod).toEqual([]);
    });
  }
});
