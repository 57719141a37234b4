// A "sentence" with no full stop for thousands of characters is read in bounded pieces, all of
// them: an insult at the end of a run-on line used to go unread (only the first 1,000 characters
// were analysed, with no notice).
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";

describe("very long sentences", () => {
  it("are read to the end", async () => {
    const text = `Notes from the call: ${"item, ".repeat(400)}and honestly the couple are a pair of clowns`;
    expect(text.length).toBeGreaterThan(2400);
    const result = await lint(text, { input: "text", config: {} });
    const found = result.findings.filter((f) => f.ruleId === "disparaging-customer");
    expect(found.map((f) => [f.target, f.messageId])).toEqual([["the couple", "insult"]]);
  });
});
