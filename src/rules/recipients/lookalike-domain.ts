/**
 * A recipient domain that imitates one this message should trust — ours, a partner's, or another
 * recipient's — is how invoices get paid to fraudsters and drafts reach the wrong company.
 * Compared by organisation, so `mail.acme.com` is never a look-alike of `acme.com`.
 */
import { defineRule } from "../../engine/rule.js";
import { isSameOrSubdomain, organisationOf } from "../../audience/organisation.js";
import { resemblance, vettedRegistries, type VettedRegistry } from "../../audience/lookalike.js";
import { LookalikeIndex } from "../../audience/lookalikeIndex.js";
import { splitAddress } from "../../message/addresses.js";
import { fieldLabel } from "./describeRecipient.js";
import { ConfigError } from "../../config/errors.js";

const compiled = new WeakMap<object, VettedRegistry>();

/** The pack's `vettedRegistries` (rules/recipients.yaml), compiled once. */
function registriesOf(patterns: Record<string, unknown>): VettedRegistry {
  let vetted = compiled.get(patterns);
  if (!vetted) {
    const list = patterns.vettedRegistries;
    if (!Array.isArray(list) || !list.every((p) => typeof p === "string")) throw new ConfigError("rules/recipients.yaml: lookalike-domain.patterns.vettedRegistries: expected a list of suffixes");
    compiled.set(patterns, (vetted = vettedRegistries(list)));
  }
  return vetted;
}

export default defineRule({
  id: "lookalike-domain",
  pack: "recipients",
  appliesTo: ["eml"],
  check({ message, config, data, report }) {
    const trusted = config.trustedDomains.map((d) => d.toLowerCase());
    // Only an outside recipient is ever reported, so a draft to colleagues alone builds no index
    // (and never loads the confusables table that skeletons need: SPEC §8, cold start).
    const suspects = message.recipients.filter((r) => r.external && !trusted.some((t) => isSameOrSubdomain(r.domain, t)));
    if (!suspects.length) return;
    const references = new Set<string>([...message.internalDomains, ...trusted]);
    if (message.from) references.add(splitAddress(message.from.address).domain);
    for (const r of message.recipients) references.add(r.domain);

    const vetted = registriesOf(data.patterns);
    // Only the references that could be imitated are compared: all pairs of 5,000 domains took minutes.
    const index = new LookalikeIndex(references);
    const reported = new Set<string>();
    // A domain we were told to trust is never suspicious, however close it is to ours.
    for (const r of suspects) {
      if (reported.has(r.address)) continue;
      for (const reference of index.candidatesFor(r.domain)) {
        if (organisationOf(reference) === r.organisation) continue;
        const how = resemblance(r.domain, reference, vetted);
        if (!how) continue;
        reported.add(r.address);
        report({
          messageId: "default",
          data: { address: r.address, field: fieldLabel(r), domain: r.domain, reference, how: data.suggestions[how] ?? how },
          location: { section: "header", header: r.field },
          excerpt: r.name ? `${r.name} <${r.address}>` : r.address,
          target: r.address,
          readers: [r.address],
          suggestion: `Check the address: did you mean @${reference}?`,
        });
        break;
      }
    }
  },
});
