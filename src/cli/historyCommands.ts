/**
 * `draftlint learn <sources…>` and `draftlint history stats|show|forget`: making the recipient
 * history, and letting its owner see and delete what it holds. Which file: `--history`, else the
 * `history:` key of the config where draftlint is run, else $XDG_DATA_HOME/draftlint/history.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../config/errors.js";
import { resolveConfigFor } from "../config/loadConfig.js";
import { readHistoryFile, writeHistoryFile } from "../history/historyFile.js";
import { learnSources } from "../history/sentMailSources.js";
import type { LearntMessage } from "../history/historyBuilder.js";
import { digestOf } from "../history/historyBuilder.js";
import { organisationKey } from "../history/historyModel.js";

export interface HistoryOptions {
  history?: string;
  config?: string;
}

/** The index these commands work on. */
export async function historyPathFor(options: HistoryOptions): Promise<string> {
  if (options.history) return options.history;
  const { loadConfig } = await import("../config/loadConfig.js");
  const loaded = await loadConfig(options.config ? { configFile: options.config } : { searchFrom: process.cwd() });
  const path = resolveConfigFor(join(process.cwd(), "draft.eml"), loaded).history;
  if (!path) throw new UsageError("the config turns the recipient history off (history: false); give --history PATH");
  return path;
}

const day = (n: number) => (n ? new Date(n * 86_400_000).toISOString().slice(0, 10) : "no date");
const count = (n: number) => n.toLocaleString("en");

async function readMsgAsSent(source: Buffer, file: string): Promise<LearntMessage | null> {
  const { readMsg } = await import("../message/parseMsg.js");
  const { freemailDomains } = await import("../history/historyFile.js");
  const message = await readMsg(source, file, { internalDomains: [], trustedDomains: [], freemailDomains: freemailDomains() });
  if (!message.recipients.length) return null;
  const date = Date.parse(message.headers.date?.[0] ?? "");
  const id = message.headers["message-id"]?.[0];
  return {
    from: message.from?.address ?? null,
    recipients: message.recipients.map((r) => ({ address: r.address, name: r.name })),
    date: Number.isFinite(date) ? date : null,
    digest: id ? digestOf(`id:${id}`) : digestOf(`msg:${source.toString("base64")}`),
  };
}

export async function runLearn(sources: string[], options: HistoryOptions & { from?: string[] }, out: (t: string) => void): Promise<number> {
  const path = await historyPathFor(options);
  const started = performance.now();
  const h = readHistoryFile(path);
  const from = options.from?.length ? new Set(options.from.flatMap((f) => f.split(",")).map((f) => f.trim().toLowerCase()).filter(Boolean)) : undefined;
  const counts = await learnSources(sources, h, { from, readMsg: readMsgAsSent });
  const bytes = writeHistoryFile(path, h);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const parts = [`${count(counts.learnt)} new message${counts.learnt === 1 ? "" : "s"} learnt`];
  if (counts.known) parts.push(`${count(counts.known)} already known`);
  if (counts.unchangedFiles) parts.push(`${count(counts.unchangedFiles)} files unchanged since the last run`);
  if (counts.skipped) parts.push(`${count(counts.skipped)} skipped (${from ? "not from you, or " : ""}no recipients)`);
  out(`draftlint: ${parts.join(", ")} in ${seconds} s\n`);
  out(`draftlint: ${path}: ${count(h.messageCount)} messages, ${count(h.contacts.size)} addresses, ${(bytes / 1024).toFixed(0)} KB\n`);
  for (const error of counts.errors.slice(0, 20)) out(`draftlint: not read: ${error}\n`);
  return counts.errors.length ? 2 : 0;
}

export async function runHistory(action: string, address: string | undefined, options: HistoryOptions, out: (t: string) => void): Promise<number> {
  if (!["stats", "show", "forget"].includes(action)) throw new UsageError(`history ${action}: expected stats, show <address> or forget <address>`);
  const path = await historyPathFor(options);
  let exists = true;
  try {
    statSync(path);
  } catch {
    exists = false;
  }
  if (!exists) {
    out(`draftlint: no recipient history at ${path} (make one with \`draftlint learn <sent mail>\`)\n`);
    return action === "stats" ? 0 : 1;
  }
  const h = readHistoryFile(path);
  if (action === "stats") {
    const { organisations } = h.derive();
    const days = [...h.contacts.values()].flatMap((c) => [c.firstDay, c.lastDay]).filter(Boolean);
    out(`${path}\n`);
    out(`  messages       ${count(h.messageCount)}${days.length ? ` (${day(Math.min(...days))} to ${day(Math.max(...days))})` : ""}\n`);
    out(`  addresses      ${count(h.contacts.size)}\n`);
    out(`  organisations  ${count(organisations.size)}, ${count(h.pairs.size)} pairs seen on one message\n`);
    out(`  size           ${(statSync(path).size / 1024).toFixed(0)} KB, mode ${(statSync(path).mode & 0o777).toString(8)}\n`);
    const identities = [...h.identities].sort((a, b) => b[1] - a[1]).slice(0, 3);
    if (identities.length) out(`  sent from      ${identities.map(([a, n]) => `${a} (${count(n)})`).join(", ")}\n`);
    const top = h.contactRecords().sort((a, b) => b.messages - a.messages).slice(0, 5);
    if (top.length) out(`  most written   ${top.map((c) => `${c.address} (${count(c.messages)})`).join(", ")}\n`);
    return 0;
  }
  if (!address) throw new UsageError(`history ${action} needs an address`);
  if (action === "show") {
    const c = h.contact(address);
    if (!c) {
      out(`${address.toLowerCase()}: never written to (not in ${path})\n`);
      return 1;
    }
    const key = organisationKey(c.address, h.freemail);
    const beside = [...h.pairs].filter(([pair]) => pair.split("\x1f").includes(key)).sort((a, b) => b[1] - a[1]);
    out(`${c.address}\n`);
    out(`  messages       ${count(c.messages)} (first ${day(c.firstDay)}, last ${day(c.lastDay)})\n`);
    out(`  names          ${c.names.length ? c.names.map(([n, k]) => `${n} (${k})`).join(", ") : "none"}\n`);
    out(`  organisation   ${key} (${count(h.organisation(key)?.messages ?? 0)} messages)\n`);
    if (beside.length) out(`  on messages with ${beside.slice(0, 10).map(([pair, n]) => `${pair.split("\x1f").find((k) => k !== key)} (${n})`).join(", ")}\n`);
    return 0;
  }
  if (action === "forget") {
    // An address, or every address at a domain ("@acme.com").
    const targets = address.startsWith("@")
      ? [...h.contacts.keys()].filter((a) => a.endsWith(address.toLowerCase()))
      : [address.toLowerCase()].filter((a) => h.contacts.has(a));
    if (!targets.length) {
      out(`${address}: nothing to forget (not in ${path})\n`);
      return 1;
    }
    for (const t of targets) h.forget(t);
    writeHistoryFile(path, h);
    out(`draftlint: forgot ${targets.length === 1 ? targets[0] : `${targets.length} addresses at ${address.slice(1)}`}\n`);
    return 0;
  }
  throw new UsageError(`history ${action}: expected stats, show <address> or forget <address>`);
}
