/**
 * Finding the links and host names in a text, and telling which of them only work inside the
 * organisation. The scan splits the text into whitespace-delimited tokens with one regular
 * expression of a single character class (linear time), then looks at each token on its own.
 */
import picomatch from "picomatch";

export interface HostMention {
  start: number;
  end: number;
  /** The token as written, trailing punctuation removed. */
  text: string;
  /** Lower-cased host name, or the server of a Windows share. */
  host: string;
  kind: "url" | "bare" | "unc" | "file";
}

/**
 * Runs of characters that can belong to a URL or a host name; brackets and quotes split them,
 * except the brackets of an IPv6 literal ("http://[fd00::12]:8443/").
 */
const TOKEN = /[a-z][a-z0-9+.-]{1,15}:\/\/\[[0-9a-f:.]{2,45}\][^\s<>()[\]{}"'`|]*|[^\s<>()[\]{}"'`|]+/gi;
const SCHEME = /^[a-z][a-z0-9+.-]{1,15}:\/\//i;
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function trimToken(token: string): string {
  return token.replace(/[.,;:!?*_]+$/, "");
}

/**
 * What every host mention holds: a dot (host names, IPv4), a colon (schemes, IPv6, ports), a
 * backslash (shares), or the name localhost. A token with none of them is a plain word (most
 * of a text), which readToken would turn down, so it is skipped before any trimming or parsing.
 */
const MAY_BE_HOST = /[.:\\]|localhost/i;

export function findHostMentions(text: string): HostMention[] {
  const out: HostMention[] = [];
  // An exec loop on the shared regex: matchAll would clone it for every call.
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    let token = m[0];
    if (!MAY_BE_HOST.test(token)) continue;
    let start = m.index;
    // html-to-text and people wrap links: "<https://…>", "(see wiki.acme.com)".
    const lead = /^[*_]+/.exec(token)?.[0].length ?? 0;
    token = trimToken(token.slice(lead));
    start += lead;
    if (token.length < 4) continue;
    const mention = readToken(token);
    if (mention) out.push({ ...mention, start, end: start + token.length, text: token });
  }
  TOKEN.lastIndex = 0;
  return out;
}

function readToken(token: string): Pick<HostMention, "host" | "kind"> | null {
  if (token.startsWith("\\\\")) {
    const server = token.slice(2).split("\\")[0];
    return server ? { host: server.toLowerCase(), kind: "unc" } : null;
  }
  if (/^file:\/\//i.test(token)) return { host: "", kind: "file" };
  if (SCHEME.test(token)) {
    if (!/^(?:https?|ftp|ftps|sftp|ssh|git|wss?|smb|rdp):/i.test(token)) return null;
    try {
      const host = new URL(token).hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
      return host ? { host, kind: "url" } : null;
    } catch {
      return null;
    }
  }
  if (token.includes("@")) return null; // an email address, not a link
  // "wiki.acme.com/page", "localhost:3000", "10.0.0.4:8080/x"
  const hostPart = token.split(/[/?#]/)[0];
  const withPort = /^(.*?)(?::(\d{1,5}))?$/.exec(hostPart);
  const host = (withPort?.[1] ?? hostPart).toLowerCase().replace(/\.$/, "");
  const hasPortOrPath = Boolean(withPort?.[2]) || hostPart.length < token.length;
  if (host === "localhost") return hasPortOrPath ? { host, kind: "bare" } : null; // "runs on localhost" is prose
  if (IPV4.test(host) || HOSTNAME.test(host)) return { host, kind: "bare" };
  return null;
}

export interface InternalHostSettings {
  /** `internalHosts` glob patterns from config. */
  patterns: string[];
  /** Internal domains of the message (config, or derived from the sender). */
  internalDomains: string[];
  /** Top-level names that only resolve inside a network: local, internal, corp… */
  privateSuffixes: string[];
  /** Host labels that look like an intranet tool: wiki, jira… */
  intranetLabels: string[];
}

export interface HostClassifier {
  /** Why the host is internal, or null when it is not. */
  reasonFor(mention: HostMention): string | null;
}

function privateIPv4(host: string): string | null {
  const m = IPV4.exec(host);
  if (!m) return null;
  const [a, b, c, d] = m.slice(1).map(Number);
  if ([a, b, c, d].some((n) => n > 255)) return null;
  if (a === 127) return "loopback address";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private address (RFC 1918)";
  if (a === 169 && b === 254) return "link-local address";
  if (a === 100 && b >= 64 && b <= 127) return "carrier-grade NAT address";
  if (a === 0) return "unroutable address";
  return null;
}

function privateIPv6(host: string): string | null {
  if (!host.includes(":")) return null;
  if (host === "::1") return "loopback address";
  if (/^fe[89ab]/i.test(host)) return "link-local address";
  if (/^f[cd]/i.test(host)) return "private address (unique local)";
  return null;
}

/** "*.corp.acme.com" also covers corp.acme.com itself. */
function compileHostPatterns(patterns: string[]): Array<{ pattern: string; test: (host: string) => boolean }> {
  return patterns.map((pattern) => {
    const lower = pattern.toLowerCase();
    const matchers = [picomatch(lower, { nocase: true, dot: true })];
    if (lower.startsWith("*.")) matchers.push(picomatch(lower.slice(2), { nocase: true, dot: true }));
    return { pattern, test: (host: string) => matchers.some((m) => m(host)) };
  });
}

export function hostClassifier(settings: InternalHostSettings): HostClassifier {
  const patterns = compileHostPatterns(settings.patterns);
  const suffixes = settings.privateSuffixes.map((s) => s.toLowerCase().replace(/^\./, ""));
  const labels = settings.intranetLabels.map((l) => l.toLowerCase());
  const domains = settings.internalDomains.map((d) => d.toLowerCase());
  // "jira", "jira-eu", "git01": the label, or the label followed by a digit or hyphen.
  const looksLikeTool = (label: string) => labels.some((l) => label === l || (label.startsWith(l) && /^[0-9-]/.test(label.slice(l.length))));

  return {
    reasonFor(mention) {
      if (mention.kind === "file") return "a file on this computer or network";
      if (mention.kind === "unc") return "a Windows network share";
      const host = mention.host;
      const ip = privateIPv4(host) ?? privateIPv6(host);
      if (ip) return ip;
      if (IPV4.test(host)) return null;
      if (host === "localhost" || host.endsWith(".localhost")) return "loopback host";
      const pattern = patterns.find((p) => p.test(host));
      if (pattern) return `matches internalHosts "${pattern.pattern}"`;
      const suffix = suffixes.find((s) => host === s || host.endsWith("." + s));
      if (suffix && host !== suffix) return `private name ending in .${suffix}`;
      // "http://intranet/", "http://wiki/Page": a one-label name only resolves on a local network.
      if (mention.kind === "url" && !host.includes(".") && !host.includes(":")) return "a local network name";
      for (const domain of domains) {
        if (!host.endsWith("." + domain)) continue;
        const sub = host.slice(0, -(domain.length + 1)).split(".");
        if (sub.some(looksLikeTool)) return `an intranet host under ${domain}`;
      }
      return null;
    },
  };
}
