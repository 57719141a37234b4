/**
 * `--print-config FILE` (as ESLint's): the configuration that applies to that file, overrides and
 * command-line flags merged in, every active rule with its effective setting, and where it came
 * from. Nothing is linted.
 */
import { resolveConfigFor, type CliOverrides, type LoadedConfig } from "../config/loadConfig.js";

export function formatPrintConfig(file: string, loaded: LoadedConfig, cli: CliOverrides): string {
  const resolved = resolveConfigFor(file, loaded, cli);
  const rules: Record<string, unknown> = {};
  for (const { data } of loaded.ruleSet) rules[data.id] = resolved.rules[data.id] ?? data.severity;
  const { source, rules: _configured, ...settings } = resolved;
  const printed = {
    file,
    // Which file the settings come from; null when none was found (the defaults).
    configFile: source,
    ...(loaded.userLevel ? { userLevel: true } : {}),
    ...settings,
    ...(loaded.config.files ? { files: loaded.config.files } : {}),
    rules,
  };
  return JSON.stringify(printed, null, 2) + "\n";
}
