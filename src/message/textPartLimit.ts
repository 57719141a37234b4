/**
 * A bound on each text part of a MIME message before mailparser sees it. mailparser gathers a
 * text part whole and turns it into one string: a 150 MB body cost 1.15 GB, and past 512 MB the
 * string cannot be made at all (ERR_STRING_TOO_LONG, thrown where nothing can catch it). Only
 * the first megabyte of text is ever linted (BODY_TEXT_CAP), so the lines of an inline text part
 * past `limit` bytes are left out of the copy mailparser parses, and `truncated` says so; the
 * file itself is only read. Attachments, boundaries and headers pass through unchanged, so the
 * structure, the attachment list and the line numbers before the cut stay what they were.
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
}

/** What a part's header block says about it: inline text, and the boundary of a multipart. */
function partType(headerBlock: string): PartType {
  const unfolded = headerBlock.replace(/\r?\n[ \t]+/g, " ");
  const contentType = /^content-type:\s*([^\r\n]*)/im.exec(unfolded)?.[1] ?? "text/plain";
  const disposition = /^content-disposition:\s*([^;\s\r\n]*)/im.exec(unfolded)?.[1]?.toLowerCase() ?? "";
  const mime = contentType.split(";")[0].trim().toLowerCase();
  const boundary = mime.startsWith("multipart/") ? (/boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)?.slice(1).find(Boolean) ?? null) : null;
  return { text: (mime.startsWith("text/") || mime === "") && disposition !== "attachment", boundary };
}

export class TextPartLimiter extends Transform {
  /** Whether any text was left out. */
  truncated = false;
  private readonly boundaries: string[] = [];
  private inHeaders = true;
  private header = "";
  private part: PartType = { text: false, boundary: null };
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
    done();
  }

  /** Part of the current line; `complete` when it ends the line. */
  private follow(bytes: Buffer, complete: boolean): void {
    this.lineLength += bytes.length;
    if (this.decided === "pass") this.push(bytes);
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
      this.push(Buffer.concat(this.head));
      const index = this.boundaries.lastIndexOf(boundary.name);
      if (boundary.closing) {
        // The text after a closing boundary is the epilogue of that multipart: not read as text.
        this.boundaries.length = index;
        this.part = { text: false, boundary: null };
      } else {
        this.boundaries.length = index + 1;
        this.inHeaders = true;
        this.header = "";
      }
      this.decided = "pass";
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
