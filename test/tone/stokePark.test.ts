// The Stoke Park lesson (SPEC, top): a planner writes to her boss about the couple, who are on Cc.
import { describe, expect, it } from "vitest";
import { eml, lintTone } from "./helpers.js";

const BODY =
  "Hi Karen,\n\nI know this probably doesn't sound very nice, but I am trying to put this wedding off as I don't think they are the type of people that we would want to have at Stoke Park.\n\nThanks,\nAmy\n";

const external = eml(
  {
    From: "Amy Green <amy@stokepark.com>",
    To: "Karen Smith <karen@stokepark.com>",
    Cc: "Pauline Bailey <pauline@gmail.com>, Tom Bailey <tom.bailey@gmail.com>",
    Subject: "Bailey wedding enquiry",
  },
  BODY,
);
const internal = eml({ From: "Amy Green <amy@stokepark.com>", To: "Karen Smith <karen@stokepark.com>", Subject: "Bailey wedding enquiry" }, BODY);

describe("Stoke Park", () => {
  it("reports unkind-preface and gatekeeping at error, read by the couple on Cc", async () => {
    const result = await lintTone(external, "eml");
    const preface = result.findings.find((f) => f.ruleId === "unkind-preface");
    const gatekeeping = result.findings.find((f) => f.ruleId === "gatekeeping");
    expect(preface?.severity).toBe("error");
    expect(gatekeeping?.severity).toBe("error");
    expect(gatekeeping?.readers).toEqual(["pauline@gmail.com", "tom.bailey@gmail.com"]);
    expect(gatekeeping?.target).toBe("they");
    expect(gatekeeping?.message).toContain("pauline@gmail.com (Cc)");
    expect(gatekeeping?.message).toContain("third person");
    expect(gatekeeping?.excerpt).toMatch(/^I know this probably doesn't sound very nice.*Stoke Park\.$/);
  });

  it("reports the same findings as warnings when only colleagues read it", async () => {
    const result = await lintTone(internal, "eml");
    const severities = Object.fromEntries(result.findings.map((f) => [f.ruleId, f.severity]));
    expect(severities).toMatchObject({ "unkind-preface": "warn", gatekeeping: "warn" });
    const gatekeeping = result.findings.find((f) => f.ruleId === "gatekeeping")!;
    expect(gatekeeping.readers).toEqual(["karen@stokepark.com"]);
    expect(gatekeeping.message).not.toContain("third person");
  });

  it("points at the sentence exactly", async () => {
    const result = await lintTone(external, "eml");
    const gatekeeping = result.findings.find((f) => f.ruleId === "gatekeeping")!;
    // Line 3 of the body, from column 1 to the full stop.
    expect(gatekeeping.location).toMatchObject({ section: "body", line: 3, column: 1, endLine: 3 });
    const bodyLine = BODY.split("\n")[2];
    expect(gatekeeping.location.endColumn).toBe(bodyLine.length + 1);
    expect(gatekeeping.location.fileLine).toBe(10);
  });
});
