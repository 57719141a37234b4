/** Messages are templates with `{{name}}` placeholders, kept in the pack so wording can change freely. */
export function fillMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
