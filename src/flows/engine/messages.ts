/**
 * The channel-neutral message model. Adapters (src/bots/*, the console) turn platform
 * updates into `InboundMessage` and send `OutboundMessage` back; the engine sees nothing else.
 */
export const CHANNELS = ["telegram", "feishu", "console", "web"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Commands the engine understands, whatever the platform spelling (/start, 开始 …). */
export const COMMANDS = [
  "start",
  "help",
  "check",
  "apply",
  "drafts",
  "subscribe",
  "unsubscribe",
  "cancel",
  "delete",
  "progress",
  "pause",
  "resume",
] as const;
export type Command = (typeof COMMANDS)[number];

export type UnsupportedKind = "sticker" | "photo" | "voice" | "video" | "file" | "location" | "other";

export interface InboundMessage {
  channel: Channel;
  /** Where replies go (a private chat, a group). Opaque, channel-scoped. */
  chatId: string;
  /** Who wrote. Opaque, channel-scoped; state is keyed by channel + userId. */
  userId: string;
  /** Unique per channel; the same update delivered twice has one effect. */
  updateId: string;
  kind: "text" | "action" | "command" | "unsupported" | "file";
  /** What the user typed (for a command: its arguments, possibly empty). */
  text: string;
  /** Button payload, for kind "action". */
  action?: string;
  command?: Command;
  /** What arrived instead of text (sticker, photo, voice …), for kind "unsupported". */
  unsupported?: UnsupportedKind;
  /** The platform id of the message that carried the pressed button, so it can be edited. */
  sourceMessageId?: string;
  /** A document the user sent (a notice file), for kind "file"; `text` is its caption. */
  file?: InboundFile;
}

/**
 * A file sent in chat, as plain data (it survives JSON): the bytes stay on the platform until
 * the adapter's `fetchFile(to, file.ref)` downloads them.
 */
export interface InboundFile {
  /** The file name the user's client gave (may be empty on some platforms). */
  name: string;
  /** Bytes, when the platform says (Telegram does; Feishu does not). */
  size: number | null;
  mime?: string;
  /** Opaque, channel-scoped: what the adapter needs to download it (Telegram file_id, Feishu message id + file key). */
  ref: string;
}

export interface Button {
  /** Payload returned as `action` when pressed; at most 64 bytes (Telegram's callback_data limit). */
  id: string;
  label: string;
}

export interface FileRef {
  path: string;
  name: string;
}

export interface OutboundMessage {
  text: string;
  buttons: Button[];
  file: FileRef | null;
  /** Platform id of an earlier message to edit in place (e.g. drop a pressed button's keyboard). */
  editOf?: string;
  /**
   * The question expects typed numbers (an amount, a count, option numbers of a multi-choice),
   * so a bare number is an answer, not the number of a button. Channels that let users press
   * buttons by typing their number (the console) must honour it.
   */
  numbersAreAnswers?: boolean;
}

export interface ChatAddress {
  channel: Channel;
  chatId: string;
  userId: string;
}

export function text(t: string, buttons: Button[] = []): OutboundMessage {
  return { text: t, buttons, file: null };
}
