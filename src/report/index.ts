/** Formatters are pure functions from a report to text; the JSON one is the contract. */
import type { ChalkInstance } from "chalk";
import type { Report } from "../types.js";
import { formatJson } from "./json.js";
import { formatCompact } from "./compact.js";
import { formatStylish } from "./stylish.js";
import { formatSarif } from "./sarif.js";
import { formatGithub } from "./github.js";

export type Formatter = (report: Report, options: { chalk: ChalkInstance }) => string;

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  compact: formatCompact,
  sarif: formatSarif,
  github: formatGithub,
};
