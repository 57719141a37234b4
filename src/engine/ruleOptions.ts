/** A rule's options as a user gives them (`[warn, { max: 20 }]`), merged over its defaults and checked. */
import { ConfigError, formatZodIssue } from "../config/errors.js";
import type { Rule } from "./rule.js";

export function parseRuleOptions(rule: Rule<any>, given: Record<string, unknown>, where: string, path = `rules.${rule.id}`): Record<string, unknown> {
  const options = { ...(rule.defaultOptions ?? {}), ...given };
  const schema = rule.optionsSchema?.();
  if (!schema) {
    const unknown = Object.keys(given)[0];
    if (unknown === undefined) return options;
    throw new ConfigError(`${where}: ${path}.options.${unknown}: this rule takes no options`);
  }
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0];
  throw new ConfigError(`${where}: ${path}.${formatZodIssue({ ...issue, path: ["options", ...issue.path] })}`);
}
