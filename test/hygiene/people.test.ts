import { describe, expect, it } from "vitest";
import { answersTo, nameMatchesPerson, nameTools, personOf } from "../../src/rules/hygiene/people.js";
import { displayNameTokens, localPartTokens } from "../../src/text/personNames.js";

const tools = nameTools();
const person = (name: string, address: string) => personOf({ name, address }, address.split("@")[1] ?? "", tools);

describe("names of a person", () => {
  it("reads display names in either order, without titles", () => {
    expect(displayNameTokens("Smith, Karen", tools.words)).toEqual(["smith", "karen"]);
    expect(displayNameTokens("Dr. Anita Patel (Globex)", tools.words)).toEqual(["anita", "patel"]);
    expect(displayNameTokens("Mary-Jane O'Neil", tools.words)).toEqual(["mary-jane", "mary", "jane", "o'neil", "oneil"]);
  });

  it("reads local parts", () => {
    expect(localPartTokens("karen.smith")).toEqual(["karen", "smith"]);
    expect(localPartTokens("k_smith2")).toEqual(["smith"]);
    expect(localPartTokens("ksmith")).toEqual(["ksmith"]);
  });

  it.each([
    ["Kate", "Katherine Jones", "k.jones@globex.com"],
    ["Bob", "Robert King", "rking@globex.com"],
    ["Bill", "William Green", "wgreen@globex.com"],
    ["Liz", "Elizabeth Ward", "e.ward@globex.com"],
    ["KAREN", "", "karen.smith@globex.com"],
    ["Smith", "", "ksmith@globex.com"],
    ["Karen", "", "karen1985@gmail.com"],
    ["jose", "José Álvarez", "ja@globex.es"],
  ])("%s answers for %s <%s>", (written, name, address) => {
    expect(answersTo(person(name, address), written, tools)).toBe(true);
  });

  it.each([
    ["Karen", "Tom Reed", "tom.reed@globex.com"],
    ["Jim", "Robert King", "robert.king@globex.com"],
    ["Kate", "", "tom@globex.com"],
  ])("%s is not %s <%s>", (written, name, address) => {
    expect(answersTo(person(name, address), written, tools)).toBe(false);
  });

  it("treats role mailboxes and team display names as anyone", () => {
    expect(person("", "info@globex.com").opaque).toBe(true);
    expect(person("Globex Support", "help@globex.com").opaque).toBe(true);
    expect(person("", "bookings@hotel.com").opaque).toBe(true);
    expect(nameMatchesPerson(person("", "info@globex.com"), ["brewer"], tools)).toBe(true);
    expect(person("Tom Reed", "tom.reed@globex.com").opaque).toBe(false);
  });

  it("matches a greeting to the organisation, and an initial to an opaque local part", () => {
    expect(nameMatchesPerson(person("Tom Reed", "tom.reed@globex.com"), ["globex"], tools)).toBe(true);
    expect(nameMatchesPerson(person("", "kbrewer@globex.com"), ["karen"], tools)).toBe(true);
  });
});

describe("short forms, other spellings and spelt-out initials", () => {
  const tools = nameTools();
  const person = (name: string, address: string) => personOf({ name, address }, "globex.com", tools);
  it.each([
    ["Greg", "", "gregg.penman@globex.com"],
    ["Christy", "", "christi.nolan@globex.com"],
    ["Tammy", "", "tamara.davis@globex.com"],
    ["Matt", "", "mathew.gimble@globex.com"],
    ["Bert", "Robert King", "rking@globex.com"],
    ["Drew", "Andrew Lee", "alee@globex.com"],
    ["Jay", "Jason Williams", "jwilliams@globex.com"],
    ["Dee", "Dolores Lenfest", "dlenfest@globex.com"],
  ])("%s answers for %s <%s>", (written, name, address) => {
    expect(answersTo(person(name, address), written, tools)).toBe(true);
  });

  it.each([
    ["Dan", "Dana Scott", "dscott@globex.com"],
    ["Jay", "Robert King", "rking@globex.com"],
  ])("%s is not %s <%s>", (written, name, address) => {
    expect(answersTo(person(name, address), written, tools)).toBe(false);
  });
});
