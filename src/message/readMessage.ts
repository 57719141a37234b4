/**
 * From bytes to a `Message`: decide whether the input is an email or a bare body, parse it, and
 * classify every recipient. The one place where input becomes the model the rules read.
 */
import { htmlToText } from "html-to-text";
import type { Field, Mailbox, Message, Recipient } from "../types.js";
import { buildBody } from "./body.js";
import { MalformedMessageError, parseEml } from "./parseEml.js";
import {
  audienceOf,
  classifyRecipient,
  isInternalAddress,
  resolveInsiders,
  type AudienceSettings,
} from "../audience/classifyRecipient.js";

export type InputMode = "auto" | "eml" | "text";

export class NotTextError extends Error {
  code = "binary-input";
}

const EML_EXTENSIONS = /\.(eml|msg822)$/i;
const HTML_EXTENSIONS = /\.(html?|mjml)$/i;
/** Template files are HTML as often as not; read them as HTML when they hold markup. */
const TEMPLATE_EXTENSIONS = /\.(hbs|handlebars|mustache|liquid|njk|jinja2?|twig)$/i;
const MARKUP = /<(?:html|body|p|div|table|br|span|a|h[1-6])\b[^>]*>/i;

/** RFC 5322 §2.2: a header field is a name of printable ASCII but colon, then ':'. */
const HEADER_FIELD = /^[!-9;-~]+:/;

/** `auto` reads a file as email when it is `.eml`, or begins with header lines and a blank line. */
export function looksLikeEml(file: string, source: Buffer): boolean {
  if (EML_EXTENSIONS.test(file)) return true;
  const head = source.subarray(0, 64 * 1024).toString("latin1").replace(/^\uFEFF/, "");
  const lines = head.split(/\r?\n/);
  if (!HEADER_FIELD.test(lines[0] ?? "")) return false;
  for (const line of lines.slice(1)) {
    if (line === "") return true;
    if (!HEADER_FIELD.test(line) && !/^[ \t]/.test(line)) return false;
  }
  return false;
}

/** NUL bytes or mostly control characters: not something a person would send as text. */
function looksBinary(source: Buffer): boolean {
  const sample = source.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) control++;
  }
  return control / sample.length > 0.1;
}

export async function readMessage(
  source: Buffer,
  file: string,
  mode: InputMode,
  settings: AudienceSettings,
): Promise<Message> {
  if (looksBinary(source)) throw new NotTextError("binary data, not an email or a text draft");
  const asEml = mode === "eml" || (mode === "auto" && looksLikeEml(file, source));
  return asEml ? readEml(source, file, settings) : readText(source, file);
}

function readText(source: Buffer, file: string): Message {
  const raw = source.toString("utf8").replace(/^\uFEFF/, "");
  const isHtml = HTML_EXTENSIONS.test(file) || (TEMPLATE_EXTENSIONS.test(file) && MARKUP.test(raw));
  const text = isHtml ? htmlToText(raw, { wordwrap: false }) : raw;
  return {
    file,
    kind: "text",
    headers: {},
    subject: null,
    from: null,
    replyTo: [],
    recipients: [],
    audience: "unknown",
    // Converted HTML keeps source lines only where text stands literally in the file.
    body: isHtml ? buildBody(text, { text: raw, bodyStartLine: 1 }) : buildBody(text),
    attachments: [],
    internalDomains: [],
  };
}

async function readEml(source: Buffer, file: string, settings: AudienceSettings): Promise<Message> {
  const head = source.subarray(0, 4096).toString("latin1").replace(/^\uFEFF/, "");
  if (!HEADER_FIELD.test(head) && !/^From /.test(head)) {
    throw new MalformedMessageError("no RFC 5322 header block at the start of the file");
  }
  const parsed = await parseEml(source);
  const insiders = resolveInsiders(parsed.from, settings);
  const fields: Array<[Field, Mailbox[]]> = [
    ["to", parsed.to],
    ["cc", parsed.cc],
    ["bcc", parsed.bcc],
  ];
  const recipients: Recipient[] = fields.flatMap(([field, boxes]) =>
    boxes.map((box) => classifyRecipient(box, field, insiders, settings)),
  );
  const body = buildBody(parsed.text, {
    text: source.toString("latin1"),
    bodyStartLine: parsed.bodyStartLine,
    fallbackLine: parsed.textPartLine,
  });
  for (const segment of body.segments) {
    if (segment.kind !== "quoted") continue;
    const people = segment.participants ?? [];
    segment.internalOnly =
      people.length > 0 &&
      !(segment.participantNames?.length) &&
      people.every((p) => isInternalAddress(p.address, insiders));
  }
  return {
    file,
    kind: "eml",
    headers: parsed.headers,
    subject: parsed.subject,
    from: parsed.from,
    replyTo: parsed.replyTo,
    recipients,
    audience: audienceOf(recipients),
    body,
    attachments: parsed.attachments,
    internalDomains: insiders.domains,
  };
}
