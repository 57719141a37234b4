/**
 * Outlook `.msg` files (MS-OXMSG: a compound file of MAPI properties) read with
 * @kenjiuno/msgreader into the same `Message` every rule reads: recipients by their MAPI
 * recipient type (To, Cc, Bcc), the plain body (or the HTML body as text), and attachments by
 * name, type and size.
 *
 * A .msg has no text lines of its own to point at, so body positions are body lines.
 */
import { htmlAsText } from "./htmlText.js";
import type { Attachment, Field, Mailbox, Message } from "../types.js";
import { buildBody } from "./body.js";
import { MalformedMessageError } from "./parseEml.js";
import type { AudienceSettings } from "../audience/classifyRecipient.js";
import { assembleMessage } from "./assembleMessage.js";
import { checkCompoundFile } from "./compoundFile.js";

/** The compound file signature (MS-CFB §2.2) every .msg starts with. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A `.msg` by name, or any compound file given as a draft (from stdin, say). */
export function isMsgFile(file: string, source: Buffer): boolean {
  return /\.msg$/i.test(file) || (source.length >= 8 && source.subarray(0, 8).equals(CFB_SIGNATURE));
}

/** The fields of msgreader's `FieldsData` that draftlint reads. */
interface MsgFields {
  error?: string;
  messageClass?: string;
  subject?: string;
  senderName?: string;
  senderEmail?: string;
  senderSmtpAddress?: string;
  senderAddressType?: string;
  body?: string;
  bodyHtml?: string;
  html?: Uint8Array;
  headers?: string;
  recipients?: Array<{ name?: string; email?: string; smtpAddress?: string; addressType?: string; recipType?: string }>;
  attachments?: Array<{
    fileName?: string;
    fileNameShort?: string;
    name?: string;
    contentLength?: number;
    attachMimeTag?: string;
    attachmentHidden?: boolean;
    innerMsgContent?: true;
    innerMsgContentFields?: MsgFields;
  }>;
}

type MsgReaderClass = new (buffer: ArrayBuffer) => { getFileData(): unknown };

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const list = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : [];

/**
 * msgreader's fields as the types the rules expect: a damaged property stream can give a number
 * or an object where a string belongs, and a rule calling `.toLowerCase()` on it would crash the
 * lint instead of reporting the file.
 */
function sanitiseFields(raw: unknown, depth = 0): MsgFields {
  const f = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    error: text(f.error),
    messageClass: text(f.messageClass),
    subject: text(f.subject),
    senderName: text(f.senderName),
    senderEmail: text(f.senderEmail),
    senderSmtpAddress: text(f.senderSmtpAddress),
    senderAddressType: text(f.senderAddressType),
    body: text(f.body),
    bodyHtml: text(f.bodyHtml),
    html: f.html instanceof Uint8Array ? f.html : undefined,
    headers: text(f.headers),
    recipients: list(f.recipients).map((r) => ({
      name: text(r.name),
      email: text(r.email),
      smtpAddress: text(r.smtpAddress),
      addressType: text(r.addressType),
      recipType: text(r.recipType),
    })),
    attachments: list(f.attachments).map((a) => ({
      fileName: text(a.fileName),
      fileNameShort: text(a.fileNameShort),
      name: text(a.name),
      contentLength: typeof a.contentLength === "number" && Number.isFinite(a.contentLength) ? a.contentLength : undefined,
      attachMimeTag: text(a.attachMimeTag),
      attachmentHidden: a.attachmentHidden === true,
      innerMsgContent: a.innerMsgContent === true ? true : undefined,
      // An embedded message is read for its subject only; its own attachments are not followed.
      innerMsgContentFields: depth < 1 && a.innerMsgContentFields ? sanitiseFields(a.innerMsgContentFields, depth + 1) : undefined,
    })),
  };
}

let reader: MsgReaderClass | undefined;

/** msgreader loads on first use: most runs never see a .msg. */
async function msgReader(): Promise<MsgReaderClass> {
  if (!reader) {
    const mod: any = await import("@kenjiuno/msgreader");
    // CommonJS with `exports.default`: the class sits one or two `default`s deep depending on
    // who does the interop (Node, esbuild).
    reader = (mod.default?.default ?? mod.default ?? mod) as MsgReaderClass;
  }
  return reader;
}

/**
 * An Exchange (`EX`) address is an X.500 DN, not an email address; Outlook also stores the SMTP
 * form (PR_SMTP_ADDRESS) when it knows it.
 */
function smtpAddressOf(entry: { email?: string; smtpAddress?: string; addressType?: string }): string {
  if (entry.smtpAddress && entry.smtpAddress.includes("@")) return entry.smtpAddress;
  if (entry.email && entry.email.includes("@")) return entry.email;
  return "";
}

/** Outlook writes a bare address as its own display name, sometimes in quotes ('a@b.com'). */
function displayName(name: string | undefined, address: string): string {
  const cleaned = (name ?? "").replace(/^(['"])(.*)\1$/, "$2").replace(/\s+/g, " ").trim();
  return cleaned.toLowerCase() === address.toLowerCase() ? "" : cleaned;
}

const RECIP_FIELDS: Record<string, Field> = { to: "to", cc: "cc", bcc: "bcc" };

/** Transport headers (present on received or re-saved mail), unfolded, names lower-cased. */
function parseTransportHeaders(text: string | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!text) return out;
  for (const line of text.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m) (out[m[1].toLowerCase()] ??= []).push(m[2]);
  }
  return out;
}

function formatMailbox(box: Mailbox): string {
  return box.name ? `${box.name} <${box.address}>` : box.address;
}

function bodyText(fields: MsgFields): string {
  if (fields.body && fields.body.trim()) return fields.body;
  const html = fields.bodyHtml ?? (fields.html ? Buffer.from(fields.html).toString("utf8") : "");
  return html ? htmlAsText(html) : "";
}

function attachmentsOf(fields: MsgFields): Attachment[] {
  // Hidden attachments are the images an HTML body shows inline: the reader does not see them
  // as attachments, so they do not count for "I have attached…".
  return (fields.attachments ?? [])
    .filter((a) => !a.attachmentHidden)
    .map((a) => ({
      name: a.fileName ?? a.fileNameShort ?? a.name ?? a.innerMsgContentFields?.subject ?? "",
      contentType: a.innerMsgContent ? "application/vnd.ms-outlook" : (a.attachMimeTag ?? "application/octet-stream"),
      size: a.contentLength ?? 0,
    }));
}

/**
 * The bytes msgreader may read: exactly the ones given. Its DataView spans the whole ArrayBuffer
 * under a view, so a Buffer from Node's pool (stdin's Buffer.concat, a small readFile) or a
 * caller's slice of a larger buffer let it read, and report, recipients stored past the end.
 */
function ownBytes(source: Uint8Array): ArrayBuffer {
  if (source.byteOffset === 0 && source.byteLength === source.buffer.byteLength && source.buffer instanceof ArrayBuffer) return source.buffer;
  const copy = new Uint8Array(source.byteLength);
  copy.set(source);
  return copy.buffer;
}

export async function readMsg(source: Buffer, file: string, settings: AudienceSettings): Promise<Message> {
  const Reader = await msgReader();
  const bytes = ownBytes(source);
  // Loops, out-of-file links and impossible sizes are caught here, before msgreader follows them.
  checkCompoundFile(new Uint8Array(bytes));
  let fields: MsgFields;
  try {
    fields = sanitiseFields(new Reader(bytes).getFileData());
  } catch (err) {
    // msgreader's own messages ("Cannot read properties of undefined") say nothing to a user.
    if (process.env.DEBUG?.includes("draftlint")) console.error(err);
    throw new MalformedMessageError("not a readable Outlook .msg file (its property streams are damaged)");
  }
  if (fields.error) throw new MalformedMessageError(`not a readable Outlook .msg file (${fields.error})`);
  // Every Outlook item has a message class (PR_MESSAGE_CLASS); a truncated file or another kind
  // of compound file (a .doc renamed) reads as an empty object without one.
  if (!fields.messageClass) throw new MalformedMessageError("not a readable Outlook .msg file (no message class: truncated, or not an Outlook item)");

  const senderAddress = smtpAddressOf({ email: fields.senderEmail, smtpAddress: fields.senderSmtpAddress, addressType: fields.senderAddressType });
  const from: Mailbox | null = senderAddress ? { name: displayName(fields.senderName, senderAddress), address: senderAddress } : null;

  const boxes: Array<[Field, Mailbox]> = [];
  for (const entry of fields.recipients ?? []) {
    const address = smtpAddressOf(entry);
    const field = RECIP_FIELDS[(entry.recipType ?? "to").toLowerCase()];
    if (!address || !field) continue;
    boxes.push([field, { name: displayName(entry.name, address), address }]);
  }

  const headers = parseTransportHeaders(fields.headers);
  const subject = fields.subject ?? null;
  if (subject !== null) headers.subject = [subject];
  if (from) headers.from = [formatMailbox(from)];
  for (const field of ["to", "cc", "bcc"] as const) {
    const list = boxes.filter(([f]) => f === field).map(([, box]) => formatMailbox(box));
    if (list.length) headers[field] = [list.join(", ")];
  }

  return assembleMessage(
    { file, headers, subject, from, replyTo: [], mailboxes: boxes, body: buildBody(bodyText(fields)), attachments: attachmentsOf(fields) },
    settings,
  );
}
