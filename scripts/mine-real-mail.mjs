// How train/tone/real-mail.jsonl was made: short passages (1–3 sentences) sampled from the new
// text of real sent mail (../shared/corpus/real-mail/, the Enron sample), labelled `ok` until a
// reader says otherwise. They teach the model what ordinary business mail sounds like, so that it
// stays quiet on it. Seeded: the same folder gives the same sample.
//   node scripts/mine-real-mail.mjs [folder] [count] [seed] [prefix] [exclude.jsonl] > passages.jsonl
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";

const folder = process.argv[2] ?? new URL("../../shared/corpus/real-mail/sent", import.meta.url).pathname;
const count = Number(process.argv[3] ?? 2000);
let seed = Number(process.argv[4] ?? 777);
const prefix = process.argv[5] ?? "rm";
// Passages already mined (an earlier round's file) are not mined again.
const excluded = new Set(process.argv[6] ? readFileSync(process.argv[6], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text) : []);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const QUOTE_START = /^\s*(-{2,}\s*(Original Message|Forwarded by)|From:\s|>|On .* wrote:|\S+@\S+ on \d|To:\s)/im;
const files = readdirSync(folder).filter((f) => f.endsWith(".eml")).sort();
const out = [];
for (const file of files) {
  const parsed = await simpleParser(readFileSync(join(folder, file)));
  let text = parsed.text ?? "";
  const cut = text.search(QUOTE_START);
  if (cut >= 0) text = text.slice(0, cut);
  const sentences = text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z"'])/)
    .map((s) => s.trim())
    .filter((s) => s.split(" ").length >= 4 && s.length < 400 && !/[=_]{5,}|https?:|@/.test(s));
  if (!sentences.length) continue;
  const n = 1 + Math.floor(random() * 3);
  const at = Math.floor(random() * sentences.length);
  const passage = sentences.slice(at, at + n).join(" ");
  if (!excluded.has(passage)) out.push({ file, text: passage });
}
for (let i = out.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [out[i], out[j]] = [out[j], out[i]];
}
out.slice(0, count).forEach((p, i) =>
  console.log(JSON.stringify({ id: `${prefix}-${String(i + 1).padStart(4, "0")}`, label: "ok", category: "real-mail", text: p.text, target: "", span: "", why: "Ordinary sent business mail.", industry: "energy trading", register: "real" })),
);
