import { lint } from "../../src/index.js";
import type { FileResult } from "../../src/types.js";

/** Lints with the tone pack alone, so these tests speak only of tone rules. */
export function lintTone(source: string, input: "eml" | "text", config: Record<string, unknown> = {}): Promise<FileResult> {
  return lint(source, { input, config: { packs: ["tone"], ...config }, filename: input === "eml" ? "draft.eml" : "draft.txt" });
}

export function eml(headers: Record<string, string>, body: string): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return [...lines, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body].join("\n");
}
