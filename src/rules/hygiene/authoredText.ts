/**
 * Which parts of a body the sender wrote. Rules that judge the sender's own words read the `new`
 * segments; a signature is also the sender's (a "[Your Name]" or an intranet link there reaches
 * the reader all the same), while quoted text is someone else's and is left alone.
 */
import type { Message, Segment } from "../../types.js";

export function newSegments(message: Message): Segment[] {
  return message.body.segments.filter((s) => s.kind === "new");
}

export function authoredSegments(message: Message): Segment[] {
  return message.body.segments.filter((s) => s.kind === "new" || s.kind === "signature");
}

/** Every recipient address that is external: who reads what the rule reports. */
export function externalReaders(message: Message): string[] {
  return message.recipients.filter((r) => r.external).map((r) => r.address);
}
