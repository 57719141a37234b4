/**
 * The build's patches of third-party code (scripts/dependency-patches.mjs) apply to the
 * dependencies installed now, and fail the build, naming the patch, when a dependency changes
 * the text they patch or the file moves: never a warning and a slower or broken CLI (issue 12).
 * A changed dependency is imitated by a copy of its file, edited, at the same path in a
 * temporary node_modules.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build, type Plugin } from "esbuild";
import * as patches from "../../scripts/dependency-patches.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "draftlint-patches-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CASES: Array<{ patch: string; label?: string; plugin: () => Plugin; file: string; change: (text: string) => string }> = [
  {
    patch: "libmime-charset",
    plugin: patches.libmimeCharsetPlugin,
    file: "libmime/dist/cjs/charset.js",
    change: (text) => text.replace(".getCodec('gbk').decoder", ".getCodec('gb18030').decoder"),
  },
  {
    patch: "libmime-charset",
    label: "(the codecs it refuses)",
    plugin: patches.libmimeCharsetPlugin,
    file: "libmime/dist/cjs/charset.js",
    change: (text) => text.replace("['utf7', 'utf7imap', 'base64', 'hex']", "['utf7', 'utf7imap', 'base64', 'hex', 'binary']"),
  },
  {
    patch: "libmime-charset",
    label: "(the byte-order guesses)",
    plugin: patches.libmimeCharsetPlugin,
    file: "libmime/dist/cjs/charset.js",
    change: (text) => text.replace("getCodec('utf-32'), 400]", "getCodec('utf-32'), 800]"),
  },
  {
    patch: "mailparser-tlds",
    plugin: patches.mailparserTldsPlugin,
    file: "mailparser/dist/esm/tlds.cjs",
    change: (text) => text.replace("module.exports = require('tlds');", "module.exports = require('tlds').filter(Boolean);"),
  },
  {
    patch: "zod-locales",
    plugin: patches.zodLocalesPlugin,
    file: "zod/v4/locales/index.cjs",
    change: (text) => text.replace(/require\("\.\/en\.cjs"\)/g, 'require("./en-GB.cjs")'),
  },
  {
    patch: "cosmiconfig-import",
    plugin: patches.cosmiconfigImportPlugin,
    file: "cosmiconfig/dist/loaders.js",
    change: (text) => text.replace("await import(href)", "await import(/* webpackIgnore */ href)"),
  },
];

/** Bundles `file` (under `modules`) with one patch plugin, in memory. */
function bundle(modules: string, file: string, plugin: Plugin) {
  return build({
    entryPoints: [join(modules, file)],
    bundle: true,
    write: false,
    platform: "node",
    format: "cjs",
    logLevel: "silent",
    // The edited copy has no dependencies beside it; only the file itself is under test.
    external: ["*"],
    plugins: [plugin],
  });
}

describe("build-time patches of dependencies", () => {
  for (const { patch, label, plugin, file, change } of CASES) {
    const name = label ? `${patch} ${label}` : patch;
    it(`${name}: applies to the installed ${file}`, async () => {
      patches.patchesApplied.clear();
      await bundle(join(ROOT, "node_modules"), file, plugin());
      expect(() => patches.assertPatched([patch])).not.toThrow();
    });

    it(`${name}: a dependency whose text changed fails the build, naming the patch`, async () => {
      const original = readFileSync(join(ROOT, "node_modules", file), "utf8");
      const changed = change(original);
      expect(changed, "the test's edit must change the file").not.toBe(original);
      const modules = join(work, patch, "node_modules");
      mkdirSync(dirname(join(modules, file)), { recursive: true });
      writeFileSync(join(modules, file), changed);
      patches.patchesApplied.clear();
      await expect(bundle(modules, file, plugin())).rejects.toThrow(/changed shape.*scripts\/dependency-patches\.mjs/s);
      expect(() => patches.assertPatched([patch])).toThrow(patch);
    });
  }

  it("a patch whose file is gone (moved by a new version) fails the build", () => {
    patches.patchesApplied.clear();
    expect(() => patches.assertPatched(["libmime-charset", "cosmiconfig-import"])).toThrow(/libmime-charset, cosmiconfig-import patch found nothing to patch/);
  });
});
