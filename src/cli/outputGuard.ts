/**
 * `-o FILE` must never be one of the inputs: the report would truncate the draft before it is
 * read (`draftlint -o draft.eml draft.eml`), or overwrite a draft found by a directory walk
 * without a word (`-o drafts/notes.md drafts`). Checked before anything is opened for writing,
 * by device and inode, so a symlink or a hard link to an input is caught as well.
 */
import { statSync } from "node:fs";
import { UsageError } from "../config/errors.js";
import type { InputItem } from "../input/collectInputs.js";

function identity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

export function refuseOutputOverInput(outputFile: string | undefined, items: InputItem[]): void {
  if (!outputFile) return;
  const output = identity(outputFile);
  // A report file that does not exist yet cannot be one of the inputs collected before it.
  if (!output) return;
  for (const item of items) {
    if (item.kind === "file" && identity(item.path) === output) {
      throw new UsageError(`-o ${outputFile}: is one of the inputs (${item.path}); not overwriting it`);
    }
  }
}
