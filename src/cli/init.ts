/** `draftlint init`: a commented .linterrc, the internal domain guessed from git's user.email. */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../config/errors.js";

export function guessInternalDomain(cwd = process.cwd()): string | null {
  try {
    const email = execFileSync("git", ["config", "user.email"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const domain = email.split("@")[1]?.toLowerCase();
    return domain || null;
  } catch {
    return null;
  }
}

export function initConfigText(domain: string | null): string {
  const domains = domain ? `[${domain}]` : "[]   # e.g. [acme.com, acme.co.uk]";
  return `# draftlint configuration. Every key is documented in .linterrc.example.
# Domains whose addresses are colleagues; without this, the sender's domain is used.
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
  const domain = guessInternalDomain(dir);
  writeFileSync(path, initConfigText(domain));
  return domain ? `Wrote ${path} with internal domain ${domain}.\n` : `Wrote ${path}; set internalDomains (git has no user.email to guess from).\n`;
}
