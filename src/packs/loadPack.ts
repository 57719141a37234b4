/**
 * The one typed, validated way rule packs are read: the built-in packs from the top-level
 * `rules/` folder and users' packs by path or npm package name. An invalid pack is a config error
 * naming the file and the key.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import type { Pack, PackRule } from "./schema.js";
import { packSchemas } from "./packSchema.js";
import { checkUserPack } from "./checkUserPack.js";
import { ConfigError, formatZodIssue } from "../config/errors.js";

export const BUILTIN_PACKS = ["recipients", "tone", "hygiene", "data", "history"] as const;

/** The `rules/` folder of this installation: found upward from this module (src/ or dist/). */
export function builtinRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "rules", "recipients.yaml"))) return join(dir, "rules");
    dir = dirname(dir);
  }
  throw new Error("draftlint's built-in rules/ folder is missing from this installation");
}

const cache = new Map<string, Pack>();

export function parsePack(text: string, source: string): Pack {
  let raw: unknown;
  try {
    raw = yaml.load(text, { filename: source });
  } catch (err) {
    throw new ConfigError(`${source}: invalid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const parsed = packSchemas().packSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${source}: ${formatZodIssue(parsed.error.issues[0])}`);
  return { ...parsed.data, source };
}

export function loadPackFile(path: string): Pack {
  const cached = cache.get(path);
  if (cached) return cached;
  let text: string;
  try {
    // A FIFO or a device (/dev/zero) would block or never end: only a regular file is a pack.
    if (!statSync(path).isFile()) throw new ConfigError(`${path}: cannot read rule pack (not a regular file)`);
    text = readFileSync(path, "utf8");
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${path}: cannot read rule pack (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const pack = parsePack(text, path);
  if (!isBuiltinPath(path)) checkUserPack(pack, builtinRule);
  cache.set(path, pack);
  return pack;
}

function isBuiltinPath(path: string): boolean {
  return BUILTIN_PACKS.some((name) => resolve(path) === join(builtinRulesDir(), `${name}.yaml`));
}

/** The built-in pack entry with this id, whose logic a user's rule of the same id reuses. */
function builtinRule(id: string): PackRule | undefined {
  for (const name of BUILTIN_PACKS) {
    const rule = loadBuiltinPack(name).rules.find((r) => r.id === id);
    if (rule) return rule;
  }
  return undefined;
}

export function loadBuiltinPack(name: string): Pack {
  const path = join(builtinRulesDir(), `${name}.yaml`);
  const cached = cache.get(path);
  if (cached) return cached;
  const precompiled = precompiledPack(path);
  if (precompiled) cache.set(path, precompiled);
  return precompiled ?? loadPackFile(path);
}

/**
 * `npm run build` stores each built-in pack parsed and validated in dist/packs/<name>.json
 * (scripts/precompile-packs.mjs), so a cold start skips js-yaml and the schema (SPEC §8). It is
 * used only by the built bundle, and only while the YAML is byte for byte the copy the build
 * made from it (dist/packs/<name>.yaml): compared as bytes, neither file is decoded.
 */
function precompiledPack(yamlPath: string): Pack | null {
  if (!import.meta.url.includes("/dist/")) return null;
  try {
    const stored = join(dirname(dirname(yamlPath)), "dist", "packs", basename(yamlPath, ".yaml"));
    if (!readFileSync(`${stored}.yaml`).equals(readFileSync(yamlPath))) return null;
    const pack = JSON.parse(readFileSync(`${stored}.json`, "utf8")) as Omit<Pack, "source">;
    return { ...pack, source: yamlPath } as Pack;
  } catch {
    return null;
  }
}

/**
 * A `packs:` entry: a built-in pack name, a path (relative to the config file that names it), or
 * an npm package whose main file is a pack YAML.
 */
export function resolvePack(entry: string, configDir: string): Pack {
  if ((BUILTIN_PACKS as readonly string[]).includes(entry)) return loadBuiltinPack(entry);
  if (entry.startsWith(".") || isAbsolute(entry) || /\.ya?ml$/.test(entry)) {
    return loadPackFile(isAbsolute(entry) ? entry : resolve(configDir, entry));
  }
  try {
    const require = createRequire(join(configDir, "noop.js"));
    return loadPackFile(require.resolve(entry));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`packs: cannot find rule pack "${entry}" (not a built-in pack, a file, or an installed package)`);
  }
}
