import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";

/** Labels this short share a row (是 / 否, 跳过 / 上一步 / 暂停); longer ones get a row each. */
const SHORT_LABEL = 6;
const PER_ROW = 3;

/** Inline keyboard rows from buttons in order: short labels packed up to three a row. */
export function inlineKeyboard(buttons: InlineKeyboardButton[]): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = [];
  let row: InlineKeyboardButton[] = [];
  for (const b of buttons) {
    const short = [...b.text].length <= SHORT_LABEL;
    if (!short || row.length === PER_ROW) {
      if (row.length > 0) rows.push(row);
      row = [];
    }
    if (short) row.push(b);
    else rows.push([b]);
  }
  if (row.length > 0) rows.push(row);
  return { inline_keyboard: rows };
}

/** A private-chat deep link (https://core.telegram.org/bots/features#deep-linking); payload [A-Za-z0-9_-]{1,64}. */
export function deepLink(username: string, payload: string): string {
  return `https://t.me/${username}?start=${payload}`;
}
