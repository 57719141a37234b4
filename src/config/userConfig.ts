/**
 * The user-level config (SPEC §5): `$XDG_CONFIG_HOME/draftlint/config.yaml`, by default
 * `~/.config/draftlint/config.yaml`. It applies wherever draftlint is started, unlike a project
 * config, which is found by searching upward from a directory; and it is the only config file
 * trusted with delivery settings (`sendmail`, `onFailure`, `maxMessageSize`), which a repository
 * someone else wrote must not be able to choose.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import yaml from "js-yaml";
import { userConfigPath, validateConfig, type CliOverrides, type LoadedConfig } from "./loadConfig.js";
import { ConfigError } from "./errors.js";

export { userConfigPath };

/** The file's contents as written, or undefined when there is none. */
function readUserConfig(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw new ConfigError(`${path}: cannot read config (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return yaml.load(text, { filename: path }) ?? {};
  } catch (err) {
    throw new ConfigError(`${path}: cannot load config: ${(err as Error).message.split("\n")[0]}`);
  }
}

/** The user-level config, validated; null when there is none. */
export function loadUserConfig(env: NodeJS.ProcessEnv = process.env, cli: CliOverrides = {}): LoadedConfig | null {
  const path = userConfigPath(env);
  const raw = readUserConfig(path);
  return raw === undefined ? null : validateConfig(raw, path, dirname(path), cli);
}

export interface DeliverySettings {
  sendmail?: string;
  onFailure?: string;
  maxMessageSize?: number | string;
}

/** The delivery settings as written, even when the rest of the file does not validate. */
export function rawDeliverySettings(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  let raw: unknown;
  try {
    raw = readUserConfig(userConfigPath(env));
  } catch {
    return {};
  }
  const config = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    sendmail: typeof config.sendmail === "string" ? config.sendmail : undefined,
    onFailure: typeof config.onFailure === "string" ? config.onFailure : undefined,
    maxMessageSize: typeof config.maxMessageSize === "number" || typeof config.maxMessageSize === "string" ? config.maxMessageSize : undefined,
  };
}
