/**
 * The config for each linted file, found once per directory: `--config` gives one config for
 * every file, otherwise cosmiconfig searches upward from the file's folder (SPEC §5).
 */
import { dirname, resolve } from "node:path";
import { loadConfig, type CliOverrides, type LoadedConfig } from "../config/loadConfig.js";

export interface ConfigLookupSettings {
  cli: CliOverrides;
  /** `--config`: one config for every file instead of a search from each. */
  configFile?: string;
}

export interface ConfigLookup {
  /** The loaded config that applies to the file at `path`. */
  forFile(path: string): Promise<LoadedConfig>;
  /** The loaded config that applies to files in `dir`. */
  forDir(dir: string): Promise<LoadedConfig>;
}

export function createConfigLookup(settings: ConfigLookupSettings): ConfigLookup {
  const byDir = new Map<string, Promise<LoadedConfig>>();
  let fixed: Promise<LoadedConfig> | undefined;
  const forDir = (dir: string) => {
    if (settings.configFile) return (fixed ??= loadConfig({ configFile: settings.configFile, cli: settings.cli }));
    const key = resolve(dir);
    let found = byDir.get(key);
    if (!found) byDir.set(key, (found = loadConfig({ searchFrom: key, cli: settings.cli })));
    return found;
  };
  return { forDir, forFile: (path) => forDir(dirname(resolve(path))) };
}
