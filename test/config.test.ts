import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, resolveConfigFor, validateConfig } from "../src/config/loadConfig.js";

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "draftlint-config-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p" }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("config validation names the file and the key path", () => {
  it.each([
    [{ internalDomain: ["acme.com"] }, /^cfg\.yaml: unknown key "internalDomain"$/],
    [{ internalDomains: "acme.com" }, /^cfg\.yaml: internalDomains: /],
    [{ rules: { "external-recipient": "loud" } }, /^cfg\.yaml: rules\.external-recipient: /],
    [{ rules: { "no-such-rule": "warn" } }, /^cfg\.yaml: rules\.no-such-rule: unknown rule id/],
    [{ overrides: [{ files: ["*.hbs"], templates: "yes" }] }, /^cfg\.yaml: overrides\.0\.templates: /],
  ])("%j", (raw, message) => {
    expect(() => validateConfig(raw, "cfg.yaml", process.cwd())).toThrow(message);
  });

  it("accepts every severity form", () => {
    expect(() =>
      validateConfig(
        {
          rules: {
            "external-recipient": "off",
            "many-external-recipients": ["warn", { max: 20 }],
            "lookalike-domain": ["error"],
            "display-name-mismatch": { internal: "info", external: "warn" },
          },
        },
        "cfg.yaml",
        process.cwd(),
      ),
    ).not.toThrow();
  });
});

describe("config search", () => {
  it("finds the nearest config upward from each file, stopping at package.json", async () => {
    const dir = tempProject({
      ".linterrc.yaml": "internalDomains: [acme.com]\n",
      "team/.linterrc.json": JSON.stringify({ internalDomains: ["team.example"] }),
      "team/drafts/a.eml": "",
    });
    const root = await loadConfig({ searchFrom: dir });
    const nested = await loadConfig({ searchFrom: join(dir, "team", "drafts") });
    expect(root.config.internalDomains).toEqual(["acme.com"]);
    expect(nested.config.internalDomains).toEqual(["team.example"]);
    expect(nested.source).toBe(join(dir, "team", ".linterrc.json"));
  });

  it("reads the draftlint key of package.json", async () => {
    const dir = tempProject({});
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", draftlint: { trustedDomains: ["partner.example"] } }));
    expect((await loadConfig({ searchFrom: dir })).config.trustedDomains).toEqual(["partner.example"]);
  });

  it("reports a broken config file as a config error", async () => {
    const dir = tempProject({ ".linterrc.yaml": "rules: [unclosed\n" });
    await expect(loadConfig({ searchFrom: dir })).rejects.toThrow(/\.linterrc\.yaml: cannot load config/);
  });
});

describe("overrides and command-line flags", () => {
  it("merges matching overrides in order, then the command line", () => {
    const loaded = validateConfig(
      {
        internalDomains: ["acme.com"],
        rules: { "external-recipient": "warn" },
        overrides: [
          { files: ["templates/**/*.hbs"], templates: true, rules: { "external-recipient": "off" } },
          { files: ["templates/legal/**"], rules: { "external-recipient": "error" } },
        ],
      },
      "/p/.linterrc.yaml",
      "/p",
    );
    const template = resolveConfigFor("/p/templates/welcome.hbs", loaded);
    expect(template.templates).toBe(true);
    expect(template.rules["external-recipient"]).toBe("off");
    expect(resolveConfigFor("/p/templates/legal/terms.hbs", loaded).rules["external-recipient"]).toBe("error");
    expect(resolveConfigFor("/p/drafts/a.eml", loaded).templates).toBe(false);

    const cli = resolveConfigFor("/p/drafts/a.eml", loaded, { internalDomains: ["acme.de"], rules: { "external-recipient": "info" } });
    // The flag adds to what is configured (or to the sender's domain when nothing is).
    expect(cli.internalDomains).toEqual(["acme.com"]);
    expect(cli.addedInternalDomains).toEqual(["acme.de"]);
    expect(cli.rules["external-recipient"]).toBe("info");
  });
});

describe("rule options", () => {
  it("are checked when the config is loaded, with the key path", () => {
    expect(() => validateConfig({ rules: { "many-external-recipients": ["warn", { max: "lots" }] } }, "cfg.yaml", process.cwd())).toThrow(
      /^cfg\.yaml: rules\.many-external-recipients\.options\.max: /,
    );
    expect(() => validateConfig({ rules: { "external-recipient": ["warn", { max: 3 }] } }, "cfg.yaml", process.cwd())).toThrow(
      "cfg.yaml: rules.external-recipient.options.max: this rule takes no options",
    );
    expect(() =>
      validateConfig({ overrides: [{ files: ["*.eml"], rules: { "mixed-external-organisations": ["warn", { max: 0 }] } }] }, "cfg.yaml", process.cwd()),
    ).toThrow(/overrides\.0\.rules\.mixed-external-organisations\.options\.max/);
  });
});
