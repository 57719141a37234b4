/**
 * Whose mail directory a Lotus Notes or Exchange name belongs to. "Michelle Cash/HOU/ECT@ECT" can
 * only be delivered by a Notes system whose domain is ECT; if that is ours she is a colleague,
 * but "Steve LaFontaine/GlobalCo@GlobalCo" is a customer on their own Notes system. Ours are the
 * Notes domains named like an internal domain (ENRON, Enron_Development, enronXgate for
 * enron.com) and those of the people who forwarded mail inside this message ("----- Forwarded by
 * Sally Beck/HOU/ECT on …": only our own system writes that banner into our mail). A name with no
 * domain at all ("Kelly Noel Higgason" above a date line) is how Notes shows someone in the
 * reader's own domain.
 */
import type { Segment } from "../types.js";
import { directoryPersonName } from "../message/addresses.js";
import { organisationOf } from "./organisation.js";

/** The directory's domain of a name: "ECT" for "Michelle Cash/HOU/ECT@ECT", "ENRON" for "/O=ENRON/OU=…". */
export function directoryDomainOf(name: string): string | null {
  const x500 = /(?:^|[/_])O=([^/_=]+)/i.exec(name);
  if (x500) return x500[1].toLowerCase();
  const at = name.lastIndexOf("@");
  if (at !== -1) return name.slice(at + 1).trim().toLowerCase();
  const slash = name.lastIndexOf("/");
  return slash === -1 ? null : name.slice(slash + 1).trim().toLowerCase();
}

const FORWARDED_BY = /Forwarded by [^\n/]{1,80}((?:\/[^\s/]{1,40}){1,4})(?:@(\S+))?\s+on\b/gi;

/** The Notes domains that are ours, for this message. */
export function ownDirectoryDomains(bodyText: string, internalDomains: readonly string[]): { labels: string[]; domains: Set<string> } {
  const labels = internalDomains.map((d) => organisationOf(d).split(".")[0]).filter((l) => l.length >= 3);
  const domains = new Set<string>();
  for (const m of bodyText.matchAll(FORWARDED_BY)) {
    const parts = m[1].split("/").filter(Boolean);
    domains.add((m[2] ?? parts[parts.length - 1]).toLowerCase());
  }
  return { labels, domains };
}

/**
 * Sorts each quoted segment's directory names into colleagues (kept in `directoryNames`, as
 * person names) and others (moved to `participantNames`, to be judged like any bare name).
 */
export function resolveDirectoryNames(segments: Segment[], bodyText: string, internalDomains: readonly string[]): void {
  if (!segments.some((s) => s.directoryNames?.length)) return;
  const own = ownDirectoryDomains(bodyText, internalDomains);
  const isOurs = (domain: string) => own.domains.has(domain) || own.labels.some((label) => domain.startsWith(label));
  for (const segment of segments) {
    if (!segment.directoryNames?.length) continue;
    const ours: string[] = [];
    const others: string[] = [];
    for (const written of segment.directoryNames) {
      const domain = directoryDomainOf(written);
      (domain === null || isOurs(domain) ? ours : others).push(directoryPersonName(written));
    }
    segment.directoryNames = ours;
    if (others.length) segment.participantNames = [...(segment.participantNames ?? []), ...others];
  }
}
