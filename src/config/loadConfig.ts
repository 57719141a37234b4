/**
 * Finding and validating configuration (SPEC §5): cosmiconfig searches upward from each linted
 * file (stopping at the project's package.json), `--config` replaces the search, and command-line
 * flags win over both. Validation names the file and the key path.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { cosmiconfig, type CosmiconfigResult } from "cosmiconfig";
import picomatch from "picomatch";
import type { ResolvedConfig, RuleSetting, UserConfig } from "./schema.js";
import { configSchemas } from "./configSchema.js";
import { ConfigError, formatZodIssue } from "./errors.js";
import { buildRuleSet, knownRuleIds, type ActiveRule } from "../engine/ruleSet.js";
import { parseRuleOptions } from "../engine/ruleOptions.js";
import { BUILTIN_PACKS } from "../packs/loadPack.js";
import { optionsOf } from "../engine/severity.js";
import { defaultHistoryPath, historyPathFrom } from "../history/historyPath.js";

export const CONFIG_FILES = [
  "package.json",
  ".linterrc",
  ".linterrc.json",
  ".linterrc.yaml",
  ".linterrc.yml",
  ".linterrc.js",
  ".linterrc.cjs",
  ".linterrc.mjs",
  "draftlint.config.js",
  "draftlint.config.mjs",
];

/** What the command line adds on top of any config file. */
export interface CliOverrides {
  internalDomains?: string[];
  rules?: Record<string, RuleSetting>;
  /** false with `--no-inline-config`. */
  inlineConfig?: boolean;
  reportUnusedDisableDirectives?: boolean;
  /** `--history PATH`: the recipient history, whatever config says. */
  history?: string;
}

/** A config file, validated, with its rule set built once. */
export interface LoadedConfig {
  config: UserConfig;
  /** The config file, or null when none was found. */
  source: string | null;
  dir: string;
  ruleSet: ActiveRule[];
  /**
   * The user-level config (`$XDG_CONFIG_HOME/draftlint/config.yaml`): its `files` and `overrides`
   * globs are matched from the working directory, as it sits beside no project.
   */
  userLevel?: boolean;
}

/**
 * The user-level config (SPEC §5), used when no project config is found: wherever the CLI, a hook
 * or the sendmail wrapper is started, the same personal settings apply.
 */
export function userConfigPath(env: Record<string, string | undefined> = process.env): string {
  // The XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and is ignored.
  const base = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), ".config");
  return join(base, "draftlint", "config.yaml");
}

const explorer = cosmiconfig("draftlint", { searchPlaces: CONFIG_FILES, searchStrategy: "project" });

/**
 * Validates a config object. `source` is its file (null for a config given as an object); `origin`
 * names it in errors when there is no file, e.g. "lint() options.config".
 */
export function validateConfig(raw: unknown, source: string | null, dir: string, cli: CliOverrides = {}, origin = "config"): LoadedConfig {
  const where = source ?? origin;
  // No config at all is valid as it is; the schema is built only for something to check.
  const empty = raw === null || raw === undefined || (typeof raw === "object" && Object.keys(raw).length === 0);
  const parsed = empty ? { success: true as const, data: {} as UserConfig } : configSchemas().configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${where}: ${formatZodIssue(parsed.error.issues[0])}`);
  const config = parsed.data;
  const ruleSet = buildRuleSet(config.packs ?? [...BUILTIN_PACKS], dir);
  const known = knownRuleIds(ruleSet);
  const check = (rules: Record<string, RuleSetting> | undefined, path: string, origin: string) => {
    for (const id of Object.keys(rules ?? {})) {
      if (!known.has(id)) throw new ConfigError(`${origin}: ${path}.${id}: unknown rule id (see \`draftlint rules\`)`);
    }
  };
  check(config.rules, "rules", where);
  config.overrides?.forEach((o, i) => check(o.rules, `overrides.${i}.rules`, where));
  check(cli.rules, "--rule", "command line");
  // Options are checked here too, so a bad one is a config error before any file is read.
  const byId = new Map(ruleSet.map((r) => [r.data.id, r.rule]));
  const checkOptions = (rules: Record<string, RuleSetting> | undefined, path: string) => {
    for (const [id, setting] of Object.entries(rules ?? {})) {
      const given = optionsOf(setting);
      if (given) parseRuleOptions(byId.get(id)!, given, where, `${path}.${id}`);
    }
  };
  checkOptions(config.rules, "rules");
  config.overrides?.forEach((o, i) => checkOptions(o.rules, `overrides.${i}.rules`));
  return { config, source, dir, ruleSet };
}

async function loadResult(result: CosmiconfigResult | null, fallbackDir: string, cli: CliOverrides): Promise<LoadedConfig> {
  if (!result) return validateConfig({}, null, fallbackDir, cli);
  return validateConfig(result.config, result.filepath, dirname(result.filepath), cli);
}

async function loadFile(path: string, shownAs: string): Promise<CosmiconfigResult | null> {
  try {
    return await explorer.load(path);
  } catch (err) {
    throw new ConfigError(`${shownAs}: ${describeLoadError(err)}`);
  }
}

/**
 * The user-level config when there is one, else the defaults: what applies when no project
 * config is found, and the only config a caller that must not trust a project's (the sendmail
 * wrapper choosing the real sendmail) should read.
 */
export async function loadUserConfig(cli: CliOverrides = {}, fallbackDir = process.cwd()): Promise<LoadedConfig> {
  const path = userConfigPath();
  if (!existsSync(path)) return loadResult(null, fallbackDir, cli);
  return { ...(await loadResult(await loadFile(path, path), dirname(path), cli)), userLevel: true };
}

/** Loads `--config FILE`, or searches upward from `searchFrom` (a directory). */
export async function loadConfig(options: { configFile?: string; searchFrom?: string; cli?: CliOverrides } = {}): Promise<LoadedConfig> {
  const cli = options.cli ?? {};
  if (options.configFile) {
    const path = resolve(options.configFile);
    return loadResult(await loadFile(path, options.configFile), dirname(path), cli);
  }
  const from = resolve(options.searchFrom ?? process.cwd());
  let result: CosmiconfigResult | null;
  try {
    result = await explorer.search(from);
  } catch (err) {
    const file = (err as { filepath?: string }).filepath ?? (err as { mark?: { name?: string } }).mark?.name ?? from;
    throw new ConfigError(`${file}: ${describeLoadError(err)}`);
  }
  return result ? loadResult(result, from, cli) : loadUserConfig(cli, from);
}

function describeLoadError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT") return "config file not found";
  // cosmiconfig prefixes "YAML Error in <path>:" and puts the reason on the next lines; the path
  // is already at the start of our line, so keep the reason (with its line:column) on one line.
  const reason = String(e.message ?? err)
    .replace(/^\s*(?:YAML|JSON) Error in [^\n]*:\s*/i, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^\d+\s*\|/.test(l) && !/^[\s^-]+$/.test(l))[0];
  return `cannot load config: ${reason ?? "invalid file"}`;
}

/** A file's path as the config's globs see it: relative to the config's folder, `/` separated. */
function globPath(file: string, loaded: LoadedConfig): string {
  return relative(loaded.userLevel ? process.cwd() : loaded.dir, resolve(file)).split("\\").join("/");
}

/** Text and template extensions: an `overrides` entry for them asks a directory walk to lint them. */
const TEXT_DRAFT = /\.(txt|md|markdown|html?|hbs|handlebars|mustache|mjml|liquid|njk|jinja2?|twig)$/i;

/**
 * Whether a config asks for this (non-email) file to be linted when a directory is walked
 * (SPEC §1): its `files` name it, or an `overrides` entry names it and it is a text or template
 * file. A repository's README is not a draft unless the config says so.
 */
export function configNamesFile(file: string, loaded: LoadedConfig): boolean {
  const { files, overrides } = loaded.config;
  if (!files?.length && !overrides?.length) return false;
  let match = namedBy.get(loaded);
  if (!match) {
    // Compiled once per config: a walk asks about every file of the tree.
    const byFiles = files?.length ? picomatch(files, { dot: true }) : () => false;
    const overrideGlobs = (overrides ?? []).flatMap((o) => o.files);
    const byOverrides = overrideGlobs.length ? picomatch(overrideGlobs, { dot: true }) : () => false;
    match = (path: string, rel: string) => byFiles(rel) || (TEXT_DRAFT.test(path) && byOverrides(rel));
    namedBy.set(loaded, match);
  }
  return match(file, globPath(file, loaded));
}

const namedBy = new WeakMap<LoadedConfig, (path: string, rel: string) => boolean>();

/** The settings for one file: `overrides` whose `files` match it merged in order, then the CLI. */
export function resolveConfigFor(file: string, loaded: LoadedConfig, cli: CliOverrides = {}): ResolvedConfig {
  const base = loaded.config;
  const merged: ResolvedConfig = {
    internalDomains: [...(base.internalDomains ?? [])],
    addedInternalDomains: [...(cli.internalDomains ?? [])],
    trustedDomains: [...(base.trustedDomains ?? [])],
    internalHosts: [...(base.internalHosts ?? [])],
    people: [...(base.people ?? [])],
    customerTerms: [...(base.customerTerms ?? [])],
    packs: base.packs ?? [...BUILTIN_PACKS],
    rules: { ...(base.rules ?? {}) },
    templates: base.templates ?? false,
    ignorePatterns: base.ignorePatterns ?? [],
    sendmail: base.sendmail,
    onFailure: base.onFailure ?? "refuse",
    history: cli.history ? resolve(cli.history) : base.history === false ? null : base.history ? historyPathFrom(base.history, loaded.dir) : defaultHistoryPath(),
    source: loaded.source,
  };
  const rel = globPath(file, loaded);
  for (const override of base.overrides ?? []) {
    if (!picomatch(override.files, { dot: true })(rel)) continue;
    if (override.internalDomains) merged.internalDomains = override.internalDomains;
    if (override.trustedDomains) merged.trustedDomains = override.trustedDomains;
    if (override.internalHosts) merged.internalHosts = override.internalHosts;
    if (override.people) merged.people = override.people;
    if (override.customerTerms) merged.customerTerms = override.customerTerms;
    if (override.templates !== undefined) merged.templates = override.templates;
    Object.assign(merged.rules, override.rules ?? {});
  }
  Object.assign(merged.rules, cli.rules ?? {});
  if (cli.inlineConfig === false) merged.inlineConfig = false;
  if (cli.reportUnusedDisableDirectives) merged.reportUnusedDisableDirectives = true;
  return merged;
}
