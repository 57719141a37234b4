/**
 * A word list kept as a data file beside a pack (one entry a line: rules/data/given-names.txt),
 * read once per process however many packs name it: the tone and hygiene packs share the
 * given-names list.
 */
import { readFileSync } from "node:fs";
import { ConfigError } from "../config/errors.js";

const read = new Map<string, readonly string[]>();

/** The file's non-empty lines, trimmed; `where` names the pack key in the error if it cannot be read. */
export function readWordListFile(path: string, where: string): readonly string[] {
  let lines = read.get(path);
  if (!lines) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      throw new ConfigError(`${where}: cannot read ${path}`);
    }
    lines = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    read.set(path, lines);
  }
  return lines;
}
