import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/sentences.js";

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("ends sentences at terminators, blank lines and greeting lines", () => {
    expect(sentences("Hi Richard,\nThe couple want the ballroom. Can you check?\n\nThanks,\nEmma")).toEqual([
      "Hi Richard,",
      "The couple want the ballroom.",
      "Can you check?",
      "Thanks,",
      "Emma",
    ]);
  });

  it("keeps hard-wrapped lines, abbreviations, initials and numbers together", () => {
    expect(sentences("I told Mr. Bailey that K. Smith will pay 3.5 per cent on\nFriday via acme.com. Done!")).toEqual([
      "I told Mr. Bailey that K. Smith will pay 3.5 per cent on\nFriday via acme.com.",
      "Done!",
    ]);
  });

  it("splits list items", () => {
    expect(sentences("Options:\n- the garden room\n- the ballroom")).toEqual(["Options:", "- the garden room", "- the ballroom"]);
  });
});
