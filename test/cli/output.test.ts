/**
 * What a user sees in the human formats and on stderr: one position per finding in every format,
 * compact lines an editor's problem matcher can parse, words kept whole on a real terminal,
 * one excerpt per sentence, and nothing a hostile draft can make the terminal or a CI log run.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "../integrations/helpers.js";
import { EMPTY_XDG, jsonOf, lines, lintIn, tempProject } from "./helpers.js";

// The Stoke Park draft: an outsider on Cc (line 3) and three findings on one sentence (line 9).
const STOKE_PARK = `From: Emma Hart <emma.hart@stokepark.com>
To: Richard Cole <richard.cole@stokepark.com>
Cc: Pauline Bailey <pauline.bailey@gmail.com>
Subject: Wedding enquiry for 14 June
Content-Type: text/plain; charset=utf-8

Hi Richard,

I know this probably doesn't sound very nice, but I am trying to put this wedding off as I don't think they are the type of people that we would want to have at Stoke Park.

Emma
`;

/** ESLint's compact line, as editors' problem matchers read it. */
const COMPACT_LINE = /^(.+):(\d+):(\d+): (error|warn|info) (.+) \[([a-z-]+)\]$/;

describe("one position per finding, in every format", () => {
  it("stylish, compact, github and sarif show the file's line and column; header findings their header's line", async () => {
    const dir = tempProject({ "wedding.eml": STOKE_PARK });
    const report = jsonOf(await lintIn(dir, ["-f", "json", "wedding.eml"]));
    const gatekeeping = report.files[0].findings.find((f: any) => f.ruleId === "gatekeeping");
    expect(gatekeeping.location).toMatchObject({ section: "body", line: 3, column: 1, fileLine: 9 });
    const external = report.files[0].findings.find((f: any) => f.ruleId === "external-recipient");
    expect(external.location).toMatchObject({ section: "header", header: "cc", fileLine: 3 });

    const compact = lines((await lintIn(dir, ["-f", "compact", "wedding.eml"])).stdout).filter((l) => !/problems?$/.test(l));
    for (const line of compact) expect(line).toMatch(COMPACT_LINE);
    expect(compact).toContain("wedding.eml:3:1: warn pauline.bailey@gmail.com (Cc) is outside your organisation (gmail.com) (cc) [external-recipient]");
    expect(compact.filter((l) => l.endsWith("[gatekeeping]"))[0]).toMatch(/^wedding\.eml:9:1: error /);

    const stylish = (await lintIn(dir, ["wedding.eml"])).stdout;
    expect(stylish).toMatch(/\n {2}9:1 +error +This judges "they"/);

    const github = (await lintIn(dir, ["-f", "github", "wedding.eml"])).stdout;
    expect(github).toContain("::error file=wedding.eml,line=9,col=1,title=gatekeeping::");
    expect(github).toContain("::warning file=wedding.eml,line=3,title=external-recipient::");

    const sarif = JSON.parse((await lintIn(dir, ["-f", "sarif", "wedding.eml"])).stdout);
    const regions = sarif.runs[0].results.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]);
    expect(regions).toContainEqual(["gatekeeping", 9]);
    expect(regions).toContainEqual(["external-recipient", 3]);
  });
});

/** Runs the CLI on a real pseudo-terminal of the given width (util-linux `script`). */
function onTerminal(cwd: string, columns: number, args: string[], extraEnv: NodeJS.ProcessEnv = {}, keepColour = false): string {
  const command = `stty cols ${columns} rows 60; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args.join(" ")}`;
  // `script` passes on draftlint's exit code (1: the draft has errors); the screen is what counts.
  // A user's terminal, whatever machine the suite runs on: chalk gives no colour when TERM is
  // unset or dumb, or when CI is set, as it is on a CI runner.
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: EMPTY_XDG, TERM: "xterm-256color" };
  for (const name of ["FORCE_COLOR", "NO_COLOR", "CI", "COLORTERM", "GITHUB_ACTIONS"]) delete env[name];
  Object.assign(env, extraEnv);
  const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd, env, encoding: "utf8" });
  if (run.error) throw run.error;
  // What the screen shows: colour codes take no columns.
  const screen = run.stdout.replace(/\r/g, "");
  return keepColour ? screen : screen.replace(/\u001b\[[0-9;]*m/g, "");
}

describe("on a terminal", () => {
  for (const columns of [80, 120]) {
    it(`wraps to ${columns} columns between words, and shows a sentence once for its three findings`, async () => {
      const dir = tempProject({ "wedding.eml": STOKE_PARK });
      const out = onTerminal(dir, columns, ["wedding.eml"]);
      const shown = out.split("\n");
      for (const line of shown) expect(line.length, line).toBeLessThanOrEqual(columns);
      // Every word of every message is on the screen whole (none cut across two lines).
      const words = new Set(shown.join(" ").split(/\s+/));
      const report = jsonOf(await lintIn(dir, ["-f", "json", "wedding.eml"]));
      for (const f of report.files[0].findings) for (const word of f.message.split(/\s+/)) expect(words, word).toContain(word);
      // gatekeeping, unkind-preface and talks-about-recipient share one sentence: it is quoted once.
      expect(out.match(/│ I know this probably/g)).toHaveLength(1);
    });
  }

  it("colour: on a terminal by default, off with NO_COLOR or --no-color; --color when piped", async () => {
    const dir = tempProject({ "wedding.eml": STOKE_PARK });
    const ESC = "\u001b[";
    expect(onTerminal(dir, 100, ["wedding.eml"], {}, true)).toContain(ESC);
    expect(onTerminal(dir, 100, ["wedding.eml"], { NO_COLOR: "1" }, true)).not.toContain(ESC);
    expect(onTerminal(dir, 100, ["--no-color", "wedding.eml"], {}, true)).not.toContain(ESC);
    expect((await lintIn(dir, ["wedding.eml"])).stdout).not.toContain(ESC);
    expect((await lintIn(dir, ["--color", "wedding.eml"])).stdout).toContain(ESC);
  });

  it("does not wrap when the output is not a terminal", async () => {
    const dir = tempProject({ "wedding.eml": STOKE_PARK });
    const out = (await lintIn(dir, ["wedding.eml"])).stdout;
    expect(out).toMatch(/ {2}9:1 +error +This judges .* third person\. {2}gatekeeping\n/);
  });
});

describe("hostile text is shown, never run", () => {
  it("escape sequences in a subject, a display name, an excerpt and a file name reach neither stylish nor compact", async () => {
    const osc52 = "\u001b]52;c;ZXZpbA==\u0007";
    const clear = "\u001b[2J";
    const draft = `From: Emma <emma@stokepark.com>\nTo: "Pau${clear}line" <pauline@gmail.com>\nSubject: TODO ${osc52}\n\nHi, TODO ${osc52} between you and me${clear}, and \u009b31m this.\n`;
    const name = "x\u001b]0;title\u0007.eml";
    const dir = tempProject({ [name]: draft });
    for (const format of ["stylish", "compact"]) {
      for (const colour of ["--no-color", "--color"]) {
        const run = await lintIn(dir, ["-f", format, colour, "."]);
        // The only escapes left are the colour codes draftlint writes itself (SGR: ESC [ … m).
        const escapes = [...(run.stdout + run.stderr).matchAll(/\u001b[^m]{0,12}m?|\u0007|\u009b/g)].map((m) => m[0]);
        expect(escapes.filter((e) => !/^\u001b\[[0-9;]*m$/.test(e)), `${format} ${colour}`).toEqual([]);
        if (colour === "--no-color") {
          // Shown as visible stand-ins: the file name everywhere, the excerpt where it is quoted.
          expect(run.stdout).toContain("x␛]0;title␇.eml");
          if (format === "stylish") expect(run.stdout).toContain("␛]52;c;ZXZpbA==␇");
        }
      }
    }
  });

  it("a file name with a newline and ::error:: puts no workflow command on stderr: one error, one line", async () => {
    const dir = tempProject({});
    const name = "x\n::error::injected\n.eml";
    writeFileSync(join(dir, name), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]));
    for (const format of ["stylish", "github", "json"]) {
      const run = await lintIn(dir, ["-f", format, name]);
      expect(run.code).toBe(2);
      const errLines = run.stderr.split("\n").filter(Boolean);
      expect(errLines).toHaveLength(1);
      expect(errLines[0]).toMatch(/^draftlint: x␊::error::injected␊\.eml: /);
      for (const line of (run.stdout + run.stderr).split("\n")) expect(line).not.toMatch(/^::error::injected/);
    }
  });
});

describe("the git pre-commit hook's stderr", () => {
  it("a staged file named with a newline and ::error:: starts no workflow command line", async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, "x\n::error::injected\n.eml"), Buffer.from([0, 1, 2, 3]));
    const git = (args: string[]) => spawnSync("git", args, { cwd: dir, env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } });
    git(["init", "-q"]);
    git(["add", "-A"]);
    const run = await lintIn(dir, ["hooks", "run", "pre-commit"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("x␊::error::injected␊.eml");
    for (const line of run.stderr.split("\n")) expect(line).not.toMatch(/^::/);
  });
});

describe("--max-warnings", () => {
  it("says why it exits 1, with --quiet too", async () => {
    const dir = tempProject({ "wedding.eml": STOKE_PARK.replace(/^I know.*$/m, "The booking is confirmed.") });
    const loud = await lintIn(dir, ["--max-warnings", "0", "wedding.eml"]);
    expect(loud.code).toBe(1);
    expect(loud.stderr).toBe("draftlint: 2 warnings found, more than --max-warnings 0 allows\n");
    const quiet = await lintIn(dir, ["--quiet", "--max-warnings", "1", "wedding.eml"]);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([1, "", "draftlint: 2 warnings found, more than --max-warnings 1 allows\n"]);
    const within = await lintIn(dir, ["--max-warnings", "2", "wedding.eml"]);
    expect([within.code, within.stderr]).toEqual([0, ""]);
  });
});
