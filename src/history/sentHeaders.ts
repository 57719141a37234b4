/**
 * What `learn` reads of a sent message: its address headers, date and Message-ID, from the header
 * block alone. The body is never read (nor kept), which is what makes 100,000 messages take
 * seconds: the linter's full MIME parse is for drafts.
 */
import { parseMailboxes } from "../message/addresses.js";
import { digestOf, type LearntMessage } from "./historyBuilder.js";

/** A header block larger than this is not a sent message's; the rest of it is not read. */
export const HEADER_CAP = 256 << 10;

/** Where the header block ends: the first empty line (LF or CRLF), or the whole buffer. */
export function headerEnd(buf: Buffer): number {
  const lf = buf.indexOf("\n\n");
  const crlf = buf.indexOf("\r\n\r\n");
  const ends = [lf === -1 ? -1 : lf + 1, crlf === -1 ? -1 : crlf + 2].filter((n) => n >= 0);
  return ends.length ? Math.min(...ends) : Math.min(buf.length, HEADER_CAP);
}

const WANTED = new Set(["from", "to", "cc", "bcc", "date", "message-id"]);

/** The fields learn needs, unfolded (RFC 5322 §2.2.3), the last of each kept but To/Cc/Bcc joined. */
function fields(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!WANTED.has(name)) continue;
    const value = line.slice(colon + 1).trim();
    out.set(name, ["to", "cc", "bcc"].includes(name) && out.has(name) ? `${out.get(name)}, ${value}` : value);
  }
  return out;
}

/** One sent message from its bytes (the header block is enough; more is ignored), or null when it has no recipients. */
export function readSentHeaders(buf: Buffer): LearntMessage | null {
  const end = Math.min(headerEnd(buf), HEADER_CAP);
  const block = buf.subarray(0, end).toString("utf8");
  const f = fields(block);
  const recipients = ["to", "cc", "bcc"].flatMap((name) => (f.has(name) ? parseMailboxes(f.get(name)!) : []));
  if (!recipients.length) return null;
  const from = f.has("from") ? parseMailboxes(f.get("from")!)[0]?.address ?? null : null;
  const date = f.has("date") ? Date.parse(f.get("date")!.replace(/\s*\([^)]*\)\s*$/, "")) : NaN;
  const id = f.get("message-id")?.trim();
  return {
    from,
    recipients: recipients.map((m) => ({ address: m.address, name: m.name })),
    date: Number.isFinite(date) ? date : null,
    // Without a Message-ID, the header block itself names the message.
    digest: digestOf(id ? `id:${id}` : `h:${block}`),
  };
}
