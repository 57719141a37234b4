/**
 * A message of an mbox archive too large to hold (SPEC §8: a 1 GB mbox in 200 MB), written to a
 * private file as it is read, so it can be linted by streaming like any large draft. An archive
 * with one 200 MB message held it whole in memory (1.85 GB with parsing). The file lives in a
 * fresh 0700 directory, is created 0600, and is removed as soon as the message is linted.
 */
import { rmSync } from "node:fs";
import { mkdtemp, open, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Messages larger than this are spilled: the size past which a file is streamed, not read whole. */
export const SPILL_AT = 8 << 20;

export class MemberSpill {
  private constructor(
    private readonly dir: string,
    readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(): Promise<MemberSpill> {
    const dir = await mkdtemp(join(tmpdir(), "draftlint-mbox-"));
    const file = join(dir, "message.eml");
    return new MemberSpill(dir, file, await open(file, "wx+", 0o600));
  }

  async write(parts: Buffer[]): Promise<void> {
    for (const part of parts) if (part.length) await this.handle.write(part);
  }

  /**
   * Writes the rest and closes the file, without the blank line before the next `From ` line,
   * which belongs to the archive, not to the message (as `withoutSeparatorBlank` does in memory).
   */
  async finish(parts: Buffer[]): Promise<string> {
    await this.write(parts);
    const { size } = await this.handle.stat();
    const tail = Buffer.alloc(Math.min(4, size));
    await this.handle.read(tail, 0, tail.length, size - tail.length);
    const cut = tail.subarray(-4).equals(Buffer.from("\r\n\r\n")) ? 2 : tail.length >= 2 && tail.at(-1) === 0x0a && tail.at(-2) === 0x0a ? 1 : 0;
    if (cut) await this.handle.truncate(size - cut);
    await this.handle.close();
    return this.file;
  }

  remove(): void {
    this.handle.close().catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}
