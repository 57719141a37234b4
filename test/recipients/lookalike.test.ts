import { describe, expect, it } from "vitest";
import { editDistance, resemblance, skeleton, vettedRegistries } from "../../src/audience/lookalike.js";
import { organisationOf, publicSuffixOf } from "../../src/audience/organisation.js";

describe("editDistance (optimal string alignment)", () => {
  it.each([
    ["acme", "acme", 0],
    ["acme", "acne", 1],
    ["brightwater", "brigthwater", 1], // transposition counts once
    ["acme", "acmee", 1],
    ["globex", "glbeox", 2],
  ])("%s → %s is %i", (a, b, d) => {
    expect(editDistance(a, b, 3)).toBe(d);
  });

  it("stops early past the limit", () => {
    expect(editDistance("a".repeat(50), "b".repeat(50), 2)).toBe(3);
  });
});

describe("resemblance", () => {
  it.each([
    ["acne.com", "acme.com", "typo"],
    ["acrne.com", "acme.com", "homograph"],
    ["brigthwater.io", "brightwater.io", "typo"],
    ["acme.co", "acme.com", "suffix-swap"],
    ["acme.co.uk", "acme.com", "suffix-swap"],
    ["ac-me.com", "acme.com", "punctuation"],
    ["acme.com.invoices-portal.net", "acme.com", "embedded"],
    ["аcme.com", "acme.com", "homograph"], // Cyrillic а
  ])("%s imitates %s (%s)", (candidate, reference, how) => {
    expect(resemblance(candidate, reference)).toBe(how);
  });

  it.each([
    ["mail.acme.com", "acme.com"], // same organisation
    ["globex.com", "acme.com"],
    ["ab.com", "ac.com"], // too short to mean anything
    ["acmecorp.com", "acme.com"], // four letters added is another name
    ["acne.org", "acme.com"], // different name and different ending
  ])("%s does not imitate %s", (candidate, reference) => {
    expect(resemblance(candidate, reference)).toBeNull();
  });

  it("folds other scripts and Latin look-alike sequences into one skeleton", () => {
    expect(skeleton("аррӏе.com")).toBe("apple.com");
    expect(skeleton("paypa1.com")).toBe("paypal.com");
  });
});

describe("vetted registries and the US locality namespace", () => {
  const vetted = vettedRegistries(["edu", "gov", "ac.*", "*.us", "state.*.us"]);

  it("a US state agency is its own organisation under state.<st>.us (RFC 1480)", () => {
    expect(organisationOf("icc.state.il.us")).toBe("icc.state.il.us");
    expect(publicSuffixOf("icc.state.il.us")).toBe("state.il.us");
    expect(organisationOf("mail.icc.state.il.us")).toBe("icc.state.il.us");
  });

  it.each([
    ["cis.state.mi.us", "icc.state.il.us"],
    ["mst.edu", "mit.edu"],
    ["uic.edu", "uiuc.edu"],
    ["cam.ac.uk", "ox.ac.uk"],
  ])("%s and %s are two real institutions", (candidate, reference) => {
    expect(resemblance(candidate, reference, vetted)).toBeNull();
  });

  it("look-alikes outside vetted registries, and embedded names inside them, still count", () => {
    expect(resemblance("enrom.com", "enron.com", vetted)).toBe("typo");
    expect(resemblance("mit.edu.login-portal.example", "mit.edu", vetted)).toBe("embedded");
    expect(vetted("edu")).toBe(true);
    expect(vetted("com")).toBe(false);
  });
});
