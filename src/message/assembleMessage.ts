/**
 * The last step of reading any email format (.eml, .msg): classify every recipient, mark which
 * quoted segments were among colleagues only, and put the `Message` together.
 */
import type { Attachment, Body, Field, Mailbox, Message, Recipient } from "../types.js";
import { audienceOf, classifyRecipient, isInternalAddress, resolveInsiders, type AudienceSettings } from "../audience/classifyRecipient.js";
import { resolveDirectoryNames } from "../audience/directoryNames.js";

export interface MessageParts {
  file: string;
  headers: Record<string, string[]>;
  subject: string | null;
  from: Mailbox | null;
  replyTo: Mailbox[];
  mailboxes: Array<[Field, Mailbox]>;
  body: Body;
  attachments: Attachment[];
  bodyTruncated?: Message["bodyTruncated"];
}

export function assembleMessage(parts: MessageParts, settings: AudienceSettings): Message {
  const insiders = resolveInsiders(parts.from, settings);
  // Pushed, not map()ped: map() left some arrays holey and others packed (as its fast path
  // held or not), so every reader of message.recipients met up to four array shapes and was
  // deoptimised and compiled again for each (targetContext, lintMessage, analyseMessage…).
  const recipients: Recipient[] = [];
  for (const [field, box] of parts.mailboxes) recipients.push(classifyRecipient(box, field, insiders, settings));
  // Outlook writes names without addresses ("From: Karen Smith"): such a name is internal when the
  // sender or an internal recipient of this message bears it ("Smith, Karen" alike).
  const nameKey = (name: string) => name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean).sort().join(" ");
  const insiderNames = new Set([parts.from, ...recipients.filter((r) => !r.external)].flatMap((m) => (m?.name ? [nameKey(m.name)] : [])));
  resolveDirectoryNames(parts.body.segments, parts.body.text, insiders.domains);
  for (const segment of parts.body.segments) {
    if (segment.kind !== "quoted") continue;
    const people = segment.participants ?? [];
    const names = segment.participantNames ?? [];
    // Directory names (Notes "Karen Smith/HOU/ACME@ACME") are colleagues by construction.
    const directory = segment.directoryNames ?? [];
    segment.internalOnly =
      people.length + names.length + directory.length > 0 &&
      names.every((n) => insiderNames.has(nameKey(n))) &&
      people.every((p) => isInternalAddress(p.address, insiders));
  }
  return {
    file: parts.file,
    kind: "eml",
    headers: parts.headers,
    subject: parts.subject,
    from: parts.from,
    replyTo: parts.replyTo,
    recipients,
    audience: audienceOf(recipients),
    body: parts.body,
    attachments: parts.attachments,
    internalDomains: insiders.domains,
    ...(parts.bodyTruncated ? { bodyTruncated: parts.bodyTruncated } : {}),
  };
}
