/** Telegram's limit on a message's text, in UTF-16 code units after entity parsing. */
export const MAX_MESSAGE_CHARS = 4096;
/** Telegram's limit on a document caption. */
export const MAX_CAPTION_CHARS = 1024;

/** Plain text for `parse_mode: "HTML"`: the three characters the Bot API requires escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Split plain text into pieces of at most `limit` characters (counted before escaping, which
 * is what Telegram counts): at paragraph breaks if possible, else at line breaks, else hard
 * (never inside a surrogate pair). Pieces keep their text; the breaks between them are dropped.
 */
export function splitText(text: string, limit = MAX_MESSAGE_CHARS): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf("\n\n");
    let skip = 2;
    if (cut <= 0) {
      cut = window.lastIndexOf("\n");
      skip = 1;
    }
    if (cut <= 0) {
      cut = limit;
      skip = 0;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut + skip);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
