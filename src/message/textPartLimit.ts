/**
 * A bound on each text part of a MIME message before mailparser sees it. mailparser gathers a
 * text part whole and turns it into one string: a 150 MB body cost 1.15 GB, and past 512 MB the
 * string cannot be made at all (ERR_STRING_TOO_LONG, thrown where nothing can catch it). Only
 * the first megabyte of text is ever linted (BODY_TEXT_CAP), so the lines of an inline text part
 * past `limit` bytes are left out of the copy mailparser parses, and `truncated` says so; the
 * file itself is only read. Attachments, boundaries and headers pass through unchanged, so the
 * structure, the attachment list and the line numbers before the cut stay what they were.
 *
 * An attachment's content is left out too (a 100 MB file attached made 170 MB of buffers, decoded
 * and counted by mailparser, that the garbage collector let pile up past the 200 MB budget):
 * mailparser gets one line in its place, `ATTACHMENT_SIZE` and the size counted here, which
 * parseEml reads back as the attachment's size. The part and its headers still reach mailparser,
 * so the attachment list is the same, in the same order.
 *
 * Lines are followed without being held whole: a boundary line (RFC 2046 §5.1.1: "--" boundary,
 * at most 70 characters, optionally "--" and whitespace after) is recognised from its first
 * bytes, so a 100 MB line costs no more memory than a short one.
 */
import { Transform, type TransformCallback } from "node:stream";

/** Enough of a line's start to recognise any boundary line. */
const LINE_HEAD = 128;
/** A header block is small (mailsplit refuses one over 1 MB); more is not read for its type. */
const HEADER_BLOCK_CAP = 256 * 1024;

interface PartType {
  text: boolean;
  boundary: string | null;
  /** An attachment whose content mailparser need not see: not text, multipart or a message. */
  skipped: boolean;
  base64: boolean;
}

/** The line that stands for an attachment's content; parseEml reads the size back from it. */
export const ATTACHMENT_SIZE = "draftlint-attachment-size:";

/** What a part's header block says about it: inline text, and the boundary of a multipart. */
function partType(headerBlock: string): PartType {
  const unfolded = headerBlock.replace(/\r?\n[ \t]+/g, " ");
  const contentType = /^content-type:\s*([^\r\n]*)/im.exec(unfolded)?.[1] ?? "text/plain";
  const disposition = /^content-disposition:\s*([^;\s\r\n]*)/im.exec(unfolded)?.[1]?.toLowerCase() ?? "";
  const mime = contentType.split(";")[0].trim().toLowerCase();
  const boundary = mime.startsWith("multipart/") ? (/boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)?.slice(1).find(Boolean) ?? null) : null;
  const text = (mime.startsWith("text/") || mime === "") && disposition !== "attachment";
  const encoding = /^content-transfer-encoding:\s*([^\s;]*)/im.exec(unfolded)?.[1]?.toLowerCase() ?? "";
  return { text, boundary, skipped: !text && !boundary && !mime.startsWith("multipart/") && !mime.startsWith("message/"), base64: encoding === "base64" };
}

export class TextPartLimiter extends Transform {
  /** Whether any text was left out. */
  truncated = false;
  private readonly boundaries: string[] = [];
  private inHeaders = true;
  private header = "";
  private part: PartType = { text: false, boundary: null, skipped: false, base64: false };
  /** The left-out content of the current attachment: bytes, or base64 characters and their '=' padding. */
  private skippedBytes = 0;
  private skippedPadding = 0;
  private lastBreak = 0;
  private partBytes = 0;
  /** The current line: its first bytes (held until the line is known not to be a boundary). */
  private head: Buffer[] = [];
  private headLength = 0;
  private lineLength = 0;
  /** For the rest of a long body line: pass it on, or leave it out. */
  private decided: "pass" | "drop" | null = null;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(0x0a, pos);
      const end = nl === -1 ? chunk.length : nl + 1;
      this.follow(chunk.subarray(pos, end), nl !== -1);
      pos = end;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.lineLength) this.endLine();
    this.endSkipped();
    done();
  }

  /** Part of the current line; `complete` when it ends the line. */
  private follow(bytes: Buffer, complete: boolean): void {
    this.lineLength += bytes.length;
    if (this.decided === "pass") this.push(bytes);
    else if (this.decided === "drop") this.countSkipped(bytes);
    else if (this.decided === null) {
      this.head.push(bytes);
      this.headLength += bytes.length;
      if (!complete && !this.inHeaders && this.headLength >= LINE_HEAD) this.decide(false);
      else if (!complete && this.inHeaders && this.headLength >= HEADER_BLOCK_CAP) {
        // A header line this long is not one to read a type from: passed on as it comes.
        this.push(Buffer.concat(this.head));
        this.head = [];
        this.headLength = 0;
        this.decided = "pass";
      }
    }
    if (complete) this.endLine();
  }

  /** A body line, once its start is known: a boundary, or content of the current part. */
  private decide(complete: boolean): void {
    const line = Buffer.concat(this.head).toString("latin1");
    const boundary = complete ? this.boundaryOf(line) : null;
    if (boundary) {
      this.endSkipped();
      this.push(Buffer.concat(this.head));
      const index = this.boundaries.lastIndexOf(boundary.name);
      if (boundary.closing) {
        // The text after a closing boundary is the epilogue of that multipart: not read as text.
        this.boundaries.length = index;
        this.part = { text: false, boundary: null, skipped: false, base64: false };
      } else {
        this.boundaries.length = index + 1;
        this.inHeaders = true;
        this.header = "";
      }
      this.decided = "pass";
    } else if (this.part.skipped) {
      this.decided = "drop";
      this.head.forEach((bytes) => this.countSkipped(bytes));
    } else {
      const keep = !this.part.text || this.partBytes < this.limit;
      if (!keep) this.truncated = true;
      this.decided = keep ? "pass" : "drop";
      if (keep) this.push(Buffer.concat(this.head));
    }
    this.head = [];
    this.headLength = 0;
  }

  private endLine(): void {
    if (this.inHeaders) {
      const line = Buffer.concat(this.head);
      if (line.length) this.push(line);
      if (this.decided === null) {
        if (this.header.length < HEADER_BLOCK_CAP) this.header += line.toString("latin1");
        if (/^\r?\n$/.test(line.toString("latin1"))) this.startBody();
      }
      this.head = [];
      this.headLength = 0;
    } else {
      if (this.decided === null) this.decide(true);
      if (this.part.text) this.partBytes += this.lineLength;
    }
    this.lineLength = 0;
    this.decided = null;
  }

  private startBody(): void {
    this.inHeaders = false;
    this.part = partType(this.header);
    if (this.part.boundary) this.boundaries.push(this.part.boundary);
    this.partBytes = 0;
    this.skippedBytes = 0;
    this.skippedPadding = 0;
  }

  private countSkipped(bytes: Buffer): void {
    if (!this.part.base64) {
      this.skippedBytes += bytes.length;
      const n = bytes.length;
      if (n) this.lastBreak = bytes[n - 1] !== 0x0a ? 0 : n > 1 && bytes[n - 2] === 0x0d ? 2 : 1;
      return;
    }
    for (const byte of bytes) {
      if (byte > 0x20) this.skippedBytes++;
      if (byte === 0x3d) this.skippedPadding++;
    }
  }

  /** At the end of an attachment's content: the line that stands for it, with its decoded size. */
  private endSkipped(): void {
    if (!this.part.skipped || this.inHeaders) return;
    // The line break before a boundary belongs to the boundary (RFC 2046 §5.1.1).
    const size = this.part.base64 ? Math.floor(((this.skippedBytes - this.skippedPadding) * 3) / 4) : Math.max(0, this.skippedBytes - this.lastBreak);
    const line = `${ATTACHMENT_SIZE}${size}`;
    this.push(Buffer.from(`${this.part.base64 ? Buffer.from(line).toString("base64") : line}\r\n`, "latin1"));
    this.skippedBytes = 0;
    this.skippedPadding = 0;
  }

  private boundaryOf(line: string): { name: string; closing: boolean } | null {
    if (!line.startsWith("--")) return null;
    const body = line.replace(/[ \t\r\n]+$/, "");
    for (let i = this.boundaries.length - 1; i >= 0; i--) {
      const name = this.boundaries[i];
      if (body === `--${name}`) return { name, closing: false };
      if (body === `--${name}--`) return { name, closing: true };
    }
    return null;
  }
}
