/**
 * What the history pack's rules share: the organisation a recipient counts under (as the index
 * files it: historyModel.ts), and who was already in the quoted thread.
 */
import type { Message, Recipient } from "../../types.js";

/** A free-mail address is its own organisation, as `learn` filed it. */
export function organisationKeyOf(r: Pick<Recipient, "freemail" | "address" | "organisation">): string {
  return r.freemail ? r.address.toLowerCase() : r.organisation;
}

/** Addresses in the quoted thread: people who wrote, or were written to, before this draft. */
export function threadAddresses(message: Message): Set<string> {
  const out = new Set<string>();
  for (const segment of message.body.segments) for (const p of segment.participants ?? []) out.add(p.address.toLowerCase());
  return out;
}

/** The outsiders a history rule asks about: external, and not a partner the config trusts. */
export function outsiders(message: Message): Recipient[] {
  return message.recipients.filter((r) => r.external && !r.trusted);
}

/**
 * "once", "twice", "1,234 times". Grouped by hand: the first toLocaleString() of a process loads
 * the locale data, 28 ms of a cold start (a third of what a new outsider cost).
 */
export function timesText(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} times`;
}
