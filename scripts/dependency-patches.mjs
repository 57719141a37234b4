// The build's patches of third-party source (esbuild plugins), each for a cold start (SPEC §8).
// A patch finds its text in a dependency's file; when a new version of the dependency changes
// that text, or moves the file, the build fails and names the patch to update: a warning would
// scroll by and ship a slower start, or a CLI that cannot load .mjs configs (STYLE.md: clever
// start-up tricks fail the build). test/build/dependencyPatches.test.ts holds each to that.
import { readFile } from "node:fs/promises";

/**
 * The patches that took effect in this build. A dependency that moves or renames the file a
 * patch looks for would otherwise skip the patch without a word.
 */
export const patchesApplied = new Set();

/** Fails the build unless each named patch found its file and applied. */
export function assertPatched(names) {
  const missing = names.filter((name) => !patchesApplied.has(name));
  if (missing.length) throw new Error(`build: the ${missing.join(", ")} patch found nothing to patch (a dependency changed): see scripts/dependency-patches.mjs`);
}

/** How many times `pattern` (a regex, taken as global) occurs in `text`. */
const occurrences = (text, pattern) => text.match(new RegExp(pattern.source, "g"))?.length ?? 0;

/**
 * libmime's charset.js asks iconv-lite for codecs at import, which loads every encoding iconv-lite
 * has (its tables of single-byte charsets, ~1.5 ms of a cold start): the GBK codec, only to compare
 * decoder classes later; the utf7/utf7imap/base64/hex codecs it refuses; the UTF-16 and UTF-32
 * codecs whose byte order it guesses from more bytes. Each is read when first used instead, the
 * same codecs from the same calls. Each text must occur exactly once: a use left unpatched would
 * name a variable that no longer exists.
 */
const CHARSET_PATCHES = [
  {
    name: "the GBK decoder",
    declaration: /const DBCS_DECODER = (iconv(?:_lite_1\.default)?)\.getCodec\('gbk'\)\.decoder;/,
    use: /codec\.decoder === DBCS_DECODER\b/,
    lazy: (iconv) => ["let DBCS_DECODER_LAZY;", `codec.decoder === (DBCS_DECODER_LAZY ??= ${iconv}.getCodec('gbk').decoder)`],
  },
  {
    name: "the codecs it refuses",
    declaration: /const UNSUPPORTED_CODECS = new Set\(\['utf7', 'utf7imap', 'base64', 'hex'\]\.map\(name => (iconv(?:_lite_1\.default)?)\.getCodec\(name\)\)\);/,
    use: /\bUNSUPPORTED_CODECS\.has\(/,
    lazy: (iconv) => ["let UNSUPPORTED_CODECS_LAZY;", `(UNSUPPORTED_CODECS_LAZY ??= new Set(['utf7', 'utf7imap', 'base64', 'hex'].map(name => ${iconv}.getCodec(name)))).has(`],
  },
  {
    name: "the byte-order guesses",
    declaration: /const BYTE_ORDER_GUESSING = new Map\(\[\s*\[(iconv(?:_lite_1\.default)?)\.getCodec\('utf-16'\), 200\],\s*\[\1\.getCodec\('utf-32'\), 400\]\s*\]\);/,
    use: /\bBYTE_ORDER_GUESSING\.get\(/,
    lazy: (iconv) => ["let BYTE_ORDER_GUESSING_LAZY;", `(BYTE_ORDER_GUESSING_LAZY ??= new Map([[${iconv}.getCodec('utf-16'), 200], [${iconv}.getCodec('utf-32'), 400]])).get(`],
  },
];

export function libmimeCharsetPlugin() {
  return {
    name: "draftlint-libmime-charset",
    setup(b) {
      b.onLoad({ filter: /libmime[/\\]dist[/\\](esm|cjs)[/\\]charset\.js$/ }, async (args) => {
        let text = await readFile(args.path, "utf8");
        for (const { name, declaration, use, lazy } of CHARSET_PATCHES) {
          const decl = declaration.exec(text);
          if (!decl || occurrences(text, declaration) !== 1 || occurrences(text, use) !== 1) {
            return { errors: [{ text: `libmime's charset.js changed shape (${name}, read at import): update libmimeCharsetPlugin in scripts/dependency-patches.mjs` }] };
          }
          const [declared, used] = lazy(decl[1]);
          text = text.replace(declaration, declared).replace(use, used);
        }
        patchesApplied.add("libmime-charset");
        return { contents: text, loader: "js" };
      });
    },
  };
}

/**
 * mailparser reads the tlds package's list (1,500 names, JSON) through a CommonJS file that an ES
 * module imports; the bundle's interop then copies the array's every index onto a namespace object
 * as a getter, ~1 ms of a cold start, for a list only its (lazy) linkify instance reads. As an ES
 * re-export of the JSON the import is the same array, and nothing is copied.
 */
const TLDS_CJS = "module.exports = require('tlds');";

export function mailparserTldsPlugin() {
  return {
    name: "draftlint-mailparser-tlds",
    setup(b) {
      b.onLoad({ filter: /mailparser[/\\]dist[/\\]esm[/\\]tlds\.cjs$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        const code = text.split("\n").filter((line) => line.trim() && !line.trim().startsWith("//") && line.trim() !== "'use strict';");
        if (code.length !== 1 || code[0].trim() !== TLDS_CJS) {
          return { errors: [{ text: `mailparser's tlds.cjs changed shape (expected only \`${TLDS_CJS}\`): update mailparserTldsPlugin in scripts/dependency-patches.mjs` }] };
        }
        patchesApplied.add("mailparser-tlds");
        return { contents: 'export { default } from "tlds";\n', loader: "js", resolveDir: args.path.replace(/[/\\][^/\\]*$/, "") };
      });
    },
  };
}

/** zod bundles error messages in 40+ languages; draftlint reports in English only. */
export function zodLocalesPlugin() {
  return {
    name: "draftlint-zod-locales",
    setup(b) {
      // Both builds of the index: ESM (`from "./de.js"`) and CommonJS (`require("./de.cjs")`).
      b.onLoad({ filter: /zod[/\\]v4[/\\]locales[/\\]index\.c?js$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        const ext = args.path.endsWith(".cjs") ? "cjs" : "js";
        const locale = ext === "cjs" ? /require\("\.\/[a-zA-Z-]+\.cjs"\)/g : /from "\.\/[a-zA-Z-]+\.js"/g;
        const english = ext === "cjs" ? 'require("./en.cjs")' : 'from "./en.js"';
        const found = text.match(locale) ?? [];
        if (found.length < 10 || !found.includes(english)) {
          return { errors: [{ text: `zod's ${args.path} changed shape (${found.length} locale imports, English ${found.includes(english) ? "among them" : "missing"}): update zodLocalesPlugin in scripts/dependency-patches.mjs` }] };
        }
        patchesApplied.add("zod-locales");
        return { contents: text.replace(locale, english), loader: "js" };
      });
    },
  };
}

/**
 * Code compiled from a V8 cache loses its dynamic-import hook in Node 20, and the hook vm offers
 * instead prints an experimental warning; cosmiconfig's `import()` of a .mjs/.js config therefore
 * goes through a function bin/draftlint.js provides from its own scope.
 */
export function cosmiconfigImportPlugin() {
  return {
    name: "draftlint-cosmiconfig-import",
    setup(b) {
      b.onLoad({ filter: /cosmiconfig[\\/]dist[\\/]loaders\.js$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        if (text.split("await import(href)").length !== 2) {
          return { errors: [{ text: "cosmiconfig's loaders.js changed shape (expected one `await import(href)`): update cosmiconfigImportPlugin in scripts/dependency-patches.mjs" }] };
        }
        patchesApplied.add("cosmiconfig-import");
        return { contents: text.replace("await import(href)", "await globalThis.__draftlintImport(href)"), loader: "js" };
      });
    },
  };
}
