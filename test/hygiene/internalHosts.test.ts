import { describe, expect, it } from "vitest";
import { findHostMentions, hostClassifier } from "../../src/rules/hygiene/internalHosts.js";
import { hygieneRule } from "./helpers.js";

const patterns = hygieneRule("internal-link").patterns as { privateSuffixes: string[]; intranetLabels: string[] };
const classifier = hostClassifier({ patterns: ["*.corp.acme.com", "build-??.acme.net"], internalDomains: ["acme.com"], ...patterns });
const internal = (text: string) =>
  findHostMentions(text)
    .filter((m) => classifier.reasonFor(m))
    .map((m) => m.text);

describe("internal links", () => {
  it.each([
    ["see https://jira.acme.com/browse/OPS-1.", ["https://jira.acme.com/browse/OPS-1"]],
    ["on wiki.acme.com/export, or git01.acme.com", ["wiki.acme.com/export", "git01.acme.com"]],
    ["at (https://reports.corp.acme.com/q3)", ["https://reports.corp.acme.com/q3"]],
    ["corp.acme.com itself", ["corp.acme.com"]],
    ["build-07.acme.net", ["build-07.acme.net"]],
    ["http://192.168.1.20:8080/x and 10.0.0.4 and 172.16.5.5", ["http://192.168.1.20:8080/x", "10.0.0.4", "172.16.5.5"]],
    ["http://127.0.0.1:3000 and localhost:8080", ["http://127.0.0.1:3000", "localhost:8080"]],
    ["http://[::1]:8080/ and http://[fd12::1]/", ["http://[::1]:8080/", "http://[fd12::1]/"]],
    ["nas.local and printer.lan and api.internal", ["nas.local", "printer.lan", "api.internal"]],
    ["http://intranet/people", ["http://intranet/people"]],
    ["\\\\fileserver\\share\\q3.xlsx", ["\\\\fileserver\\share\\q3.xlsx"]],
    ["file:///C:/Users/sam/report.pdf", ["file:///C:/Users/sam/report.pdf"]],
    ["link text [https://confluence.acme.com/x]", ["https://confluence.acme.com/x"]],
  ])("%j has %j", (text, expected) => {
    expect(internal(text)).toEqual(expected);
  });

  it.each([
    "https://www.acme.com/help and acme.com and https://developer.acme.com",
    "https://wiki.globex.com/x",
    "8.8.8.8 and 203.0.113.9 and 172.32.0.1",
    "version 10.4.2 or 1.2.3.4.5, report.pdf, e.g. this, i.e. that",
    "mail sam@acme.local or mailto:sam@wiki.acme.com",
    "runs on localhost",
    "999.10.10.10",
    ".env.local and settings.local.json",
  ])("%j has none", (text) => {
    expect(internal(text)).toEqual([]);
  });

  // Backtracking on these would take hours: the timeout catches it without a stopwatch assertion.
  it("scans a 5 MB single line in linear time", { timeout: 60_000 }, () => {
    const line = "wiki.acme.com/x".repeat(100) + "a".repeat(5_000_000);
    findHostMentions(line);
    findHostMentions("[".repeat(1_000_000) + "http://".repeat(100_000));
  });
});
