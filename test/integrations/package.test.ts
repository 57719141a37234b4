/**
 * The library as users get it: `npm pack`, the tarball installed in a fresh project, and
 * `import { lint, lintFile, loadConfig } from "draftlint"` giving the same results as the CLI's
 * JSON. Also `draftlint/nodemailer` and the bins from the installed package, and the typings
 * checked by tsc the way a consumer's project would.
 *
 * Takes a few seconds (pack + install from the npm cache); without the cache or the network the
 * install falls back to unpacking the tarball and borrowing this repository's node_modules, and
 * says so.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CONFIG_NAME, DRAFTS, RECIPIENTS_ONLY, ROOT, ensureBuilt, run, runCli, tempProject } from "./helpers.js";

// Every test here starts real processes (node, git, npm): allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let project = "";
let installedBy = "";

function npm(args: string[], cwd: string, timeout = 120_000) {
  return spawnSync("npm", args, { cwd, encoding: "utf8", timeout, env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });
}

beforeAll(async () => {
  await ensureBuilt();
  const packDir = tempProject({}, "draftlint-pack-");
  const packed = npm(["pack", "--ignore-scripts", "--pack-destination", packDir], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz"))!);

  project = tempProject(
    {
      "package.json": JSON.stringify({ name: "consumer", private: true, type: "module" }),
      [CONFIG_NAME]: RECIPIENTS_ONLY,
      "drafts/lookalike.eml": readFileSync(join(DRAFTS, "lookalike.eml")),
      "drafts/stoke-park.eml": readFileSync(join(DRAFTS, "stoke-park.eml")),
    },
    "draftlint-consumer-",
  );
  const installed = npm(["install", tarball, "--prefer-offline", "--ignore-scripts", "--no-save"], project);
  if (installed.status === 0) {
    installedBy = "npm install of the tarball";
  } else {
    // No registry and no cache: unpack the tarball as npm would, and resolve its dependencies
    // from this repository's node_modules.
    const target = join(project, "node_modules", "draftlint");
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["xzf", tarball, "-C", target, "--strip-components=1"]);
    symlinkSync(join(ROOT, "node_modules"), join(target, "node_modules"));
    mkdirSync(join(project, "node_modules", ".bin"), { recursive: true });
    symlinkSync(join(target, "bin", "draftlint.js"), join(project, "node_modules", ".bin", "draftlint"));
    installedBy = `unpacked tarball (npm install failed: ${installed.stderr.trim().split("\n").pop()})`;
  }
  console.log(`package test: draftlint installed by ${installedBy}`);
}, 180_000);

function consumer(script: string) {
  writeFileSync(join(project, "check.mjs"), script);
  return run(process.execPath, ["check.mjs"], { cwd: project });
}

describe("the packed package", () => {
  it("ships both bins, the library, the nodemailer plugin, the packs and the typings", () => {
    const pkg = JSON.parse(readFileSync(join(project, "node_modules", "draftlint", "package.json"), "utf8"));
    expect(pkg.bin).toEqual({ draftlint: "bin/draftlint.js", "draftlint-sendmail": "bin/draftlint-sendmail.js" });
    for (const file of ["dist/index.js", "dist/cli.js", "dist/sendmail.js", "dist/nodemailer.js", "dist/types/index.d.ts", "dist/types/integrations/nodemailer.d.ts", "rules/tone.yaml"]) {
      expect(() => readFileSync(join(project, "node_modules", "draftlint", file)), file).not.toThrow();
    }
  });

  it("lint, lintFile and loadConfig from \"draftlint\" give the CLI's results", async () => {
    const r = await consumer(`
      import { readFile } from "node:fs/promises";
      import { lint, lintFile, loadConfig } from "draftlint";
      const loaded = await loadConfig({ searchFrom: process.cwd() });
      const fromFile = await lintFile("drafts/lookalike.eml");
      const fromText = await lint(await readFile("drafts/lookalike.eml", "utf8"), { filename: "drafts/lookalike.eml" });
      const stoke = await lintFile("drafts/stoke-park.eml");
      console.log(JSON.stringify({ packs: loaded.config.packs, fromFile, fromText, stoke }));
    `);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.packs).toEqual(["recipients"]);
    const cli = await runCli(["-f", "json", "drafts/lookalike.eml", "drafts/stoke-park.eml"], { cwd: project });
    const files = JSON.parse(cli.stdout).files;
    expect(out.fromFile).toEqual(files[0]);
    expect(out.fromText).toEqual(files[0]);
    expect(out.stoke).toEqual(files[1]);
    expect(out.fromFile.findings.some((f: any) => f.ruleId === "lookalike-domain")).toBe(true);
  });

  it("the installed CLI gives the same JSON", async () => {
    const installed = await run(process.execPath, [join(project, "node_modules", ".bin", "draftlint"), "-f", "json", "drafts/lookalike.eml"], { cwd: project });
    const local = await runCli(["-f", "json", "drafts/lookalike.eml"], { cwd: project });
    expect(installed.code).toBe(1);
    expect(JSON.parse(installed.stdout)).toEqual(JSON.parse(local.stdout));
  });

  it("draftlint/nodemailer resolves from the package and refuses a flagged message", async () => {
    // nodemailer is the application's (a peer dependency): link this repository's copy in.
    try {
      symlinkSync(join(ROOT, "node_modules", "nodemailer"), join(project, "node_modules", "nodemailer"));
    } catch {
      // already there
    }
    const r = await consumer(`
      import nodemailer from "nodemailer";
      import { draftlintPlugin } from "draftlint/nodemailer";
      const t = nodemailer.createTransport({ jsonTransport: true });
      t.use("compile", draftlintPlugin());
      const ok = await t.sendMail({ from: "emma@stokepark.com", to: "karen@stokepark.com", subject: "Rota", text: "Rota attached soon." });
      const refused = await t.sendMail({ from: "emma@stokepark.com", to: "karen@stokeprak.com", subject: "Rota", text: "Rota." }).catch((e) => e);
      console.log(JSON.stringify({ ok: Boolean(ok.message), code: refused.code, message: refused.message }));
    `);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.code).toBe("EDRAFTLINT");
    expect(out.message).toContain("lookalike-domain");
  });

  it("its typings check in a consumer's TypeScript project", () => {
    writeFileSync(
      join(project, "typed.ts"),
      `import { lint, type FileResult, type Finding } from "draftlint";
import { draftlintPlugin, type DraftlintPluginOptions } from "draftlint/nodemailer";
const options: DraftlintPluginOptions = { failOn: "warn", config: { internalDomains: ["acme.com"] } };
const plugin = draftlintPlugin(options);
const result: Promise<FileResult> = lint("Hi", { filename: "x.txt" });
export const ids = result.then((r) => r.findings.map((f: Finding) => f.ruleId));
export { plugin };
`,
    );
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [join(ROOT, "node_modules", "@types")] }, files: ["typed.ts"] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: project, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 60_000);
});

