/**
 * A file read a page at a time, as a binary search needs it: a lookup in a 100,000-message
 * history touches some twenty 4 KB pages instead of reading 2.6 MB (NOTES-issue15.md: reading
 * the whole index was most of what consulting it cost a cold start).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const PAGE = 4096;

/** Bytes by position: a file read in pages, or a buffer already in memory. */
export interface Bytes {
  readonly length: number;
  at(i: number): number;
  indexOf(byte: number, from: number, limit: number): number;
  slice(start: number, end: number): Buffer;
}

export function bufferBytes(buf: Buffer): Bytes {
  return {
    length: buf.length,
    at: (i) => buf[i],
    indexOf: (byte, from, limit) => {
      const found = buf.indexOf(byte, from);
      return found === -1 || found >= limit ? -1 : found;
    },
    slice: (start, end) => buf.subarray(start, end),
  };
}

export class PagedFile implements Bytes {
  readonly length: number;
  private readonly pages = new Map<number, Buffer>();

  constructor(private readonly fd: number) {
    this.length = fstatSync(fd).size;
  }

  static open(path: string): PagedFile {
    return new PagedFile(openSync(path, "r"));
  }

  close(): void {
    closeSync(this.fd);
  }

  private page(n: number): Buffer {
    let page = this.pages.get(n);
    if (!page) {
      page = Buffer.alloc(Math.max(0, Math.min(PAGE, this.length - n * PAGE)));
      readSync(this.fd, page, 0, page.length, n * PAGE);
      this.pages.set(n, page);
    }
    return page;
  }

  at(i: number): number {
    return this.page(Math.floor(i / PAGE))[i % PAGE];
  }

  indexOf(byte: number, from: number, limit: number): number {
    for (let at = from; at < limit; ) {
      const n = Math.floor(at / PAGE);
      const page = this.page(n);
      const found = page.indexOf(byte, at - n * PAGE);
      if (found !== -1 && n * PAGE + found < limit) return n * PAGE + found;
      if (found !== -1) return -1;
      at = (n + 1) * PAGE;
    }
    return -1;
  }

  slice(start: number, end: number): Buffer {
    const n = Math.floor(start / PAGE);
    if (Math.floor((end - 1) / PAGE) === n) return this.page(n).subarray(start - n * PAGE, end - n * PAGE);
    // A whole table (the scan for look-alikes) is read in one go, not page by page.
    const out = Buffer.alloc(end - start);
    readSync(this.fd, out, 0, out.length, start);
    return out;
  }
}
