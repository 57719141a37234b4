// Tone reads the first 100,000 characters of a body's own words (src/tone/analysis.ts,
// TONE_CHARS): past that a body is an address book, a log or a pasted report, and one real
// message's 1.4 MB address book cost more than a thousand ordinary messages. And capitals longer
// than any word are data (base64 pasted into a body), not shouting.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";

const filler = "The stock count for aisle four is attached for your records. ".repeat(1800);

async function toneRules(text: string): Promise<string[]> {
  const result = await lint(text, { input: "text", config: { packs: ["tone"] } });
  return result.findings.map((f) => f.ruleId);
}

describe("long bodies", () => {
  it("are read for tone up to 100,000 characters", async () => {
    expect(filler.length).toBeGreaterThan(100_000);
    expect(await toneRules(`Honestly the couple are a pair of clowns. ${filler}`)).toContain("disparaging-customer");
    expect(await toneRules(`${filler} Honestly the couple are a pair of clowns.`)).not.toContain("disparaging-customer");
  });

  it("do not shout in base64 pasted into them", async () => {
    const blob = "AAAAQABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    expect(await toneRules(`Please find the file below.\n\n${blob}\n`)).not.toContain("shouting");
    expect(await toneRules("PLEASE DO NOT REPLY TO THIS EMAIL ADDRESS.")).toContain("shouting");
  });
});
