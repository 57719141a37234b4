/**
 * How a sensitive value is shown in a report (SPEC §3, pack `data`): never in full. Every format
 * (stylish, JSON, SARIF, github, compact, the sendmail wrapper's refusal) prints a finding's
 * message, excerpt, target and evidence, so the rules put only masked values in them.
 */

const MASK = "•";

/**
 * A number shown by its last `keep` letters or digits, the rest as dots, in the layout it was
 * written in: "4242 4242 4242 4242" → "•••• •••• •••• 4242", "078-05-1121" → "•••-••-1121".
 */
export function maskKeepingLast(value: string, keep = 4): string {
  let toKeep = keep;
  const out: string[] = [];
  for (const ch of [...value].reverse()) {
    if (/[A-Za-z0-9]/.test(ch)) {
      out.push(toKeep > 0 ? ch : MASK);
      toKeep--;
    } else out.push(ch);
  }
  return out.reverse().join("");
}

/** A token shown by its first four characters, which name its kind ("AKIA…", "ghp_…"), and no more. */
export function maskKeepingFirst(value: string, keep = 4): string {
  return `${value.slice(0, keep)}…`;
}

/** A password tells nothing of itself, not even its length. */
export const MASKED_PASSWORD = MASK.repeat(6);
