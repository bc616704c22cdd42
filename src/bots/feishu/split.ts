/**
 * Feishu caps a text message's request body at 150 KB and a card at 30 KB
 * (https://open.feishu.cn/document/server-docs/im-v1/message/create). Parts are kept far
 * below both, so a part always fits in a card with its buttons and folding.
 */
export const PART_MAX_BYTES = 12_000;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** Split at line breaks into parts of at most `maxBytes` UTF-8 bytes; an over-long line is cut between characters. */
export function splitText(text: string, maxBytes = PART_MAX_BYTES): string[] {
  if (bytes(text) <= maxBytes) return [text];
  const parts: string[] = [];
  let cur = "";
  const push = () => {
    if (cur !== "") parts.push(cur);
    cur = "";
  };
  for (const line of text.split("\n")) {
    const candidate = cur === "" ? line : `${cur}\n${line}`;
    if (bytes(candidate) <= maxBytes) {
      cur = candidate;
      continue;
    }
    push();
    if (bytes(line) <= maxBytes) {
      cur = line;
      continue;
    }
    let piece = "";
    for (const ch of line) {
      if (bytes(piece) + bytes(ch) > maxBytes) {
        parts.push(piece);
        piece = "";
      }
      piece += ch;
    }
    cur = piece;
  }
  push();
  return parts;
}
