/** The stored trigger words read back as they were written, and a pattern that cannot be stored fails the build. */
import { describe, expect, it } from "vitest";
import { indexTriggerFile, readTriggerFile, storedWords, triggerFileText } from "../../src/tone/triggerFile.js";

describe("pattern-triggers file", () => {
  it("reads back each pattern's words, no trigger word (null) and an empty list alike", () => {
    const pairs: Array<[string, string[] | null]> = [["sort code", ["sort"]], ["noun:sort", ["sort", "sorts"]], ["* *", null], ["odd", []], ["a/c", ["/"]]];
    const read = new Map<string, string[] | null>();
    readTriggerFile(triggerFileText(pairs), read);
    expect([...read]).toEqual(pairs);
  });
  it("files each line unsplit, and splits it to the same words when asked", () => {
    const pairs: Array<[string, string[] | null]> = [["sort code", ["sort"]], ["* *", null], ["odd", []], ["a b c", ["b", "c"]]];
    const index = new Map<string, string[] | null | string>();
    indexTriggerFile(triggerFileText(pairs), index);
    expect([...index.keys()]).toEqual(pairs.map(([p]) => p));
    expect([...index.values()].map((rest) => storedWords(rest as string))).toEqual(pairs.map(([, w]) => w));
  });
  it("refuses a pattern with a line end or the separator in it", () => {
    expect(() => triggerFileText([["two\nlines", ["two"]]])).toThrow(/cannot store/);
    expect(() => triggerFileText([["x", ["a\u001fb"]]])).toThrow(/cannot store/);
  });
});
