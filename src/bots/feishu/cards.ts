import type { Button } from "../../flows/engine/messages.ts";
import { feishuTexts as t } from "./texts.ts";

/**
 * Feishu card JSON 2.0 (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure)
 * built from the engine's text and buttons. Text goes in `plain_text` divs, so nothing the
 * engine writes is read as markdown. `update_multi` is required by 2.0 and lets the adapter
 * patch the card after a press for everyone in the chat.
 */
export type CardJson = {
  schema: "2.0";
  config: { update_multi: true; width_mode: "fill" };
  body: { elements: CardElement[] };
};
export type CardElement = Record<string, unknown>;

/** What a pressed button sends back (`action.value`): its payload and its label. */
export interface ButtonValue {
  a: string;
  l: string;
}

/** A list folds when it has this many numbered items with indented details and is this long. */
const FOLD_MIN_ITEMS = 3;
const FOLD_MIN_CHARS = 600;

const div = (content: string): CardElement => ({ tag: "div", text: { tag: "plain_text", content } });

function buttonElement(b: Button, i: number): CardElement {
  const value: ButtonValue = { a: b.id, l: b.label };
  return {
    tag: "button",
    element_id: `b${i}`,
    text: { tag: "plain_text", content: b.label },
    type: i === 0 ? "primary_filled" : "default",
    behaviors: [{ type: "callback", value }],
  };
}

/** Buttons flow left to right and wrap, one column each. */
function buttonRow(buttons: Button[]): CardElement {
  return {
    tag: "column_set",
    flex_mode: "flow",
    horizontal_spacing: "8px",
    columns: buttons.map((b, i) => ({ tag: "column", width: "auto", elements: [buttonElement(b, i)] })),
  };
}

function panel(title: string, body: string): CardElement {
  return {
    tag: "collapsible_panel",
    expanded: false,
    header: {
      title: { tag: "plain_text", content: title },
      icon: { tag: "standard_icon", token: "down-small-ccm_outlined", size: "16px 16px" },
      icon_position: "right",
      icon_expanded_angle: -180,
    },
    border: { color: "grey", corner_radius: "5px" },
    elements: [div(body)],
  };
}

interface Item {
  head: string;
  details: string[];
}

/**
 * A verdict list (`1. 项目…` followed by indented reasons and citations) as elements: every
 * item with details becomes a collapsed panel titled by its first line; lines outside items
 * stay plain. Null when the text is not such a list or is short enough to read as it is.
 */
export function foldList(text: string): CardElement[] | null {
  if (text.length < FOLD_MIN_CHARS) return null;
  const blocks: Array<string | Item> = [];
  for (const line of text.split("\n")) {
    const last = blocks.at(-1);
    if (/^(?:\p{Extended_Pictographic}\uFE0F?\s)?\d+\.\s/u.test(line)) blocks.push({ head: line, details: [] });
    else if (/^\s{2,}\S/.test(line) && last && typeof last !== "string") last.details.push(line.trim());
    else if (typeof last === "string") blocks[blocks.length - 1] = `${last}\n${line}`;
    else blocks.push(line);
  }
  const items = blocks.filter((b): b is Item => typeof b !== "string" && b.details.length > 0);
  if (items.length < FOLD_MIN_ITEMS) return null;
  const elements: CardElement[] = [];
  for (const b of blocks) {
    if (typeof b === "string") {
      if (b.trim() !== "") elements.push(div(b.replace(/^\n+|\n+$/g, "")));
    } else if (b.details.length === 0) elements.push(div(b.head));
    else elements.push(panel(b.head, b.details.join("\n")));
  }
  return elements;
}

/** Whether `text` with `buttons` needs a card (buttons, or a list worth folding) rather than a text message. */
export function needsCard(text: string, buttons: Button[]): boolean {
  return buttons.length > 0 || foldList(text) !== null;
}

/** The card for an engine message; `chosen`: the label of the pressed button (the card then has no buttons). */
export function buildCard(text: string, buttons: Button[], opts: { chosen?: string } = {}): CardJson {
  const elements: CardElement[] = [];
  if (text !== "") elements.push(...(foldList(text) ?? [div(text)]));
  if (opts.chosen !== undefined) elements.push({ tag: "div", text: { tag: "plain_text", content: t.chosen(opts.chosen), text_color: "green" } });
  else if (buttons.length > 0) elements.push(buttonRow(buttons));
  return { schema: "2.0", config: { update_multi: true, width_mode: "fill" }, body: { elements } };
}
