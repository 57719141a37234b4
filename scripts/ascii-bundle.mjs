// Rewrites the built JavaScript as pure ASCII. V8 keeps each script's source for its lifetime, and
// one non-ASCII character makes it store the whole file two bytes a character: dist/cli.cjs (2.4 MB)
// held 4.9 MB on the main thread, and the NLP chunks 2.2 MB on each worker. esbuild escapes
// non-ASCII in strings only; what it leaves is in comments, regular-expression literals and one
// String.raw used as a RegExp source (WORD in src/tone/tokens.ts), where `\uXXXX` means the same character.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Escapes every non-ASCII UTF-16 unit of each .js/.cjs file under `dir` (surrogates pair up again). */
export function escapeNonAscii(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.c?js$/.test(entry.name)) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const text = readFileSync(path, "utf8");
    if (!/[^\x00-\x7f]/.test(text)) continue;
    writeFileSync(path, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  }
}
