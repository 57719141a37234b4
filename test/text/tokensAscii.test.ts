import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tokenise } from "../../src/text/tokens.js";

// tokenise() reads all-ASCII text with ASCII-only regexes (cheaper to compile at a cold start)
// and any other text with the Unicode ones. Appending a non-ASCII word sends the same text down
// the Unicode path: the tokens before it must be the same.
const viaUnicode = (text: string, templates: boolean) => tokenise(`${text} é`, 0, templates).slice(0, -1);

describe("tokenise: ASCII text reads the same through either path", () => {
  const samples = [
    "Hi Bob, the quarterly report is ready for your review.",
    "They're late again; isn't it 3:30? Won't they pay US$500 or 1,200.50 now?",
    "Ask {{first_name}} about *|FNAME|* and %recipient.name% or {% if x %} {$name}",
    "She called it 'a filthy hovel' and \"never again\" -- e-mail co-op a.m. x*y",
    "the Taylors' reception, rock'n'roll, '90s, O'Neil's, can't, shan't, y'all'",
  ];
  for (const text of samples) {
    it(JSON.stringify(text.slice(0, 30)), () => {
      for (const templates of [false, true]) expect(tokenise(text, 0, templates)).toEqual(viaUnicode(text, templates));
    });
  }
  it("on any ASCII text", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."aZ09 .,'-:/*{}|%$\"?!\n\t_".split("")), maxLength: 60 });
    fc.assert(
      fc.property(ascii, fc.boolean(), (text, templates) => {
        expect(tokenise(text, 0, templates)).toEqual(viaUnicode(text, templates));
      }),
      { numRuns: 2000 },
    );
  });
});
