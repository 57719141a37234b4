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
 * libmime's charset.js reads iconv-lite's GBK codec at import, only to compare decoder classes
 * later; read it when first compared instead. Each text must occur exactly once: a second
 * comparison left unpatched would name a variable that no longer exists.
 */
const CHARSET_DECLARATION = /const DBCS_DECODER = (iconv(?:_lite_1\.default)?)\.getCodec\('gbk'\)\.decoder;/;
const CHARSET_COMPARISON = /codec\.decoder === DBCS_DECODER\b/;

export function libmimeCharsetPlugin() {
  return {
    name: "draftlint-libmime-charset",
    setup(b) {
      b.onLoad({ filter: /libmime[/\\]dist[/\\](esm|cjs)[/\\]charset\.js$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        const decl = CHARSET_DECLARATION.exec(text);
        if (!decl || occurrences(text, CHARSET_DECLARATION) !== 1 || occurrences(text, CHARSET_COMPARISON) !== 1) {
          return { errors: [{ text: "libmime's charset.js changed shape (the GBK decoder read at import): update libmimeCharsetPlugin in scripts/dependency-patches.mjs" }] };
        }
        patchesApplied.add("libmime-charset");
        return {
          contents: text
            .replace(CHARSET_DECLARATION, "let DBCS_DECODER_LAZY;")
            .replace(CHARSET_COMPARISON, `codec.decoder === (DBCS_DECODER_LAZY ??= ${decl[1]}.getCodec('gbk').decoder)`),
          loader: "js",
        };
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
