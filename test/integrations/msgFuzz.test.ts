/**
 * Hostile `.msg` input (SPEC §9: never crash, never hang, never read what was not given): a
 * compound file whose chains loop, a view of a larger buffer, and fuzzed bytes and truncations of
 * real Outlook files, each in its own ArrayBuffer and inside a shared one. DRAFTLINT_FUZZ_RUNS
 * raises the number of fuzzed cases (`npm run fuzz`); the suite runs a few.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import { CONFIG_NAME, RECIPIENTS_ONLY, runCli, tempProject } from "./helpers.js";

const MSG = fileURLToPath(new URL("../../fixtures/msg/", import.meta.url));
const FIXTURES = ["test1.msg", "sent.msg", "attachmentFiles.msg"].map((name) => readFileSync(MSG + name));
const RUNS = Number(process.env.DRAFTLINT_FUZZ_RUNS ?? 40);
const options = { filename: "draft.msg", config: { packs: ["recipients"], internalDomains: ["example.com"] } };

/** A copy of `bytes` with its own ArrayBuffer, exactly its length. */
function own(bytes: Uint8Array): Buffer {
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return Buffer.from(buffer);
}

/** `bytes` as a view into a larger ArrayBuffer that holds another whole message after it. */
function shared(bytes: Uint8Array, offset: number, after: Uint8Array): Buffer {
  const buffer = new ArrayBuffer(offset + bytes.length + after.length);
  new Uint8Array(buffer).set(bytes, offset);
  new Uint8Array(buffer).set(after, offset + bytes.length);
  return Buffer.from(buffer, offset, bytes.length);
}

/** The FAT entry of `sector` set to `value` (512-byte sectors, FAT sectors listed in the header). */
function setFatEntry(msg: Buffer, sector: number, value: number): Buffer {
  const copy = Buffer.from(msg);
  const fatSector = copy.readInt32LE(0x4c + 4 * Math.floor(sector / 128));
  copy.writeInt32LE(value, (fatSector + 1) * 512 + 4 * (sector % 128));
  return copy;
}

// A loop in the compound file would never end: the test timeout (vitest.config.ts) is the guard.
async function lintsWithin(source: Buffer) {
  const result = await lint(source, options);
  if (result.error) {
    expect(result.error.code).toBe("parse-error");
    expect(result.error.message).toMatch(/^not a readable Outlook \.msg file/);
    expect(result.error.message).not.toMatch(/undefined|null|properties of|is not a function|Maximum call stack/);
  }
  return result;
}

describe("hostile .msg", () => {
  it("reads only the bytes it is given, not the rest of the ArrayBuffer under them", async () => {
    const whole = FIXTURES[0];
    const result = await lint(Buffer.from(own(whole).buffer, 0, 512), options);
    expect(result.recipients).toEqual([]);
    expect(result.error?.message).toMatch(/not a readable Outlook \.msg file/);
    // The same message at an offset in a pooled-style buffer reads as itself, and only itself.
    const alone = await lint(own(whole), options);
    const inside = await lint(shared(whole, 100, FIXTURES[2]), options);
    expect(inside).toEqual(alone);
    expect(alone.recipients.map((r) => r.address)).toEqual(["to@example.com", "cc@example.com"]);
    // A plain Uint8Array view is read the same way, and only within its bounds.
    const view = new Uint8Array(shared(whole, 64, FIXTURES[2]).buffer, 64, whole.length);
    expect(await lint(view, options)).toEqual(alone);
    expect((await lint(view.subarray(0, 512), options)).recipients).toEqual([]);
  });

  it("ends with a file error, in seconds, when the directory's FAT entry points at itself", async () => {
    const msg = FIXTURES[0];
    const directory = msg.readInt32LE(0x30);
    const result = await lintsWithin(setFatEntry(msg, directory, directory));
    expect(result.error?.message).toContain("the directory chain loops");
  });

  it("ends with a file error when a FAT chain runs in a circle of two, or out of the file", async () => {
    const msg = FIXTURES[2];
    const directory = msg.readInt32LE(0x30);
    const next = msg.readInt32LE((msg.readInt32LE(0x4c) + 1) * 512 + 4 * directory);
    const circle = await lintsWithin(setFatEntry(setFatEntry(msg, directory, next > 0 ? next : directory + 1), next > 0 ? next : directory + 1, directory));
    expect(circle.error?.message).toMatch(/loops/);
    const outside = await lintsWithin(setFatEntry(msg, directory, 1 << 30));
    expect(outside.error?.message).toMatch(/leaves the file/);
  });

  it("a folder run with a looping .msg reports it and lints the rest (no worker dies)", async () => {
    const msg = FIXTURES[0];
    const directory = msg.readInt32LE(0x30);
    const dir = tempProject({ [CONFIG_NAME]: RECIPIENTS_ONLY, "a-loop.msg": setFatEntry(msg, directory, directory), "b.msg": msg });
    const r = await runCli(["-f", "json", "."], { cwd: dir });
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: any) => [f.file, f.error?.code ?? null])).toEqual([
      ["a-loop.msg", "parse-error"],
      ["b.msg", null],
    ]);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^draftlint: a-loop\.msg: not a readable Outlook \.msg file \(damaged compound file: the directory chain loops\)$/)]);
  }, 60_000);

  it("fuzzed bytes and truncations give a result or a file error, and read the same in a shared buffer", async () => {
    const mutation = fc.record({
      fixture: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
      // Writes land mostly in the header, the FAT and the directory, where the structure lives.
      writes: fc.array(fc.record({ at: fc.oneof(fc.integer({ min: 0, max: 2047 }), fc.nat()), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 12 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
      offset: fc.integer({ min: 1, max: 4096 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ fixture, writes, cut, offset }) => {
        const msg = Buffer.from(FIXTURES[fixture]);
        for (const { at, value } of writes) msg[at % msg.length] = value;
        const bytes = cut === undefined ? msg : msg.subarray(0, cut % (msg.length + 1));
        const alone = await lintsWithin(own(bytes));
        const inside = await lintsWithin(shared(bytes, offset, FIXTURES[(fixture + 1) % FIXTURES.length]));
        expect(inside).toEqual(alone);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
