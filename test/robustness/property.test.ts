/**
 * Property tests (fast-check) for SPEC §9: any bytes, any header soup, any recipient list given to
 * the library's `lint()` resolves with a result or a file error and never throws; linting is
 * deterministic; `lintFile` leaves its input byte for byte as it was. Runs are kept few so the
 * suite stays fast; the seed is printed by fast-check on failure for replay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lint, lintFile } from "../../src/index.js";
import { assertLinted, tempDir, testConfig } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let options: { config?: unknown };
beforeAll(() => {
  tmp = tempDir();
  const { config } = testConfig(tmp.dir);
  options = { config: config ?? {} };
});
afterAll(() => tmp?.cleanup());

/** The suite's small budget, or `npm run fuzz`'s (DRAFTLINT_FUZZ_RUNS). */
const fuzzRuns = (suite: number) => Number(process.env.DRAFTLINT_FUZZ_RUNS ?? suite);

const NAMES = ["x.eml", "x.txt", "x.html", "x.md", "x"];
const FILE_ERRORS = ["parse-error", "binary-input", "read-error"];

async function lintsCleanly(source: Buffer | string, filename: string) {
  const result = await lint(source, { ...options, filename });
  assertLinted(result);
  if (result.error) expect(FILE_ERRORS).toContain(result.error.code);
  else expect(Array.isArray(result.findings)).toBe(true);
  return result;
}

const headerName = fc.constantFrom("From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Content-Type", "Content-Transfer-Encoding", "MIME-Version", "X-Junk", "from", "TO");
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    "=?utf-8?B?w6nDqcOp?=",
    "=?iso-8859-1?Q?caf=E9?=",
    "=?x-unknown?Q?abc?=",
    "=?utf-8?B?broken",
    "multipart/mixed; boundary=\"b\"",
    "multipart/alternative; boundary=",
    "text/html; charset=gbk",
    "base64",
    "quoted-printable",
    "Undisclosed recipients:;",
    "group: a@b.com, \"Q, R\" <r@s.org>;",
    "<@route:a@b>",
    "\"\" <>",
    "a@b@c",
  ),
);
const bodyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.constantFrom("--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--", "PGI+aGk8L2I+", "=E9=\r\n=", "> quoted\n>> deeper\nOn Mon, X wrote:\n> a"),
);
const headerSoup = fc
  .tuple(fc.array(fc.tuple(headerName, headerValue, fc.constantFrom("\r\n", "\n", "\r\n\t", "\n ")), { maxLength: 12 }), bodyText, fc.constantFrom("\r\n\r\n", "\n\n", "\n"))
  .map(([headers, body, sep]) => headers.map(([n, v, nl]) => `${n}: ${v}${nl}`).join("") + sep + body);

const mailbox = fc
  .tuple(fc.string({ maxLength: 20 }), fc.stringMatching(/^[a-z0-9._+-]{1,12}$/), fc.constantFrom("acme.com", "gmail.com", "acme.co", "xn--80ak6aa92e.com", "аррӏе.com", "a.b.c.d.e.co.uk", "localhost", "[127.0.0.1]"))
  .map(([name, local, domain]) => (name ? `"${name.replace(/["\\\r\n]/g, "")}" <${local}@${domain}>` : `${local}@${domain}`));

describe("lint() never throws", () => {
  it("on any byte sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...NAMES), async (bytes, name) => {
        await lintsCleanly(Buffer.from(bytes), name);
      }),
      { numRuns: fuzzRuns(60) },
    );
  }, 30_000);

  it("on header soup", async () => {
    await fc.assert(
      fc.asyncProperty(headerSoup, async (text) => {
        await lintsCleanly(text, "soup.eml");
      }),
      { numRuns: fuzzRuns(60) },
    );
  }, 30_000);

  it("on any recipient list, and reads every well-formed address", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mailbox, { maxLength: 40 }), fc.array(mailbox, { maxLength: 10 }), async (to, cc) => {
        const draft = `From: Ann <ann@acme.com>\r\nTo: ${to.join(", ")}\r\n${cc.length ? `Cc: ${cc.join(",\r\n ")}\r\n` : ""}Subject: Hello\r\n\r\nHello all, the report is ready.\r\n`;
        const result = await lintsCleanly(draft, "list.eml");
        expect(result.error).toBeNull();
      }),
      { numRuns: fuzzRuns(40) },
    );
  }, 30_000);
});

describe("lint() is deterministic", () => {
  it("gives the same JSON for the same input twice", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(headerSoup, fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString("latin1"))), async (text) => {
        const a = await lint(text, { ...options, filename: "d.eml" });
        const b = await lint(text, { ...options, filename: "d.eml" });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: fuzzRuns(30) },
    );
  }, 30_000);
});

describe("lintFile() leaves its input unchanged", () => {
  it("same bytes before and after, for any content", async () => {
    const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
    await fc.assert(
      fc.asyncProperty(fc.oneof(headerSoup.map((s) => Buffer.from(s, "utf8")), fc.uint8Array({ maxLength: 1000 }).map((b) => Buffer.from(b))), fc.constantFrom("a.eml", "a.txt"), async (bytes, name) => {
        const path = join(tmp.dir, name);
        writeFileSync(path, bytes);
        const before = sha(path);
        const result = await lintFile(path, options);
        assertLinted(result);
        expect(sha(path)).toBe(before);
      }),
      { numRuns: fuzzRuns(30) },
    );
  }, 30_000);
});
