/**
 * `draftlint init`: a commented .linterrc, the internal domain guessed from git's user.email —
 * the organisation (`mail.acme.co.uk` → `acme.co.uk`), never a free-mail provider, which would
 * make every other customer on that provider a "colleague".
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../config/errors.js";
import { isFreemail } from "../audience/classifyRecipient.js";
import { organisationOf } from "../audience/organisation.js";
import { loadBuiltinPack } from "../packs/loadPack.js";

export type DomainGuess = { kind: "organisation"; domain: string } | { kind: "freemail"; domain: string } | { kind: "none" };

export function guessInternalDomain(cwd = process.cwd()): DomainGuess {
  let email = "";
  try {
    email = execFileSync("git", ["config", "user.email"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return { kind: "none" };
  }
  const host = email.split("@")[1]?.trim().toLowerCase();
  if (!host) return { kind: "none" };
  const freemail = new Set((loadBuiltinPack("recipients").lexicons.freemailDomains as string[]) ?? []);
  if (isFreemail(host, freemail)) return { kind: "freemail", domain: host };
  return { kind: "organisation", domain: organisationOf(host) };
}

export function initConfigText(guess: DomainGuess): string {
  const domains =
    guess.kind === "organisation"
      ? `[${guess.domain}]`
      : guess.kind === "freemail"
        ? `[]   # ${guess.domain} is free mail, so only your own address counts as internal; add your organisation's domains here`
        : "[]   # e.g. [acme.com, acme.co.uk]";
  return `# draftlint configuration. Every key is documented in .linterrc.example.
# Domains whose addresses are colleagues (subdomains count); without this, the sender's
# organisation is used, or only the sender's own address when it is free mail.
internalDomains: ${domains}
# External but known partners: no external-recipient warning for them.
trustedDomains: []
# Colleagues, so a display name that names one on an outside address is caught.
people: []
# Words your business uses for its customers, added to the built-in ones (client, guest, …).
customerTerms: []
rules: {}
`;
}

export function runInit(dir = process.cwd(), force = false): string {
  const path = join(dir, ".linterrc.yaml");
  if (existsSync(path) && !force) throw new UsageError(`${path} already exists (use --force to overwrite)`);
  const guess = guessInternalDomain(dir);
  writeFileSync(path, initConfigText(guess));
  switch (guess.kind) {
    case "organisation":
      return `Wrote ${path} with internal domain ${guess.domain}.\n`;
    case "freemail":
      return `Wrote ${path}; git's user.email is at ${guess.domain}, which is free mail, so no internal domain was set (add your organisation's to internalDomains).\n`;
    default:
      return `Wrote ${path}; set internalDomains (git has no user.email to guess from).\n`;
  }
}
