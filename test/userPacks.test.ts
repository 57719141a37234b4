// A user's own pack, loaded by path from config: validated, run as phrase rules, suppressible.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/index.js";
import { loadPackFile } from "../src/packs/loadPack.js";
import { runPackExamples } from "../src/packs/runExamples.js";

const PACK = `pack: hospitality
rules:
  - id: no-upgrade-promises
    description: Do not promise room upgrades in writing.
    severity: warn
    messages: { default: '"{{phrase}}": upgrades are at the front desk''s discretion' }
    explanation: Upgrades depend on availability on the day.
    phrases: [guaranteed upgrade, free upgrade]
    examples:
      flag: ["We can offer you a FREE upgrade to a suite."]
      pass: ["Upgrades depend on availability.", "a free-upgraded room"]
`;

function packDir(text = PACK): string {
  const dir = mkdtempSync(join(tmpdir(), "draftlint-pack-"));
  writeFileSync(join(dir, "hospitality.yaml"), text);
  return dir;
}

describe("user packs", () => {
  it("runs a pack's phrases as a rule, with the message filled in", async () => {
    const dir = packDir();
    const result = await lint("Dear guest,\nWe can offer you a guaranteed  upgrade.\n", {
      filename: "offer.txt",
      cwd: dir,
      config: { packs: ["recipients", "./hospitality.yaml"] },
    });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: "no-upgrade-promises",
      severity: "warn",
      message: "\"guaranteed  upgrade\": upgrades are at the front desk's discretion",
      location: { section: "body", line: 2, column: 20 },
    });
  });

  it("passes its own examples through test-pack", async () => {
    const outcomes = await runPackExamples(loadPackFile(join(packDir(), "hospitality.yaml")));
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
  });

  it("holds a flag example to the messageId it names", async () => {
    const named = (id: string) => PACK.replace('flag: ["We can offer you a FREE upgrade to a suite."]', `flag: [{ text: "We can offer you a FREE upgrade to a suite.", messageId: ${id} }]`);
    const right = await runPackExamples(loadPackFile(join(packDir(named("default")), "hospitality.yaml")));
    const wrong = await runPackExamples(loadPackFile(join(packDir(named("upsell")), "hospitality.yaml")));
    expect(right.filter((o) => o.expect === "flag").map((o) => o.ok)).toEqual([true]);
    expect(wrong.filter((o) => o.expect === "flag").map((o) => o.ok)).toEqual([false]);
  });

  it("is a config error naming the file and key when invalid", () => {
    const dir = packDir(PACK.replace("severity: warn", "severity: loud"));
    expect(() => loadPackFile(join(dir, "hospitality.yaml"))).toThrow(/hospitality\.yaml: rules\.0\.severity: /);
  });

  it("honours disable comments in the text", async () => {
    const dir = packDir();
    const text = [
      "{{!-- draftlint-disable-next-line no-upgrade-promises --}}",
      "A free upgrade awaits.",
      "A free upgrade awaits.",
      "<!-- draftlint-disable -->",
      "A free upgrade awaits.",
      "<!-- draftlint-enable -->",
      "A free upgrade awaits. <!-- draftlint-disable-line other-rule -->",
    ].join("\n");
    const result = await lint(text, { filename: "t.txt", cwd: dir, config: { packs: ["./hospitality.yaml"] } });
    expect(result.findings.map((f) => f.location.line)).toEqual([3, 7]);
  });
});
