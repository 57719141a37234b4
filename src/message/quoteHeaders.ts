/**
 * How real mail clients mark the start of a quoted or forwarded message, and what its header
 * block says about who took part. Written from the clients' own output (and checked on real sent
 * mail) rather than taken from a library: email-forward-parser covers Outlook/Gmail/Apple
 * forwards in many languages but not Lotus Notes, and reads one forward, not a thread; and
 * email-reply-parser only knows "On … wrote:" and "> " quoting.
 *
 * - banners: Outlook "-----Original Message-----" (and its German, French, Spanish, Dutch
 *   forms), Gmail/Thunderbird "---------- Forwarded message ---------", Apple "Begin forwarded
 *   message:", Lotus Notes "----- Forwarded by Name/HOU/ECT on 01/02/2001 09:12 AM -----" (often
 *   wrapped onto a second line), cc:Mail "_____ Reply Separator _____";
 * - Lotus Notes attributions above an indented "To:/cc:/Subject:" block: "Name@ENRON" or
 *   "Name/HOU/ECT@ECT" with the date on the next line, and `"Name" <addr> on 05/01/2001 10:00 AM`;
 * - header blocks: From/Sent/To/Cc/Subject in English, German (Von/Gesendet/An/Betreff), French
 *   (De/Envoyé/À/Objet), Spanish (De/Enviado/Para/Asunto) and Dutch (Van/Verzonden/Aan/Onderwerp).
 */
import { isDirectoryName } from "./addresses.js";
import { addPeople, type QuotedPeople } from "./quotedPeople.js";

export interface Line {
  text: string;
  start: number;
  end: number;
}

const BANNER_WORDS = [
  "Forwarded message", "Original Message", "Original Appointment", "Forwarded Message",
  "Weitergeleitete Nachricht", "Ursprüngliche Nachricht", "Ursprüngliche Mitteilung",
  "Message transféré", "Message transmis", "Message d'origine", "Message original",
  "Mensaje original", "Mensaje reenviado", "Oorspronkelijk bericht", "Doorgestuurd bericht",
];
/** Yahoo writes the forwarded headers on the banner's own line: "----- Forwarded Message ----- From: …To: …". */
const BANNER = new RegExp(`^\\s*-{2,}\\s*(?:${BANNER_WORDS.join("|")})\\s*-{2,}(.*)$`, "i");
/** Apple Mail, in English, German, French, Spanish and Dutch. */
const APPLE_BANNER = /^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié|Inicio del mensaje reenviado|Begin doorgestuurd bericht)\s*:\s*$/i;
/** Lotus Notes: the line may wrap, so only its start is required. */
const NOTES_BANNER = /^\s*-{3,}\s*Forwarded by\s+\S/i;
/** cc:Mail's separators, which Notes kept when mail passed through it. */
const CCMAIL_BANNER = /^\s*_{5,}\s*(?:Reply Separator|Forward Header)\s*_*\s*$/i;

/** A forward banner, and whether it forwards (rather than replies to) the message below it. */
export function bannerAt(line: string): { forwarded: boolean; inlineHeaders?: string } | null {
  // Asked of every body line: each banner has a run of dashes, a colon or underscores, which
  // almost no line of prose has, so most lines skip the four patterns.
  if (!line.includes("--") && !line.includes(":") && !line.includes("_____")) return null;
  const banner = BANNER.exec(line);
  if (banner) {
    const forwarded = /forward|weitergeleitet|transf|transmis|reenviado|doorgestuurd/i.test(line);
    return banner[1].trim() ? { forwarded, inlineHeaders: banner[1] } : { forwarded };
  }
  if (APPLE_BANNER.test(line) || NOTES_BANNER.test(line)) return { forwarded: true };
  if (CCMAIL_BANNER.test(line)) return { forwarded: /forward/i.test(line) };
  return null;
}

type HeaderRole = "from" | "to" | "cc" | "date" | "subject" | "other";

/** Header names by role, in the languages above; "Sent by" and "Please respond to" are Notes'. */
const HEADER_ROLES: Record<string, HeaderRole> = {
  from: "from", von: "from", de: "from", van: "from", "sent by": "other",
  to: "to", an: "to", "à": "to", pour: "to", para: "to", aan: "to",
  cc: "cc", bcc: "cc", kopie: "cc", cci: "cc", "copie à": "cc",
  sent: "date", date: "date", gesendet: "date", datum: "date", "envoyé": "date", enviado: "date", fecha: "date", verzonden: "date",
  subject: "subject", betreff: "subject", objet: "subject", sujet: "subject", asunto: "subject", onderwerp: "subject",
};
const HEADER_LINE = new RegExp(`^\\s*\\*?(${Object.keys(HEADER_ROLES).join("|")})\\s*:\\*?\\s*(.*)$`, "i");

export function headerAt(line: string): { role: HeaderRole; value: string } | null {
  // A header line has its colon; most body lines have none and skip the pattern.
  if (!line.includes(":")) return null;
  const m = HEADER_LINE.exec(line.replace(/^>\s?/, ""));
  return m ? { role: HEADER_ROLES[m[1].toLowerCase()], value: m[2] } : null;
}

const NOTES_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?/i;
/** `"Wendy Roy" <wroy@riskwaters.com> on 10/17/2000 12:16:09 PM`, `Name@ENRON on 12/12/2000`. */
const NOTES_ON_DATE = /^\s*(.{1,120}?)\s+on\s+\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const NOTES_DATE_LINE = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?\s*(?:[A-Z]{2,4})?\s*$/i;
const RESPOND_TO = /^\s*Please respond to\b/i;
/** A Notes memo's letterhead line: "Enron Capital & Trade Resources Corp.  From:  Sally Beck   12/18/2000 03:21 PM". */
const NOTES_MEMO_FROM = /\bFrom:\s+(.{1,120}?)\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}/;
/** The author as Notes shows an Internet sender above the date: `Cynthia Richards <crichards@isda.org>`. */
const LONE_MAILBOX = /^\s*(?:"?[^"<>@\n]{0,60}"?\s*<[^<>\s@]+@[^<>\s]+>|[^\s<>@"]+@[^\s<>@"]+\.[A-Za-z]{2,})\s*$/;

const ATTRIBUTION_MARK = /[/@_]/;

/** A line that can stand above a Notes header block: who wrote it, when, or where to reply. */
function attributionShaped(text: string): boolean {
  const t = text.trim();
  if (t === "" || t.length > 160) return false;
  // Each shape below needs a "/" (a date, a directory path), an "@", an "_" (an Exchange
  // "_O=…_OU=" name) or "Please respond to": most lines of prose have none of them.
  if (!ATTRIBUTION_MARK.test(t) && !RESPOND_TO.test(t)) return false;
  if (NOTES_DATE_LINE.test(t) || RESPOND_TO.test(t)) return true;
  const onDate = NOTES_ON_DATE.exec(t);
  if (onDate && /@|</.test(onDate[1])) return true;
  // A lone mailbox is an attribution only right above a date line (attributionTop): alone, it is
  // as likely the last line of a signature.
  return NOTES_MEMO_FROM.test(t) || isDirectoryName(t);
}

/** The people an attribution line names ("X on 05/01/2001", a memo's "From:", a lone mailbox). */
function attributionPeople(text: string): string | null {
  if (NOTES_DATE_LINE.test(text) || RESPOND_TO.test(text) || BANNER_TAIL.test(text)) return null;
  const memo = NOTES_MEMO_FROM.exec(text);
  if (memo) return memo[1];
  const onDate = NOTES_ON_DATE.exec(text);
  return onDate ? onDate[1] : text;
}

/**
 * Whether a quoted message's header starts at line `i`: an Outlook-style block whose first line
 * is From (or To, as Notes writes it), followed by enough header lines; or a Notes attribution
 * ("Name@ENRON", a date line, "X on 05/01/2001 …") directly above such a block. A lone "From:"
 * in prose is not a quote: a block needs two more header lines, one of them To or Subject.
 */
export function headerBlockStartsAt(lines: Line[], i: number): boolean {
  const first = headerAt(lines[i].text);
  if (first && (first.role === "from" || first.role === "to")) return blockFollows(lines, i, first.role === "to");
  if (!attributionShaped(lines[i].text)) return false;
  // The attribution's own lines (a wrapped date, "Please respond to") and blank lines, then the block.
  for (let j = i + 1, seen = 0; j < lines.length && seen < 5; j++) {
    const text = lines[j].text;
    if (text.trim() === "") continue;
    seen++;
    const header = headerAt(text);
    if (header) return blockFollows(lines, j, header.role !== "from");
    if (bannerAt(text) || (!attributionShaped(text) && !NOTES_DATE.test(text))) return false;
  }
  return false;
}

/**
 * Notes writes the author alone on the line above the date when they share the reader's domain
 * ("Kelly Noel Higgason" / "06/07/2000 01:14 PM"): the quote starts at the name, not the date.
 */
export function attributionTop(lines: Line[], i: number): number {
  if (!NOTES_DATE_LINE.test(lines[i].text)) return i;
  // One blank line may sit between an Internet sender's mailbox and the date.
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const text = lines[j].text;
    if (NOTES_AUTHOR_LINE.test(text) || LONE_MAILBOX.test(text)) return j;
    if (text.trim() !== "") break;
  }
  return i;
}

const NOTES_AUTHOR_LINE = /^\s*[\p{Lu}][\p{L}.' -]{1,60}$/u;

function blockFollows(lines: Line[], i: number, needSubject: boolean): boolean {
  let headers = 0;
  let subject = false;
  let addressed = false;
  // Twelve lines, not counting the wrapped lines of a long To or cc list.
  for (let j = i, seen = 0; j < Math.min(lines.length, i + 60) && seen < 12; j++) {
    const header = headerAt(lines[j].text);
    if (!header) {
      if (!/@|\/|,\s*$/.test(lines[j].text)) seen++;
      continue;
    }
    seen++;
    headers++;
    if (header.role === "subject") subject = true;
    if (header.role === "to" || header.role === "cc") addressed = true;
  }
  // "From: the front desk, with thanks.\nTo: everyone who helped." is prose: two lines are not enough.
  return (headers >= 3 && (addressed || subject) && !needSubject) || (headers >= 2 && subject);
}

const INLINE_HEADER = new RegExp(`(${Object.keys(HEADER_ROLES).join("|")})\\s*:\\s*`, "gi");

/** Headers run together on one line ("From: John <j@acme.com>To: bessie@acme.com…"): their people. */
export function readInlineHeaders(text: string, into: QuotedPeople): void {
  const marks = [...text.matchAll(INLINE_HEADER)];
  marks.forEach((m, k) => {
    const role = HEADER_ROLES[m[1].toLowerCase()];
    if (role !== "from" && role !== "to" && role !== "cc") return;
    const from = (m.index ?? 0) + m[0].length;
    addPeople(text.slice(from, k + 1 < marks.length ? marks[k + 1].index : text.length), into);
  });
}

/** The wrapped end of a Notes banner ("07:33 PM ---------------------------"), or a rule. */
const BANNER_TAIL = /^\s*-{3,}|-{3,}\s*$/;

/** Whether a header line comes within the next few non-blank lines. */
function headerFollows(lines: Line[], from: number): boolean {
  for (let j = from + 1, seen = 0; j < lines.length && seen < 3; j++) {
    if (lines[j].text.trim() === "") continue;
    seen++;
    if (headerAt(lines[j].text)) return true;
  }
  return false;
}

/**
 * Reads the attribution and header block of a quoted message from line `from`: who wrote it and
 * to whom. Returns the people and the line after the block (where the quoted text starts).
 */
export function readHeaderBlock(lines: Line[], from: number): QuotedPeople & { endLine: number } {
  const people: QuotedPeople = { participants: [], names: [], directoryNames: [] };
  let role: HeaderRole | null = null;
  let inBlock = false;
  // An address list may wrap mid-name ("…, Jennifer \nHill/HOU/EES@EES"): read it whole.
  let pending = "";
  const flush = () => {
    if (pending) addPeople(pending, people);
    pending = "";
  };
  let unknown = 0;
  let j = from;
  for (; j < lines.length && j < from + 40; j++) {
    const text = lines[j].text;
    if (text.trim() === "") {
      // Blank lines sit between the banner, the attribution and the block; inside the block only
      // when another header line follows (Notes: "From: … \n\nSent by: …\nTo: …").
      if (inBlock && !headerFollows(lines, j)) break;
      continue;
    }
    const header = headerAt(text);
    if (header) {
      flush();
      inBlock = true;
      role = header.role;
      if (role === "from" || role === "to" || role === "cc") pending = header.value;
      continue;
    }
    // A wrapped address list, not another header this table does not know ("Reply-To: …").
    if (inBlock && (role === "to" || role === "cc" || role === "from") && /@|\/|,\s*$/.test(text) && !/^\s*[\p{L}][\p{L} -]{0,20}\s*:\s/u.test(text)) {
      pending += " " + text.trim();
      continue;
    }
    if (!inBlock && (attributionShaped(text) || LONE_MAILBOX.test(text) || NOTES_DATE.test(text) || BANNER_TAIL.test(text))) {
      const named = attributionPeople(text);
      if (named) addPeople(named, people);
      continue;
    }
    // Notes puts the author's name alone above the date when they are in the same domain.
    if (!inBlock && j + 1 < lines.length && NOTES_DATE_LINE.test(lines[j + 1].text) && NOTES_AUTHOR_LINE.test(text)) {
      people.directoryNames.push(text.trim());
      continue;
    }
    // A letterhead line or two above a Notes memo's block ("Enron North America Corp.").
    if (!inBlock && unknown < 2 && text.trim().length < 60 && headerFollows(lines, j)) {
      unknown++;
      continue;
    }
    break;
  }
  flush();
  return { ...people, endLine: j };
}
