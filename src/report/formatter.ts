/**
 * A formatter is pure: text from results. Most formats are a sequence of per-file pieces, so
 * they are written as `file` and `end` functions and a run can print each file as it is linted
 * (an mbox of 35,000 messages never holds every result at once). `formatReport` joins the pieces
 * into the whole report; a format that needs every result first (SARIF) gives `whole` instead.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { FileResult, Report, Summary } from "../types.js";

/** For callers that want plain text. */
export const noColour: ChalkInstance = new Chalk({ level: 0 });

export interface FormatOptions {
  chalk: ChalkInstance;
  /** The terminal's width, for human formats to wrap to; undefined when not printing to one. */
  width?: number;
}

export interface StreamingFormatter {
  kind: "streaming";
  start?(options: FormatOptions): string;
  /** The text for one file; `index` counts every file before it, printed or not. */
  file(result: FileResult, index: number, options: FormatOptions): string;
  end(summary: Summary, files: number, options: FormatOptions): string;
}

export interface WholeFormatter {
  kind: "whole";
  whole(report: Report, options: FormatOptions): string;
}

export type Formatter = StreamingFormatter | WholeFormatter;

export function formatReport(formatter: Formatter, report: Report, options: FormatOptions): string {
  if (formatter.kind === "whole") return formatter.whole(report, options);
  return (
    (formatter.start?.(options) ?? "") +
    report.files.map((file, index) => formatter.file(file, index, options)).join("") +
    formatter.end(report.summary, report.files.length, options)
  );
}
