/** The counts every format ends with, and the whole report the JSON format prints. */
import type { FileResult, Report, Summary } from "../types.js";

export function summarise(files: FileResult[]): Summary {
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0, fileErrors: 0 };
  for (const file of files) addToSummary(summary, file);
  return summary;
}

export function addToSummary(summary: Summary, file: FileResult): void {
  summary.files++;
  if (file.error) summary.fileErrors++;
  for (const f of file.findings) {
    if (f.severity === "error") summary.errors++;
    else if (f.severity === "warn") summary.warnings++;
    else summary.infos++;
  }
}

export function buildReport(files: FileResult[]): Report {
  return { version: 1, files, summary: summarise(files) };
}
