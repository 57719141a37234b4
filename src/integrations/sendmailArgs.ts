/**
 * sendmail's command line as `draftlint-sendmail` reads it: which options mean "no message is
 * sent", which mean "a message is sent that cannot be linted", who the envelope recipients are,
 * and draftlint's own `--draftlint-…` options, which are taken out before the real sendmail runs.
 */
import { domainToUnicode } from "node:url";
import { parseMailboxes } from "../message/addresses.js";

/**
 * Options that take a value, attached (`-oi`, `-fme@x`) or as the next argument (`-f me@x`), as
 * getopt reads them for Sendmail, Postfix ("B:C:F:L:N:O:R:V:X:b:e:f:h:o:p:q:r:"), Exim, msmtp and
 * nullmailer. Every other letter is a flag, and flags may be grouped (`-ti` is `-t -i`).
 */
const OPTIONS_WITH_VALUE = new Set(["B", "C", "F", "L", "N", "O", "R", "V", "X", "b", "e", "f", "h", "o", "p", "q", "r"]);

/**
 * `-b` modes that read a message, or SMTP commands carrying messages, from standard input in a
 * form draftlint cannot lint: Sendmail's and Postfix's `-bs` (an SMTP session) and Exim's `-bS`
 * (batched SMTP). Passing them through would send mail unlinted.
 */
const UNLINTABLE_MODES = new Set(["s", "S"]);

export interface SendmailArgs {
  /** `-t`: recipients are read from the message's To, Cc and Bcc headers (and the command line). */
  extractRecipients: boolean;
  /** Envelope recipients named on the command line. */
  recipients: string[];
  /**
   * Not a message submission (`-bv` verify, `-bp` queue listing, `-bi`, `-q` queue run, `-I`):
   * passed straight through without reading standard input.
   */
  passThrough: boolean;
  /** A mode that sends mail draftlint cannot read (`-bs`, `-bS`): refused. */
  unlintable: string | null;
  /** The arguments for the real sendmail: the given ones less draftlint's own. */
  sendmailArgv: string[];
  /** `--draftlint-sendmail=PROGRAM`: the real sendmail, chosen on the command line. */
  sendmail?: string;
  /** `--draftlint-config=FILE`: the config to lint with, no search. */
  config?: string;
}

const OWN_OPTIONS = { "--draftlint-sendmail": "sendmail", "--draftlint-config": "config" } as const;

export function parseSendmailArgs(argv: string[]): SendmailArgs {
  const out: SendmailArgs = { extractRecipients: false, recipients: [], passThrough: false, unlintable: null, sendmailArgv: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, attached] = arg.startsWith("--draftlint-") ? [arg.split("=")[0], arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : undefined] : [arg, undefined];
    if (name in OWN_OPTIONS) {
      const value = attached ?? argv[++i];
      if (value !== undefined) out[OWN_OPTIONS[name as keyof typeof OWN_OPTIONS]] = value;
      continue;
    }
    out.sendmailArgv.push(arg);
    if (arg === "--") {
      out.recipients.push(...argv.slice(i + 1));
      out.sendmailArgv.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      out.recipients.push(arg);
      continue;
    }
    // Long options (msmtp's --account=work, --read-envelope-from) are the real sendmail's own.
    if (arg.startsWith("--")) continue;
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (letter === "t") out.extractRecipients = true;
      else if (letter === "I") out.passThrough = true;
      else if (OPTIONS_WITH_VALUE.has(letter)) {
        let value = arg.slice(j + 1);
        if (!value && letter !== "q" && i + 1 < argv.length) {
          value = argv[++i];
          out.sendmailArgv.push(value);
        }
        if (letter === "b") {
          if (UNLINTABLE_MODES.has(value[0])) out.unlintable = `-b${value}`;
          else if (value !== "m") out.passThrough = true;
        }
        if (letter === "q") out.passThrough = true;
        break;
      }
    }
  }
  return out;
}

/** The header block (up to the first empty line, RFC 5322 §2.1), unfolded, as name/value pairs. */
function headerFields(source: Buffer): Array<[string, string]> {
  const head = source.subarray(0, Math.min(source.length, 1 << 20)).toString("utf8");
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]/g, " ");
  const fields: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const m = /^([!-9;-~]+):(.*)$/.exec(line);
    if (m) fields.push([m[1].toLowerCase(), m[2].trim()]);
  }
  return fields;
}

function normaliseAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at === -1) return address.toLowerCase();
  return `${address.slice(0, at).toLowerCase()}@${domainToUnicode(address.slice(at + 1).toLowerCase()) || address.slice(at + 1).toLowerCase()}`;
}

/**
 * Envelope recipients that no To/Cc/Bcc header names: they receive the message without the other
 * recipients seeing them, which is what Bcc means. mutt, for one, removes the Bcc header before
 * calling sendmail and passes those addresses only on the command line; with `-t`, Postfix and
 * msmtp deliver to command-line addresses as well as to the headers' ones.
 */
export function hiddenRecipients(source: Buffer, envelope: string[]): string[] {
  const visible = new Set(
    headerFields(source)
      .filter(([name]) => name === "to" || name === "cc" || name === "bcc")
      .flatMap(([, value]) => parseMailboxes(value).map((m) => normaliseAddress(m.address))),
  );
  const hidden: string[] = [];
  for (const arg of envelope) {
    for (const box of parseMailboxes(arg)) {
      const address = normaliseAddress(box.address);
      if (!visible.has(address) && !hidden.includes(address)) hidden.push(address);
    }
  }
  return hidden;
}
