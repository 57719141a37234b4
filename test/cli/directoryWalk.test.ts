/**
 * What a directory walk lints (SPEC §1): email files by default; text and template files only
 * when config's `files` or `overrides` name them, or when they are named on the command line.
 */
import { describe, expect, it } from "vitest";
import { jsonOf, lintIn, STOKE_PARK, tempProject } from "./helpers.js";

const TODO_TEXT = "We still need to write this part, TODO.\n";

function linted(run: { stdout: string }): string[] {
  return jsonOf(run as any).files.map((f: { file: string }) => f.file);
}

describe("walking a directory", () => {
  it("lints email files, not the project's README, CHANGELOG or requirements.txt", async () => {
    const dir = tempProject({
      "README.md": TODO_TEXT,
      "CHANGELOG.md": TODO_TEXT,
      "requirements.txt": "TODO pin versions\n",
      "drafts/wedding.eml": STOKE_PARK,
      "templates/welcome.hbs": "Hi {{name}}, TODO\n",
    });
    const run = await lintIn(dir, ["-f", "json", "."]);
    expect(linted(run)).toEqual(["drafts/wedding.eml"]);
    expect(run.code).toBe(0);
  });

  it("lints the text and template files config's `files` and `overrides` name", async () => {
    const dir = tempProject({
      ".linterrc.yaml": 'files: ["outbox/**/*.txt"]\noverrides:\n  - files: ["templates/**/*.hbs"]\n    templates: true\n',
      "README.md": TODO_TEXT,
      "outbox/reply.txt": "Thanks for your patience.\n",
      "notes/todo.txt": TODO_TEXT,
      "templates/welcome.hbs": "Hi {{name}}, welcome aboard.\n",
    });
    const run = await lintIn(dir, ["-f", "json"]);
    expect(linted(run)).toEqual(["outbox/reply.txt", "templates/welcome.hbs"]);
  });

  it("lints a text file named on the command line, and what a quoted glob matches", async () => {
    const dir = tempProject({ "README.md": TODO_TEXT, "notes/a.txt": TODO_TEXT, "notes/b.txt": "Fine.\n" });
    const named = await lintIn(dir, ["-f", "json", "README.md"]);
    expect(linted(named)).toEqual(["README.md"]);
    expect(named.code).toBe(1);
    expect(linted(await lintIn(dir, ["-f", "json", "notes/*.txt"]))).toEqual(["notes/a.txt", "notes/b.txt"]);
  });

  it("says so when a directory holds no drafts", async () => {
    const dir = tempProject({ "README.md": TODO_TEXT });
    const run = await lintIn(dir, ["."]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("draftlint: no drafts found in .\n");
  });
});
