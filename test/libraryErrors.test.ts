/**
 * The library's answers when something is wrong (SPEC §7): a missing file is the result's error,
 * as in the CLI's report; a bad config object names itself, not "command line".
 */
import { describe, expect, it } from "vitest";
import { lint, lintFile } from "../src/index.js";

describe("lintFile", () => {
  it("on a missing file returns the file-error object instead of throwing", async () => {
    await expect(lintFile("missing.eml")).resolves.toEqual({
      file: "missing.eml",
      audience: "unknown",
      recipients: [],
      findings: [],
      error: { code: "read-error", message: "no such file" },
    });
  });
});

describe("lint", () => {
  it("reports a bad config object as lint()'s own, with the key path", async () => {
    await expect(lint("Hello", { config: { internalDomains: "acme.com" } })).rejects.toThrow(
      /^lint\(\) options\.config: internalDomains: Invalid input: expected array, received string$/,
    );
    await expect(lint("Hello", { config: { rules: { "no-such-rule": "off" } } })).rejects.toThrow(/^lint\(\) options\.config: rules\.no-such-rule: unknown rule id/);
  });
});
