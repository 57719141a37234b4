/**
 * lookalike-domain compares a recipient only with the references an index says it could imitate
 * (issue 14: all pairs of 5,000 distinct domains took 216 s). The index must never hide a pair
 * `resemblance()` would report: checked against the all-pairs answer on generated look-alikes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resemblance } from "../../src/audience/lookalike.js";
import { LookalikeIndex } from "../../src/audience/lookalikeIndex.js";
import { lint } from "../../src/index.js";

const RUNS = Number(process.env.DRAFTLINT_FUZZ_RUNS ?? 200);
const letters = fc.stringMatching(/^[a-z]{1,12}$/);
const suffix = fc.constantFrom("com", "co.uk", "org", "net", "co", "de", "com.au");

/** A domain and edits of it of every kind lookalike-domain knows, plus unrelated ones. */
const lookalikes = fc
  .tuple(letters, suffix, fc.array(fc.tuple(fc.nat(), fc.constantFrom("swap", "drop", "add", "change", "hyphen", "suffix", "cyrillic", "embed", "sub", "long")), { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(letters, suffix), { maxLength: 5 }))
  .map(([name, sfx, edits, others]) => {
    const base = `${name}.${sfx}`;
    const made = edits.map(([n, kind]) => {
      const i = n % name.length;
      switch (kind) {
        case "swap":
          return i + 1 < name.length ? `${name.slice(0, i)}${name[i + 1]}${name[i]}${name.slice(i + 2)}.${sfx}` : base;
        case "drop":
          return `${name.slice(0, i)}${name.slice(i + 1) || "x"}.${sfx}`;
        case "add":
          return `${name.slice(0, i)}q${name.slice(i)}.${sfx}`;
        case "change":
          return `${name.slice(0, i)}z${name.slice(i + 1)}.${sfx}`;
        case "hyphen":
          return `${name.slice(0, i)}-${name.slice(i)}.${sfx}`.replace(/^-|-\./, "");
        case "suffix":
          return `${name}.${sfx === "com" ? "net" : "com"}`;
        case "cyrillic":
          return `${name.replace(/a/, "\u0430").replace(/o/, "\u043e")}.${sfx}`;
        case "embed":
          return `${base}.billing-portal.net`;
        case "sub":
          return `mail.${name.slice(0, i)}e${name.slice(i)}.${sfx}`;
        default:
          return `${name.repeat(5)}${n % 3 ? "x" : ""}.${sfx}`;
      }
    });
    return [...new Set([base, `${name.repeat(5)}.${sfx}`, ...made, ...others.map(([o, s]) => `${o}.${s}`)])];
  });

describe("the look-alike index", () => {
  it("never hides a pair that resemblance() reports", () => {
    fc.assert(
      fc.property(lookalikes, (domains) => {
        const index = new LookalikeIndex(domains);
        for (const candidate of domains) {
          const all = domains.filter((reference) => resemblance(candidate, reference) !== null);
          const narrowed = index.candidatesFor(candidate).filter((reference) => resemblance(candidate, reference) !== null);
          expect(narrowed).toEqual(all);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("5,000 distinct recipient domains are linted in seconds, look-alikes still found", async () => {
    // Distinct names of 5 to 12 letters, spread over the alphabet (i in base 26, scrambled).
    const name = (i: number) => {
      let n = (i * 7919 + 104729) % 26 ** 7;
      let out = "";
      for (let k = 0; k < 5 + (i % 8); k++, n = Math.floor(n / 26) + k * 31) out += "abcdefghijklmnopqrstuvwxyz"[n % 26];
      return out;
    };
    const domains = new Set<string>();
    for (let i = 0; domains.size < 5000; i++) domains.add(`${name(i)}.com`);
    const to = [...domains, "karen@stokeprak.com"].map((d, i) => (d.includes("@") ? d : `u${i}@${d}`)).join(", ");
    const result = await lint(`From: Emma <emma@stokepark.com>\nTo: ${to}\nSubject: Rota\n\nHello all.\n`, { filename: "many.eml", config: { packs: ["recipients"] } });
    expect(result.findings.filter((f) => f.ruleId === "lookalike-domain").map((f) => f.target)).toContain("karen@stokeprak.com");
  }, 60_000);
});
