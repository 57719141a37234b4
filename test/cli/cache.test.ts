// --cache and --cache-location (as ESLint has them): a second run reuses each unchanged file's
// result and relints a file whose bytes, or whose config, changed.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonOf, lintIn, STOKE_PARK, tempProject } from "./helpers.js";

const CONFIG = JSON.stringify({ packs: ["recipients"], internalDomains: ["stokepark.com"] });
const CLEAN = STOKE_PARK.replace("Cc: Pauline Bailey <pauline.bailey@gmail.com>\n", "");

/** Marks every stored result, so a report that shows the mark came from the cache. */
function markCache(file: string): void {
  const cache = JSON.parse(readFileSync(file, "utf8"));
  for (const entry of Object.values<any>(cache.files)) entry.result.audience = "from-the-cache";
  writeFileSync(file, JSON.stringify(cache));
}

const audiences = (run: Awaited<ReturnType<typeof lintIn>>) => Object.fromEntries(jsonOf(run).files.map((f: any) => [f.file, f.audience]));

describe("--cache", () => {
  it("gives the same report from the cache, and relints only the file that changed", async () => {
    const dir = tempProject({ ".linterrc.json": CONFIG, "a.eml": STOKE_PARK, "b.eml": CLEAN });
    const first = await lintIn(dir, ["--cache", ".", "-f", "json"]);
    expect(existsSync(join(dir, ".draftlintcache"))).toBe(true);
    const second = await lintIn(dir, ["--cache", ".", "-f", "json"]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);

    markCache(join(dir, ".draftlintcache"));
    writeFileSync(join(dir, "b.eml"), CLEAN.replace("is confirmed", "is confirmed at last"));
    const third = await lintIn(dir, ["--cache", ".", "-f", "json"]);
    expect(audiences(third)).toEqual({ "a.eml": "from-the-cache", "b.eml": "internal" });
  }, 30_000);

  it("relints every file when the config that applies changes", async () => {
    const dir = tempProject({ ".linterrc.json": CONFIG, "a.eml": STOKE_PARK });
    await lintIn(dir, ["--cache", ".", "-f", "json"]);
    markCache(join(dir, ".draftlintcache"));
    const sameConfig = await lintIn(dir, ["--cache", ".", "-f", "json"]);
    expect(audiences(sameConfig)).toEqual({ "a.eml": "from-the-cache" });
    const otherRule = await lintIn(dir, ["--cache", ".", "-f", "json", "--rule", "external-recipient=off"]);
    expect(audiences(otherRule)).toEqual({ "a.eml": "external" });
    expect(jsonOf(otherRule).files[0].findings.map((f: any) => f.ruleId)).not.toContain("external-recipient");
  }, 30_000);

  it("relints every file under another draftlint or other rule data", async () => {
    const dir = tempProject({ ".linterrc.json": CONFIG, "a.eml": STOKE_PARK });
    await lintIn(dir, ["--cache", ".", "-f", "json"]);
    const cacheFile = join(dir, ".draftlintcache");
    markCache(cacheFile);
    const cache = JSON.parse(readFileSync(cacheFile, "utf8"));
    writeFileSync(cacheFile, JSON.stringify({ ...cache, draftlint: "an older draftlint" }));
    expect(audiences(await lintIn(dir, ["--cache", ".", "-f", "json"]))).toEqual({ "a.eml": "external" });
  }, 30_000);

  it("--cache-location names the cache file, or a directory to keep .draftlintcache in", async () => {
    const dir = tempProject({ ".linterrc.json": CONFIG, "a.eml": STOKE_PARK, "ci/.keep": "" });
    await lintIn(dir, ["--cache", "--cache-location", "lint.cache", "a.eml"]);
    expect(existsSync(join(dir, "lint.cache"))).toBe(true);
    await lintIn(dir, ["--cache", "--cache-location", "ci", "a.eml"]);
    expect(existsSync(join(dir, "ci", ".draftlintcache"))).toBe(true);
    expect(existsSync(join(dir, ".draftlintcache"))).toBe(false);
  }, 30_000);

  it("is not written without --cache, and a cache that cannot be written is one line, not a failed run", async () => {
    const dir = tempProject({ ".linterrc.json": CONFIG, "a.eml": STOKE_PARK });
    const plain = await lintIn(dir, ["a.eml"]);
    expect(existsSync(join(dir, ".draftlintcache"))).toBe(false);
    const unwritable = await lintIn(dir, ["--cache", "--cache-location", "no/such/folder/cache", "a.eml"]);
    expect(unwritable.code).toBe(plain.code);
    expect(unwritable.stdout).toBe(plain.stdout);
    expect(unwritable.stderr).toMatch(/^draftlint: the cache could not be written \(ENOENT\)/);
  }, 30_000);
});
