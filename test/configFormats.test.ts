// Every config file name SPEC §5 lists is found by the CLI as users run it (bin/draftlint.js,
// which runs the bundle from a V8 code cache: JS configs are loaded through the bin's import()).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = new URL("../bin/draftlint.js", import.meta.url).pathname;
const DRAFT = "From: jo@stokepark.com\nTo: mark@stokepark.com\nSubject: Rota\n\nHi Mark, the rota is ready.\n";

const CONFIGS: Record<string, string> = {
  ".linterrc": "internalDomains: [acme.com]\n",
  ".linterrc.json": JSON.stringify({ internalDomains: ["acme.com"] }),
  ".linterrc.yaml": "internalDomains: [acme.com]\n",
  ".linterrc.yml": "internalDomains: [acme.com]\n",
  ".linterrc.js": "export default { internalDomains: ['acme.com'] };\n",
  ".linterrc.cjs": "module.exports = { internalDomains: ['acme.com'] };\n",
  ".linterrc.mjs": "export default { internalDomains: ['acme.com'] };\n",
  "draftlint.config.js": "export default { internalDomains: ['acme.com'] };\n",
  "draftlint.config.mjs": "export default { internalDomains: ['acme.com'] };\n",
};

describe("config files", () => {
  it.each(Object.keys(CONFIGS))("%s is found and applied", (name) => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-cfg-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "drafts", type: "module" }));
    writeFileSync(join(dir, name), CONFIGS[name]);
    writeFileSync(join(dir, "rota.eml"), DRAFT);
    const run = spawnSync(process.execPath, [BIN, "rota.eml", "-f", "json"], { cwd: dir, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const file = JSON.parse(run.stdout).files[0];
    // acme.com is internal, so the colleague at stokepark.com is now an outsider.
    expect(file.recipients[0]).toMatchObject({ address: "mark@stokepark.com", external: true });
    expect(file.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("external-recipient");
  });

  it("reads the draftlint key of package.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "draftlint-cfg-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "drafts", draftlint: { internalDomains: ["acme.com"] } }));
    writeFileSync(join(dir, "rota.eml"), DRAFT);
    const run = spawnSync(process.execPath, [BIN, "rota.eml", "-f", "json"], { cwd: dir, encoding: "utf8" });
    expect(JSON.parse(run.stdout).files[0].recipients[0].external).toBe(true);
  });
});
