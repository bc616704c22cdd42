/**
 * Character-level normalisation of chat input: full-width ASCII (U+FF01–U+FF5E) to
 * half-width, ideographic space to a space, and a few look-alike punctuation marks
 * that Chinese input methods produce.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  "\u3000": " ", // ideographic space
  "\u00a0": " ", // no-break space
  "\u2212": "-", // minus sign
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-", // horizontal bar
  "\u301c": "~", // wave dash
  "\uffe5": "¥", // full-width yen/yuan sign
};

export function toHalfWidth(input: string): string {
  let out = "";
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else out += LOOKALIKES[ch] ?? ch;
  }
  return out;
}

/** Half-width and trimmed (including zero-width characters pasted from web pages). */
export function normalizeInput(input: string): string {
  return toHalfWidth(input.replace(/[\u200b-\u200d\ufeff]/g, "")).trim();
}
