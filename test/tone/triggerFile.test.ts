/** The stored trigger words read back as they were written, and a pattern that cannot be stored fails the build. */
import { describe, expect, it } from "vitest";
import { readTriggerFile, triggerFileText } from "../../src/tone/triggerFile.js";

describe("pattern-triggers file", () => {
  it("reads back each pattern's words, no trigger word (null) and an empty list alike", () => {
    const pairs: Array<[string, string[] | null]> = [["sort code", ["sort"]], ["noun:sort", ["sort", "sorts"]], ["* *", null], ["odd", []], ["a/c", ["/"]]];
    const read = new Map<string, string[] | null>();
    readTriggerFile(triggerFileText(pairs), read);
    expect([...read]).toEqual(pairs);
  });
  it("refuses a pattern with a line end or the separator in it", () => {
    expect(() => triggerFileText([["two\nlines", ["two"]]])).toThrow(/cannot store/);
    expect(() => triggerFileText([["x", ["a\u001fb"]]])).toThrow(/cannot store/);
  });
});
