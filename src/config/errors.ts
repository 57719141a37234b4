/** Errors that end a run with exit code 2 and one plain line on stderr. */

/** What a validation issue tells (zod's issues have this shape; no zod types in the typings). */
export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

export class ConfigError extends Error {
  code = "config-error";
}

export class UsageError extends Error {
  code = "usage-error";
}

/** `rules.external-recipient: Invalid option…` — the key path first, as a user reads it. */
export function formatZodIssue(issue: ValidationIssue): string {
  const path = issue.path.map(String).join(".");
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys ?? [];
    return `${path ? path + ": " : ""}unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}`;
  }
  if (issue.code === "invalid_union") message = "invalid value (see .linterrc.example for the accepted forms)";
  return `${path || "(top level)"}: ${message}`;
}
