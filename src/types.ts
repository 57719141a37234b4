/**
 * The model every part of draftlint shares: what a message is, who reads it, what a rule is and
 * what it reports. Defined once here and exported to library users from `index.ts`.
 */

export type Field = "to" | "cc" | "bcc";
export type Audience = "internal" | "external" | "unknown";
export type Severity = "off" | "info" | "warn" | "error";
export type ReportedSeverity = Exclude<Severity, "off">;

export interface Recipient {
  field: Field;
  /** Local part as written, domain lower-cased and shown in Unicode. */
  address: string;
  /** The ASCII (punycode) form of the address when the domain is an IDN, else the same. */
  asciiAddress: string;
  /** Decoded display name, "" when there is none. */
  name: string;
  /** Unicode domain, lower-cased. */
  domain: string;
  /** Registrable domain (public-suffix aware): mail.acme.co.uk → acme.co.uk. */
  organisation: string;
  external: boolean;
  /** Known partner (`trustedDomains`): external, but raises no `external-recipient`. */
  trusted: boolean;
  /** A free-mail provider's domain (gmail.com, outlook.com, …). */
  freemail: boolean;
}

/** One mailbox as written in a header, before it is classified. */
export interface Mailbox {
  name: string;
  address: string;
}

export type SegmentKind = "new" | "quoted" | "signature";

/** A run of body text with one role. `start`/`end` are offsets into `Body.text`. */
export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
  /**
   * For quoted segments: the participants of the quoted message, as far as the attribution line
   * ("On …, X wrote:") or the forwarded headers (From/To/Cc) tell.
   */
  participants?: Mailbox[];
  /** Participants named without an address (Outlook's "From: Karen Smith"). */
  participantNames?: string[];
  /**
   * Participants named in the organisation's own mail directory rather than by an Internet
   * address (Lotus Notes "Karen Smith/HOU/ECT@ECT", "Karen Smith@ACME"; Exchange "/O=ACME/…"):
   * only the organisation's own mail system routes such names, so they are colleagues.
   */
  directoryNames?: string[];
  /** For quoted segments: whether every participant was found to be internal. */
  internalOnly?: boolean;
  /** True for a forwarded message block, false for a reply quote. */
  forwarded?: boolean;
}

export interface Body {
  /** The text the recipient reads (HTML converted to text), with \n line ends. */
  text: string;
  segments: Segment[];
  /** Offset in `text` of the start of each line (index 0 is line 1). */
  lineStarts: number[];
  /**
   * For each body line (index 0 is line 1), the line of the source file where it appears
   * literally, or the line where its MIME part starts when it is encoded (base64, QP, HTML).
   */
  fileLines: number[];
}

export interface Attachment {
  name: string;
  contentType: string;
  size: number;
}

export interface Message {
  /** Name used in reports. */
  file: string;
  /** "eml" for a real message with headers; "text" for a bare body. */
  kind: "eml" | "text";
  /** Decoded headers, lower-cased names; repeated headers keep every value. */
  headers: Record<string, string[]>;
  subject: string | null;
  from: Mailbox | null;
  replyTo: Mailbox[];
  recipients: Recipient[];
  audience: Audience;
  body: Body;
  attachments: Attachment[];
  /** The domains this message counts as internal (config, or derived from the sender). */
  internalDomains: string[];
  /**
   * Set when the body was longer than draftlint lints (BODY_TEXT_CAP): only the first
   * `lintedChars` were linted. `totalChars` is NaN when the rest was not read.
   */
  bodyTruncated?: { lintedChars: number; totalChars: number };
}

export type Section = "header" | "subject" | "body" | "quoted" | "attachment";

export interface Location {
  section: Section;
  header?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fileLine?: number;
}

export interface Finding {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  excerpt: string | null;
  /** Names the rule's message (stable: tests assert on it; the wording may change). */
  messageId: string;
  target: string | null;
  /** The words the decision rests on; empty for rules that judge no words (recipients). */
  evidence: string[];
  readers: string[];
  location: Location;
  suggestion: string | null;
}

export interface FileError {
  code: string;
  message: string;
}

export interface RecipientReport {
  field: Field;
  address: string;
  name: string;
  domain: string;
  organisation: string;
  external: boolean;
}

/** One file's result: the per-file object of the JSON format (SPEC §6). */
export interface FileResult {
  file: string;
  audience: Audience;
  recipients: RecipientReport[];
  findings: Finding[];
  error: FileError | null;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fileErrors: number;
}

export interface Report {
  version: 1;
  files: FileResult[];
  summary: Summary;
}
