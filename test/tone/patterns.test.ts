import { describe, expect, it } from "vitest";
import { PatternList, wordLine } from "../../src/tone/patterns.js";
import { tokenise } from "../../src/text/tokens.js";

/** The words each match covers, as a user reading the pack would expect them. */
function matched(patterns: string[], text: string, options: { plurals?: boolean } = {}): string[] {
  const tokens = tokenise(text, 0, false);
  return new PatternList(patterns, options).matches(wordLine(tokens)).map((m) =>
    tokens
      .slice(m.first, m.last + 1)
      .map((t) => t.norm)
      .join(" "),
  );
}

describe("pack patterns", () => {
  it("match whole words only, never inside a longer word", () => {
    expect(matched(["rude"], "a rude man")).toEqual(["rude"]);
    expect(matched(["rude"], "a prudent man")).toEqual([]);
    expect(matched(["rude man"], "a rude manager")).toEqual([]);
  });

  it("try alternatives in the order written, phrases included", () => {
    expect(matched(["(no one|nobody) likes them"], "honestly nobody likes them")).toEqual(["nobody likes them"]);
    expect(matched(["the (feel|vibe of the) place"], "not the vibe of the place")).toEqual(["the vibe of the place"]);
  });

  it("take an optional word when it is there and match without it when not", () => {
    expect(matched(["really? awful"], "it was really awful")).toEqual(["really awful"]);
    expect(matched(["really? awful"], "it was awful")).toEqual(["awful"]);
    expect(matched(["so awful today?"], "so awful today")).toEqual(["so awful today"]);
  });

  it("read * as exactly one word", () => {
    expect(matched(["typical * behaviour"], "typical banker behaviour")).toEqual(["typical banker behaviour"]);
    expect(matched(["typical * behaviour"], "typical behaviour")).toEqual([]);
  });

  it("find every match, left to right and not overlapping", () => {
    expect(matched(["so so"], "so so so so")).toEqual(["so so", "so so"]);
    expect(matched(["idiot", "total idiot"], "a total idiot and an idiot")).toEqual(["total idiot", "idiot", "idiot"]);
  });

  it("match clitics as the sentence is split ('can't' is 'can n't')", () => {
    expect(matched(["can't stand them"], "I can't stand them")).toEqual(["can n't stand them"]);
  });

  it("match a one-word noun's plural in a noun list", () => {
    expect(matched(["tosser"], "those tossers again", { plurals: true })).toEqual(["tossers"]);
    expect(matched(["tosser"], "those tossers again")).toEqual([]);
  });

  it("answer test() for a line of words as matches() does", () => {
    const list = new PatternList(["not (our|the) kind"]);
    expect(list.test("they are not our kind")).toBe(true);
    expect(list.test("they are not kind")).toBe(false);
  });
});
