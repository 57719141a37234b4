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
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertPatched, zodLocalesPlugin } from "./dependency-patches.mjs";

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
  // Schemas are built only to validate a config file or a user's pack, or rule options. Only `z`
  // is imported (checked at build: importersUse): each importer's interop copies every export
  // the stub has, and zod has 260.
  zod: { kind: "object", exports: ["z"] },
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
        // As in scripts/build.mjs: regex literals with \p{…} stay literals.
        supported: { "regexp-unicode-property-escapes": true },
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

/**
 * For a stub that keeps only some exports (`exports`), an error for each importer that imports
 * anything else, or imports it any other way than `import { … } from`: a name the stub lacks
 * would be undefined at run time, where no type check sees it.
 */
function importersUse(importers) {
  const errors = [];
  for (const [name, files] of importers) {
    const allowed = LAZY_MODULES[name].exports;
    if (!allowed) continue;
    for (const file of files) {
      // Type-only imports are erased before run time.
      const text = readFileSync(file, "utf8").replace(/^import\s+type\s[^;]*;$/gm, "");
      const from = new RegExp(`\\bfrom\\s*["']${name}["']|require\\(\\s*["']${name}["']`, "g");
      const named = new RegExp(`^import\\s*\\{([^}]*)\\}\\s*from\\s*["']${name}["'];?$`, "gm");
      const uses = [...text.matchAll(named)];
      const names = uses.flatMap((m) => m[1].split(",").map((n) => n.trim()).filter((n) => n && !n.startsWith("type ")).map((n) => n.split(/\s+as\s+/)[0]));
      const other = names.filter((n) => !allowed.includes(n));
      if (uses.length !== (text.match(from) ?? []).length || other.length) {
        errors.push({ text: `${file} imports ${other.length ? other.join(", ") : "something"} from ${name} in a way its lazy stub does not provide (scripts/lazy-deps.mjs: LAZY_MODULES.${name}.exports)` });
      }
    }
  }
  return errors;
}

function stubFor(name) {
  const spec = LAZY_MODULES[name];
  const file = JSON.stringify(fileName(name));
  if (spec.kind === "object") {
    // CommonJS, with one getter per export of the real module (read here, at build time), so both
    // `import x from` and `require()` (cosmiconfig requires js-yaml) see the same names, and
    // interop code that copies the exports copies getters without loading anything.
    const keys = spec.exports ?? Object.keys(requireFromRoot(name));
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

export function lazyDepsPlugin() {
  return {
    name: "draftlint-lazy-deps",
    setup(b) {
      const names = Object.keys(LAZY_MODULES).map((n) => n.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&"));
      const importers = new Map();
      b.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => {
        if (!importers.has(args.path)) importers.set(args.path, new Set());
        importers.get(args.path).add(args.importer);
        return { path: args.path, namespace: "draftlint-lazy" };
      });
      b.onEnd(() => ({ errors: importersUse(importers) }));
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
    },
  };
}

/**
 * Node built-ins outside Node's start-up snapshot that a plain lint never calls, yet modules
 * require at their top: child_process (commander's subcommands, git hooks, init), crypto
 * (cosmiconfig's TypeScript loader, mailparser's attachment checksums, --cache, history) and
 * worker_threads and v8 (folders of many drafts). Loading them was several ms of every cold start.
 * For the CLI bundle only, each becomes an object whose properties (the built-in's exports at
 * build time) load the real module on first read. Reading one is the same call on the same
 * module; only the moment Node loads it moves.
 */
const LAZY_BUILTINS = ["child_process", "crypto", "v8", "worker_threads"];

export function lazyBuiltinsPlugin() {
  return {
    name: "draftlint-lazy-builtins",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.join("|")})$`) }, (args) => {
        const name = args.path.replace(/^node:/, "");
        // The stub's own require is the real built-in.
        if (args.namespace === "draftlint-lazy-builtin") return { path: `node:${name}`, external: true };
        return { path: name, namespace: "draftlint-lazy-builtin" };
      });
      b.onLoad({ filter: /.*/, namespace: "draftlint-lazy-builtin" }, (args) => {
        const keys = Object.keys(requireFromRoot(`node:${args.path}`));
        const getters = keys.map((k) => `Object.defineProperty(exports, ${JSON.stringify(k)}, { enumerable: true, get: () => load()[${JSON.stringify(k)}] });`);
        return {
          loader: "js",
          resolveDir: ROOT,
          contents: `let real;\nconst load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));\n${getters.join("\n")}\n`,
        };
      });
    },
  };
}
