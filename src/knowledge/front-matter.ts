import { parse as parseYaml } from "yaml";

/** Splits an optional `---` YAML header from a notice's text. */
export function splitFrontMatter(text: string): { header: Record<string, unknown> | null; body: string } {
  const m = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { header: null, body: text.replace(/^\ufeff/, "") };
  const header = parseYaml(m[1]!) as unknown;
  if (header === null || typeof header !== "object" || Array.isArray(header)) {
    throw new SyntaxError("front matter is not a key: value mapping");
  }
  // yaml's default (core) schema keeps 2024-05-30 a string, as the metadata wants.
  return { header: header as Record<string, unknown>, body: text.slice(m[0].length) };
}
