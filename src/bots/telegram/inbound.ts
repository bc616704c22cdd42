import type { Message, Update, UserFromGetMe } from "grammy/types";
import { COMMANDS, type Command, type InboundMessage, type UnsupportedKind } from "../../flows/engine/messages.ts";

/**
 * What one Telegram update means for the adapter. Pure: no I/O, so it is tested with
 * recorded updates and `botInfo` alone (https://core.telegram.org/bots/api#update).
 */
export type Translated =
  /** To the engine. */
  | { kind: "message"; message: InboundMessage }
  /** A button press: `data` is still the raw callback_data (a short key may need resolving). */
  | { kind: "press"; message: InboundMessage; callbackQueryId: string; data: string; source: PressedMessage | null }
  /** The adapter answers itself: a group asked to move to a private chat. */
  | { kind: "reply"; chatId: string; updateId: string; reply: AdapterReply }
  /** The bot was blocked / unblocked in a chat (my_chat_member). */
  | { kind: "status"; chatId: string; active: boolean }
  | { kind: "ignore" };

export type AdapterReply =
  | { type: "group-intro" }
  | { type: "to-private"; command: Command }
  | { type: "press-in-group"; callbackQueryId: string };

/** The message that carried a pressed button, to show the choice in it. */
export interface PressedMessage {
  messageId: number;
  /** Its text or caption as Telegram shows it; null for other messages. */
  text: string | null;
  isCaption: boolean;
}

const KNOWN = new Set<string>(COMMANDS);
/** Commands that open or show forms: in a group they move to the private chat. */
const PRIVATE_ONLY = new Set<Command>(["check", "apply", "drafts", "progress", "pause", "resume", "cancel", "delete", "subscribe", "unsubscribe"]);

export function isGroupChatId(chatId: string): boolean {
  return chatId.startsWith("-");
}

/**
 * The engine keys state by user. In a group, a user's messages get their own state
 * (`<user>@<group>`), so a question asked in a group is never taken as the answer to the
 * form they are filling in private, and no form reply goes to the group.
 */
export function groupUserId(userId: string, chatId: string): string {
  return `${userId}@${chatId}`;
}

function commandOf(message: Message, me: UserFromGetMe): { name: string; args: string; forOtherBot: boolean } | null {
  const text = message.text ?? "";
  const e = message.entities?.[0];
  if (!e || e.type !== "bot_command" || e.offset !== 0) return null;
  const [name = "", bot] = text.slice(1, e.length).split("@");
  return { name: name.toLowerCase(), args: text.slice(e.length).trim(), forOtherBot: bot !== undefined && bot.toLowerCase() !== me.username.toLowerCase() };
}

/** The text with mentions of this bot removed, or null if the bot is not mentioned. */
function withoutMention(message: Message, me: UserFromGetMe): string | null {
  const text = message.text ?? "";
  const spans = (message.entities ?? []).filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me.username.toLowerCase()) ||
      (e.type === "text_mention" && e.user.id === me.id),
  );
  if (spans.length === 0) return null;
  let out = text;
  for (const e of [...spans].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  return out.trim();
}

function unsupportedOf(m: Message): UnsupportedKind | null {
  if (m.sticker) return "sticker";
  if (m.photo) return "photo";
  if (m.voice || m.audio) return "voice";
  if (m.video || m.video_note || m.animation) return "video";
  if (m.location || m.venue) return "location";
  if (m.text === undefined) return "other";
  return null;
}

/** The command a deep link (`/start check`) asks for, when it names one. */
function deepLinkCommand(args: string): Command | null {
  return KNOWN.has(args) ? (args as Command) : null;
}

export function translate(update: Update, me: UserFromGetMe): Translated {
  const updateId = String(update.update_id);
  if (update.my_chat_member) {
    const status = update.my_chat_member.new_chat_member.status;
    return { kind: "status", chatId: String(update.my_chat_member.chat.id), active: status !== "kicked" && status !== "left" };
  }
  if (update.callback_query) return translatePress(update);
  const m = update.message;
  if (!m || !m.from || m.from.is_bot) return { kind: "ignore" };
  const chatId = String(m.chat.id);
  const group = m.chat.type === "group" || m.chat.type === "supergroup";
  const fromId = String(m.from.id);
  const base = { channel: "telegram" as const, chatId, userId: group ? groupUserId(fromId, chatId) : fromId, updateId: `m:${chatId}:${m.message_id}` };
  const cmd = commandOf(m, me);
  if (group) {
    if (cmd) {
      if (cmd.forOtherBot) return { kind: "ignore" };
      const command = KNOWN.has(cmd.name) ? (cmd.name as Command) : "help";
      if (PRIVATE_ONLY.has(command)) return { kind: "reply", chatId, updateId, reply: { type: "to-private", command } };
      return { kind: "reply", chatId, updateId, reply: { type: "group-intro" } };
    }
    const text = withoutMention(m, me);
    if (text === null) return { kind: "ignore" };
    if (text === "") return { kind: "reply", chatId, updateId, reply: { type: "group-intro" } };
    return { kind: "message", message: { ...base, kind: "text", text } };
  }
  if (m.document) {
    const d = m.document;
    const file = { name: d.file_name ?? "", size: d.file_size ?? null, ...(d.mime_type ? { mime: d.mime_type } : {}), ref: d.file_id };
    return { kind: "message", message: { ...base, kind: "file", text: m.caption ?? "", file } };
  }
  const unsupported = unsupportedOf(m);
  if (unsupported) return { kind: "message", message: { ...base, kind: "unsupported", text: m.caption ?? "", unsupported } };
  if (cmd) {
    if (cmd.forOtherBot) return { kind: "ignore" };
    if (cmd.name === "start" && deepLinkCommand(cmd.args)) return { kind: "message", message: { ...base, kind: "command", command: deepLinkCommand(cmd.args)!, text: "" } };
    const command = KNOWN.has(cmd.name) ? (cmd.name as Command) : "help";
    return { kind: "message", message: { ...base, kind: "command", command, text: cmd.name === "start" ? "" : cmd.args } };
  }
  return { kind: "message", message: { ...base, kind: "text", text: m.text ?? "" } };
}

function translatePress(update: Update): Translated {
  const q = update.callback_query!;
  const chat = q.message?.chat;
  if (!chat || q.from.is_bot || q.data === undefined) return { kind: "ignore" };
  const chatId = String(chat.id);
  const updateId = `c:${q.id}`;
  if (chat.type !== "private") return { kind: "reply", chatId, updateId, reply: { type: "press-in-group", callbackQueryId: q.id } };
  const msg = q.message && "date" in q.message && q.message.date !== 0 ? (q.message as Message) : null;
  const label = labelOf(msg, q.data);
  const source: PressedMessage | null = q.message
    ? { messageId: q.message.message_id, text: msg?.text ?? msg?.caption ?? null, isCaption: msg?.text === undefined }
    : null;
  return {
    kind: "press",
    callbackQueryId: q.id,
    data: q.data,
    source,
    message: {
      channel: "telegram",
      chatId,
      userId: String(q.from.id),
      updateId,
      kind: "action",
      text: label,
      action: q.data,
      ...(q.message ? { sourceMessageId: String(q.message.message_id) } : {}),
    },
  };
}

/** The pressed button's label, from the keyboard Telegram sends back with the message. */
function labelOf(msg: Message | null, data: string): string {
  for (const row of msg?.reply_markup?.inline_keyboard ?? []) {
    for (const b of row) if ("callback_data" in b && b.callback_data === data) return b.text;
  }
  return "";
}
