// Keeps heavy dependencies off the CLI's start path (SPEC §8: a clean draft in ≤ 2.5× bare node).
//
// mailparser imports, at its top level, modules that a plain-text draft never uses: linkify-it
// (builds large Unicode regexes on import; draftlint passes skipTextLinks), html-to-text (only for HTML-only bodies) and, through
// libmime, encoding-japanese (ISO-2022-JP only) and iconv-lite's GBK table (read at import just to
// compare decoder classes). Each lazy module is bundled on its own into dist/lazy/<name>.cjs and
// replaced in the main bundle by a small stub that requires it on first use, so its source is
// neither compiled nor run until a message needs it. Behaviour is unchanged; only the timing of
// the load moves.
import { build } from "esbuild";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Module → its stub: `object` (exports read through lazy getters), `dynamic` (a module only ever
 * reached by `import()`: the stub loads it when imported) or `linkify` (see stubFor).
 */
export const LAZY_MODULES = {
  "encoding-japanese": { kind: "object" },
  // Built-in packs are precompiled to JSON (scripts/precompile-packs.mjs): YAML is parsed only
  // for a user's pack or config file.
  "js-yaml": { kind: "object" },
  "html-to-text": { kind: "object" },
  // Schemas are built only to validate a config file or a user's pack, or rule options.
  zod: { kind: "object" },
  // Look-alike skeletons are needed only for outside recipients.
  confusables: { kind: "object" },
  // Directory walks and globs only: a draft named on the command line is just opened.
  tinyglobby: { kind: "object" },
  "linkify-it": { kind: "linkify" },
  // Outlook .msg files only (parseMsg imports it on first use).
  "@kenjiuno/msgreader": { kind: "object" },
  // The NLP, imported on first use (src/tone/nlp.ts): it was 600 KB of the CLI bundle that every
  // start read and a clean draft never ran.
  "compromise/two": { kind: "dynamic" },
};

const fileName = (name) => `${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-/, "")}.cjs`;

/** Builds dist/lazy/*.cjs, one self-contained CommonJS bundle per lazy module, and the iconv tables. */
export async function buildLazyModules(outdir) {
  const { cpSync } = await import("node:fs");
  const { dirname } = await import("node:path");
  const iconvDir = dirname(createRequire(join(ROOT, "package.json")).resolve("iconv-lite/package.json"));
  cpSync(join(iconvDir, "encodings", "tables"), `${outdir}/lazy/iconv-tables`, { recursive: true });
  await Promise.all(
    Object.keys(LAZY_MODULES).map((name) =>
      build({
        // A dynamic one is built from its ES module (`import()` resolves that one), its default
        // export kept as `default`.
        stdin: { contents: LAZY_MODULES[name].kind === "dynamic" ? `export { default } from ${JSON.stringify(name)};` : `module.exports = require(${JSON.stringify(name)});`, resolveDir: ROOT, loader: "js" },
        absWorkingDir: ROOT,
        outfile: `${outdir}/lazy/${fileName(name)}`,
        bundle: true,
        format: "cjs",
        platform: "node",
        target: "node20",
        logLevel: "warning",
        plugins: [zodLocalesPlugin()],
      }),
    ),
  );
  assertPatched(["zod-locales"]);
}

const LOADER = `
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
const here = import.meta.url;
const distRoot = fileURLToPath(here.slice(0, here.lastIndexOf("/dist/") + "/dist/".length));
const requireLazy = createRequire(distRoot);
export function loadLazy(file) {
  return requireLazy(distRoot + "lazy/" + file);
}
`;

const requireFromRoot = createRequire(join(ROOT, "package.json"));

function stubFor(name) {
  const spec = LAZY_MODULES[name];
  const file = JSON.stringify(fileName(name));
  if (spec.kind === "object") {
    // CommonJS, with one getter per export of the real module (read here, at build time), so both
    // `import x from` and `require()` (cosmiconfig requires js-yaml) see the same names, and
    // interop code that copies the exports copies getters without loading anything.
    const keys = Object.keys(requireFromRoot(name));
    const getters = keys.map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`);
    return {
      loader: "js",
      contents: `const { loadLazy } = require("draftlint-lazy:loader");\nlet real;\nconst load = () => (real ??= loadLazy(${file}));\n${getters.join("\n")}\n`,
    };
  }
  if (spec.kind === "dynamic") {
    // Reached through import() alone, so esbuild runs this module (and the load) at that import.
    return { loader: "js", contents: `import { loadLazy } from "draftlint-lazy:loader";\nexport default loadLazy(${file}).default;\n` };
  }
  // linkify-it: mailparser configures an instance at import (tlds/add/set, chained) and uses it
  // only for textToHtml links. Record the configuration, replay it on the first real call.
  return {
    loader: "js",
    contents: `import { loadLazy } from "draftlint-lazy:loader";
const load = () => loadLazy(${file});
const RECORDED = new Set(["tlds", "add", "set"]);
export default function linkifyIt(...ctorArgs) {
  const calls = [];
  let real;
  const proxy = new Proxy({}, {
    get(_, key) {
      if (!real && RECORDED.has(key)) return (...args) => (calls.push([key, args]), proxy);
      if (!real) {
        real = load()(...ctorArgs);
        for (const [method, args] of calls) real[method](...args);
      }
      const value = real[key];
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
  return proxy;
}
`,
  };
}

/**
 * libmime's charset.js reads iconv-lite's GBK codec at import, only to compare decoder classes
 * later; read it when first compared instead. If the source ever changes shape, the build fails
 * (scripts/build.mjs) rather than ship the slower start.
 */
const CHARSET_PATCHES = [
  [/const DBCS_DECODER = (iconv(?:_lite_1\.default)?)\.getCodec\('gbk'\)\.decoder;/, "let DBCS_DECODER_LAZY;"],
  [/codec\.decoder === DBCS_DECODER\b/, "codec.decoder === (DBCS_DECODER_LAZY ??= ICONV_REF.getCodec('gbk').decoder)"],
];

/**
 * The patches of third-party code that took effect in this build. A dependency that moves or
 * renames the file a patch looks for would otherwise skip the patch without a word.
 */
export const patchesApplied = new Set();

/** Fails the build unless each named patch found its file and applied. */
export function assertPatched(names) {
  const missing = names.filter((name) => !patchesApplied.has(name));
  if (missing.length) throw new Error(`build: the ${missing.join(", ")} patch found nothing to patch (a dependency changed): see scripts/lazy-deps.mjs`);
}

/** zod bundles error messages in 40+ languages; draftlint reports in English only. */
export function zodLocalesPlugin() {
  return {
    name: "draftlint-zod-locales",
    setup(b) {
      // Both builds of the index: ESM (`from "./de.js"`) and CommonJS (`require("./de.cjs")`).
      b.onLoad({ filter: /zod[/\\]v4[/\\]locales[/\\]index\.c?js$/ }, async (args) => {
        const { readFile } = await import("node:fs/promises");
        const text = await readFile(args.path, "utf8");
        const ext = args.path.endsWith(".cjs") ? "cjs" : "js";
        const locale = ext === "cjs" ? /require\("\.\/[a-zA-Z-]+\.cjs"\)/g : /from "\.\/[a-zA-Z-]+\.js"/g;
        const english = ext === "cjs" ? 'require("./en.cjs")' : 'from "./en.js"';
        const found = text.match(locale) ?? [];
        if (found.length < 10 || !found.includes(english)) {
          return { errors: [{ text: `zod's ${args.path} changed shape (${found.length} locale imports, English ${found.includes(english) ? "among them" : "missing"}): update zodLocalesPlugin in scripts/lazy-deps.mjs` }] };
        }
        patchesApplied.add("zod-locales");
        return { contents: text.replace(locale, english), loader: "js" };
      });
    },
  };
}

export function lazyDepsPlugin() {
  return {
    name: "draftlint-lazy-deps",
    setup(b) {
      const names = Object.keys(LAZY_MODULES).map((n) => n.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&"));
      b.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => ({ path: args.path, namespace: "draftlint-lazy" }));
      b.onResolve({ filter: /^draftlint-lazy:loader$/ }, () => ({ path: "loader", namespace: "draftlint-lazy-loader" }));
      b.onLoad({ filter: /.*/, namespace: "draftlint-lazy-loader" }, () => ({ contents: LOADER, loader: "js", resolveDir: ROOT }));
      b.onLoad({ filter: /.*/, namespace: "draftlint-lazy" }, (args) => ({ ...stubFor(args.path), resolveDir: ROOT }));
      // One copy of libmime: mailsplit requires its CommonJS build, mailparser imports its ESM
      // build; both get the CommonJS one (its exports are the shared instance either way).
      b.onResolve({ filter: /^libmime$/ }, (args) => {
        if (args.pluginData === "libmime-resolved") return undefined;
        return b.resolve("libmime", { kind: "require-call", resolveDir: args.resolveDir, pluginData: "libmime-resolved" });
      });
      // iconv-lite's multi-byte tables (~450 KB of JSON) are required only when such a charset is
      // decoded: copy them to dist/lazy/iconv-tables and require them from there on demand.
      b.onResolve({ filter: /^\.\/tables\/[a-z0-9-]+\.json$/ }, (args) =>
        /iconv-lite[/\\]encodings$/.test(args.resolveDir)
          ? { path: args.path.slice("./tables/".length), namespace: "draftlint-lazy-table" }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: "draftlint-lazy-table" }, (args) => ({
        contents: `const { loadLazy } = require("draftlint-lazy:loader");\nmodule.exports = loadLazy(${JSON.stringify("iconv-tables/" + args.path)});\n`,
        loader: "js",
        resolveDir: ROOT,
      }));
      b.onLoad({ filter: /libmime[/\\]dist[/\\](esm|cjs)[/\\]charset\.js$/ }, async (args) => {
        const { readFile } = await import("node:fs/promises");
        let text = await readFile(args.path, "utf8");
        const decl = CHARSET_PATCHES[0][0].exec(text);
        // A changed dependency fails the build, never ships the slower start silently.
        if (!decl || !CHARSET_PATCHES[1][0].test(text)) {
          return { errors: [{ text: "libmime's charset.js changed shape (the GBK decoder read at import): update CHARSET_PATCHES in scripts/lazy-deps.mjs" }] };
        }
        text = text.replace(CHARSET_PATCHES[0][0], CHARSET_PATCHES[0][1]);
        text = text.replace(CHARSET_PATCHES[1][0], CHARSET_PATCHES[1][1].replace("ICONV_REF", decl[1]));
        patchesApplied.add("libmime-charset");
        return { contents: text, loader: "js" };
      });
    },
  };
}
