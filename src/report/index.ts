/** The output formats by name (SPEC §6); the JSON one is the contract, the others views of it. */
import type { Formatter } from "./formatter.js";
import { jsonFormatter } from "./json.js";
import { compactFormatter } from "./compact.js";
import { stylishFormatter } from "./stylish.js";
import { sarifFormatter } from "./sarif.js";
import { githubFormatter } from "./github.js";

export type { Formatter } from "./formatter.js";
export { formatReport } from "./formatter.js";

export const formatters: Record<string, Formatter> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  compact: compactFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
};
