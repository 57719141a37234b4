/**
 * SPEC §9 "never phone home", proven: the CLI and the library run with every network entry point
 * of Node replaced by a throwing stub that records the attempt (no-network.cjs), on drafts full of
 * addresses, links and hostnames; everything still works and nothing tried to connect. Where
 * `unshare -rn` is available the CLI also runs in a fresh network namespace with no interfaces.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertLinted, BIN, hasStackTrace, ROOT, runCli, tempDir, testConfig } from "./helpers.js";

const PRELOAD = join(ROOT, "test", "robustness", "no-network.cjs");
let tmp: ReturnType<typeof tempDir>;
let log: string;
let drafts: string[];
let cfgArgs: string[];

beforeAll(() => {
  tmp = tempDir("draftlint-nonet-");
  log = join(tmp.dir, "net.log");
  cfgArgs = testConfig(tmp.dir).args;
  const linky = join(tmp.dir, "links.eml");
  writeFileSync(
    linky,
    [
      "From: Ann Example <ann@acme.com>",
      "To: Pauline Bailey <pauline@gmail.com>, Bob <bob@acme-corp.com>",
      "Cc: Karen <karen@xn--80ak6aa92e.com>",
      "Subject: Links",
      "",
      "Hi Pauline, see https://wiki.acme.com/page and http://10.0.0.5/admin and intranet.corp.",
      "Honestly the couple are a pair of clowns. Mail me at ann@acme.com.",
      "",
    ].join("\r\n"),
  );
  const html = join(tmp.dir, "page.html");
  writeFileSync(html, '<html><body><p>Dear client, <a href="https://example.com/x">click</a> <img src="http://tracker.example/p.gif"></p></body></html>');
  drafts = [linky, html, join(ROOT, "test", "robustness", "real-world", "mailparser", "nodemailer.eml")].filter((f) => existsSync(f));
});
afterAll(() => tmp?.cleanup());

describe("no network", () => {
  it("the stubs really block (sanity check of the preload)", () => {
    const r = spawnSync(process.execPath, ["--require", PRELOAD, "-e", "require('node:net').connect(80, '127.0.0.1')"], {
      encoding: "utf8",
      env: { ...process.env, DRAFTLINT_NET_LOG: log + ".sanity" },
    });
    expect(r.status).not.toBe(0);
    expect(readFileSync(log + ".sanity", "utf8")).toContain("net.connect");
  });

  it("the CLI lints drafts with links and addresses and never tries to connect", () => {
    const run = runCli([...drafts, "-f", "json", ...cfgArgs], { nodeArgs: ["--require", PRELOAD], env: { DRAFTLINT_NET_LOG: log } });
    expect(run.status!).toBeLessThanOrEqual(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    for (const file of run.report.files) {
      assertLinted(file);
      expect(file.error).toBeNull();
    }
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  }, 60_000);

  it("the library lints and never tries to connect", () => {
    const script = `
      const { lint, lintFile } = await import(${JSON.stringify(join(ROOT, "dist", "index.js"))});
      const files = ${JSON.stringify(drafts)};
      const config = ${JSON.stringify(testConfig(tmp.dir).config ?? {})};
      const out = [];
      for (const f of files) out.push(await lintFile(f, { config }));
      out.push(await lint("Dear customer, visit https://example.org now", { config, filename: "x.txt" }));
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ["--require", PRELOAD, "--input-type=module", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, DRAFTLINT_NET_LOG: log },
    });
    expect(r.stderr).toBe("");
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(drafts.length + 1);
    for (const result of results) {
      assertLinted(result);
      expect(result.error).toBeNull();
    }
    expect(existsSync(log) ? readFileSync(log, "utf8") : "").toBe("");
  }, 60_000);

  const canUnshare = spawnSync("unshare", ["-rn", "true"]).status === 0;
  it.skipIf(!canUnshare)("the CLI works in a network namespace with no interfaces (unshare -rn)", () => {
    const r = spawnSync("unshare", ["-rn", process.execPath, BIN, ...drafts, "-f", "json", ...cfgArgs], { encoding: "utf8", cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status!).toBeLessThanOrEqual(1);
    const report = JSON.parse(r.stdout);
    for (const file of report.files) {
      assertLinted(file);
      expect(file.error).toBeNull();
    }
  }, 60_000);
});
