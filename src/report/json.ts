/** The stable, versioned format other tools read (SPEC §6). */
import type { Report } from "../types.js";

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}
