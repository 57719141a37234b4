/** Organisations are registrable domains under the public suffix list. */
import { describe, expect, it } from "vitest";
import { isSameOrSubdomain, organisationOf, publicSuffixOf } from "../../src/audience/organisation.js";

describe("organisationOf", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["mail.acme.com", "acme.com"],
    ["mail.acme.co.uk", "acme.co.uk"],
    ["eu.mail.acme.co.uk", "acme.co.uk"],
    ["acme.co.uk", "acme.co.uk"],
    ["gmail.com", "gmail.com"],
    ["globex.com.au", "globex.com.au"],
  ])("%s → %s", (domain, organisation) => {
    expect(organisationOf(domain)).toBe(organisation);
  });
});

describe("publicSuffixOf", () => {
  it("knows multi-label suffixes", () => {
    expect(publicSuffixOf("mail.acme.co.uk")).toBe("co.uk");
    expect(publicSuffixOf("acme.com")).toBe("com");
  });
});

describe("isSameOrSubdomain", () => {
  it("matches the domain and its subdomains only", () => {
    expect(isSameOrSubdomain("acme.com", "acme.com")).toBe(true);
    expect(isSameOrSubdomain("mail.acme.com", "acme.com")).toBe(true);
    expect(isSameOrSubdomain("mail.acme.co.uk", "acme.co.uk")).toBe(true);
    // A suffix match is not enough: notacme.com is someone else.
    expect(isSameOrSubdomain("notacme.com", "acme.com")).toBe(false);
    expect(isSameOrSubdomain("acme.com.evil.io", "acme.com")).toBe(false);
  });

  it("ignores case", () => {
    expect(isSameOrSubdomain("Mail.ACME.com", "acme.COM")).toBe(true);
  });
});
