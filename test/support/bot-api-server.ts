/**
 * A local Telegram Bot API server for tests and benchmarks: the real grammY client talks to
 * it over HTTP (apiRoot). It implements what the adapter calls, as the Bot API documents it
 * (https://core.telegram.org/bots/api): getMe, getUpdates (long polls held open), sendMessage,
 * editMessageText, editMessageReplyMarkup, answerCallbackQuery, sendDocument (multipart),
 * sendChatAction, setMyCommands, setWebhook, deleteWebhook, getFile and file downloads
 * (GET /file/bot<token>/<file_path>, refused over 20 MB as the Bot API does); plus injected
 * 429s and blocked chats (403). Users are simulated: `userSends`, `userSendsFile`,
 * `userPresses` queue updates.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface StoredMessage {
  message_id: number;
  chat_id: string;
  text?: string;
  caption?: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>> };
  document?: { file_name: string; bytes: Buffer };
}

interface Failure {
  method: string;
  status: number;
  body: Record<string, unknown>;
  times: number;
}

interface Waiter {
  offset: number;
  limit: number;
  resolve: () => void;
}

export const TEST_TOKEN = "123456:TEST-token-for-the-local-bot-api-0123456789";
export const BOT = { id: 123456, is_bot: true as const, first_name: "申报助手", username: "shenbao_test_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_manage_bots: false, supports_join_request_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false };

const ALLOWED_TAGS = /<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|a|tg-spoiler|span|blockquote)(\s[^>]*)?>/g;

/** The visible text of an HTML-mode message, or an error when Telegram would refuse to parse it. */
function parseHtml(html: string): string | Error {
  const stripped = html.replace(ALLOWED_TAGS, "");
  if (/[<>]/.test(stripped)) return new Error("Bad Request: can't parse entities: unsupported start tag");
  if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(stripped)) return new Error("Bad Request: can't parse entities: unclosed entity");
  return stripped.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, "&");
}

/**
 * multipart/form-data as Telegram accepts it, including grammY's unquoted `filename=` (which
 * stricter parsers such as undici's refuse).
 */
function multipart(body: Buffer, boundary: string): Map<string, { name: string; filename?: string; data: Buffer }> {
  const parts = new Map<string, { name: string; filename?: string; data: Buffer }>();
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new Error("unterminated multipart body");
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headEnd = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, headEnd).toString("utf8");
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1];
    if (name === undefined) throw new Error("multipart part without a name");
    parts.set(name, { name, ...(filename !== undefined ? { filename } : {}), data: Buffer.from(part.subarray(headEnd + 4)) });
    pos = next;
  }
  return parts;
}

export class BotApiServer {
  readonly calls: RecordedCall[] = [];
  readonly messages = new Map<string, StoredMessage>();
  private readonly byChat = new Map<string, StoredMessage[]>();
  readonly callbackAnswers = new Map<string, Record<string, unknown>>();
  webhook: { url: string; secret?: string } | null = null;
  private server: http.Server | null = null;
  private updates: Array<Record<string, unknown> & { update_id: number }> = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private nextQueryId = 1;
  private waiters: Waiter[] = [];
  private callWaiters: Array<{ pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  private failures: Failure[] = [];
  private messageWaiters: Array<{ chatId: string; pred: (m: StoredMessage) => boolean; resolve: (m: StoredMessage) => void }> = [];
  private readonly blocked = new Set<string>();
  private readonly openPolls = new Set<http.ServerResponse>();
  /** Files users sent: file_id → bytes and the file_path getFile gives. */
  private readonly files = new Map<string, { bytes: Buffer; path: string; size: number }>();
  /** Downloads served (file paths), for assertions. */
  readonly downloads: string[] = [];

  constructor(readonly token = TEST_TOKEN) {}

  async listen(): Promise<string> {
    this.server = http.createServer((req, res) => void this.route(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this.apiRoot;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const w of this.waiters.splice(0)) w.resolve();
    for (const res of this.openPolls) res.destroy();
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  // ---- simulated users -------------------------------------------------------------

  /** A user writes in a chat (private unless `chat` says otherwise); commands and @mentions get entities. */
  userSends(from: number, text: string, chat: { id: number; type: "private" | "group" | "supergroup" } = { id: from, type: "private" }): number {
    const entities: Array<Record<string, unknown>> = [];
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (cmd) entities.push({ type: "bot_command", offset: 0, length: cmd[0].length });
    for (const m of text.matchAll(/@[A-Za-z0-9_]{5,}/g)) if (!cmd || m.index! >= cmd[0].length) entities.push({ type: "mention", offset: m.index!, length: m[0].length });
    return this.pushMessage(from, chat, { text, ...(entities.length ? { entities } : {}) });
  }

  /** A user sends something other than text (a sticker, a document …), as the Message fields say. */
  userSendsOther(from: number, fields: Record<string, unknown>, chat: { id: number; type: "private" | "group" | "supergroup" } = { id: from, type: "private" }): number {
    return this.pushMessage(from, chat, fields);
  }

  /**
   * A user sends a document. `size` overrides the size Telegram reports (a file too large to
   * download need not be held in memory). Returns the message's update id.
   */
  userSendsFile(from: number, fileName: string, bytes: Buffer, opts: { mime?: string; size?: number; caption?: string; chat?: { id: number; type: "private" | "group" | "supergroup" } } = {}): number {
    const document = this.holdFile(fileName, bytes, opts);
    return this.pushMessage(from, opts.chat ?? { id: from, type: "private" }, { document, ...(opts.caption ? { caption: opts.caption } : {}) });
  }

  /** Keeps `bytes` as an uploaded file (for getFile and the download) and returns its Message.document. */
  holdFile(fileName: string, bytes: Buffer, opts: { mime?: string; size?: number } = {}): Record<string, unknown> {
    const n = this.files.size + 1;
    const file_id = `BQACAgIAAxkBAAI${n}file`;
    const size = opts.size ?? bytes.length;
    this.files.set(file_id, { bytes, path: `documents/file_${n}${/\.[A-Za-z0-9]+$/.exec(fileName)?.[0] ?? ""}`, size });
    return { file_id, file_unique_id: `AgAD${n}`, file_name: fileName, ...(opts.mime ? { mime_type: opts.mime } : {}), file_size: size };
  }

  /** A user presses a button of one of the bot's messages. */
  userPresses(from: number, messageId: number, data: string, chatId: number = from): number {
    const stored = this.messages.get(`${chatId}:${messageId}`);
    const message = stored
      ? { message_id: messageId, date: 1_700_000_000, chat: this.chat(chatId), from: BOT, ...(stored.text !== undefined ? { text: stored.text } : {}), ...(stored.caption !== undefined ? { caption: stored.caption } : {}), ...(stored.reply_markup ? { reply_markup: stored.reply_markup } : {}) }
      : { message_id: messageId, date: 0, chat: this.chat(chatId) };
    return this.push({ callback_query: { id: `q${this.nextQueryId++}`, from: this.user(from), message, chat_instance: `ci${chatId}`, data } });
  }

  /** The user blocks the bot: every call for that chat fails with 403 (and my_chat_member says so). */
  block(chatId: number, withUpdate = false): void {
    this.blocked.add(String(chatId));
    if (withUpdate) this.push({ my_chat_member: { chat: this.chat(chatId), from: this.user(chatId), date: 1_700_000_000, old_chat_member: { status: "member", user: BOT }, new_chat_member: { status: "kicked", user: BOT, until_date: 0 } } });
  }

  unblock(chatId: number): void {
    this.blocked.delete(String(chatId));
    this.push({ my_chat_member: { chat: this.chat(chatId), from: this.user(chatId), date: 1_700_000_000, old_chat_member: { status: "kicked", user: BOT, until_date: 0 }, new_chat_member: { status: "member", user: BOT } } });
  }

  /** The next `times` calls of `method` fail with 429 and this retry_after. */
  rateLimit(method: string, retryAfterSeconds: number, times = 1): void {
    this.failures.push({ method, status: 429, times, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfterSeconds}`, parameters: { retry_after: retryAfterSeconds } } });
  }

  /** A message the bot sent earlier (before this test), e.g. one to edit. Returns its id. */
  seedMessage(chatId: number, text: string): number {
    return this.store(String(chatId), { text }).message_id;
  }

  /** Add a raw update (webhook tests build their own). */
  push(fields: Record<string, unknown>): number {
    const update = { update_id: this.nextUpdateId++, ...fields };
    this.updates.push(update);
    for (const w of this.waiters.splice(0)) w.resolve();
    return update.update_id;
  }

  /** The update with this id, for posting to a webhook. */
  update(id: number): Record<string, unknown> {
    const u = this.updates.find((x) => x.update_id === id);
    if (!u) throw new Error(`no update ${id}`);
    return u;
  }

  // ---- observing -------------------------------------------------------------------

  /** Resolves with the first call (already made or to come) matching `pred`, after `from` calls. */
  waitForCall(pred: (c: RecordedCall) => boolean, opts: { from?: number; timeoutMs?: number } = {}): Promise<RecordedCall> {
    const found = this.calls.slice(opts.from ?? 0).find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching Bot API call within ${opts.timeoutMs ?? 30_000} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`)), opts.timeoutMs ?? 30_000);
      this.callWaiters.push({ pred, resolve: (c) => (clearTimeout(timer), resolve(c)) });
    });
  }

  /** Resolves with the first message the bot has (or will have) in a chat matching `pred`. */
  waitForMessage(chatId: number | string, pred: (m: StoredMessage) => boolean, timeoutMs = 30_000): Promise<StoredMessage> {
    const found = this.chatMessages(chatId).find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message in chat ${chatId} within ${timeoutMs} ms`)), timeoutMs);
      this.messageWaiters.push({ chatId: String(chatId), pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** Messages the bot has in a chat, oldest first. */
  chatMessages(chatId: number | string): StoredMessage[] {
    return [...(this.byChat.get(String(chatId)) ?? [])];
  }

  lastMessage(chatId: number | string): StoredMessage {
    const m = this.chatMessages(chatId).at(-1);
    if (!m) throw new Error(`no message in chat ${chatId}`);
    return m;
  }

  // ---- HTTP ------------------------------------------------------------------------

  private user(id: number) {
    return { id, is_bot: false, first_name: `用户${id}`, language_code: "zh-hans" };
  }

  private chat(id: number, type?: string) {
    return id < 0 ? { id, type: type ?? "supergroup", title: "测试群" } : { id, type: "private", first_name: `用户${id}` };
  }

  private pushMessage(from: number, chat: { id: number; type: string }, fields: Record<string, unknown>): number {
    const message_id = this.nextMessageId++;
    return this.push({ message: { message_id, date: 1_700_000_000, chat: this.chat(chat.id, chat.type), from: this.user(from), ...fields } });
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (download && req.method === "GET") {
      if (download[1] !== this.token) return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const file = [...this.files.values()].find((f) => f.path === download[2]);
      if (!file) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      this.downloads.push(file.path);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
      res.end(file.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (!m) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (m[1] !== this.token) return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = m[2]!;
    let payload: Record<string, unknown>;
    try {
      payload = await this.parseBody(req.headers["content-type"] ?? "", body);
    } catch (err) {
      return this.reply(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(err as Error).message}` });
    }
    if (payload.chat_id !== undefined) payload.chat_id = String(payload.chat_id);
    if (method !== "getUpdates") this.record({ method, payload });
    const fail = this.failures.find((f) => f.method === method && f.times > 0);
    if (fail) {
      fail.times -= 1;
      return this.reply(res, fail.status, fail.body);
    }
    if (payload.chat_id !== undefined && this.blocked.has(String(payload.chat_id))) {
      return this.reply(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    if (method === "getUpdates") return this.getUpdates(res, payload);
    try {
      return this.reply(res, 200, { ok: true, result: this.handle(method, payload) });
    } catch (err) {
      return this.reply(res, 400, { ok: false, error_code: 400, description: (err as Error).message });
    }
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.callWaiters = this.callWaiters.filter((w) => {
      if (!w.pred(call)) return true;
      w.resolve(call);
      return false;
    });
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private async parseBody(type: string, body: Buffer): Promise<Record<string, unknown>> {
    if (body.length === 0) return {};
    if (type.startsWith("application/json")) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    const boundary = /boundary=([^;]+)/.exec(type)?.[1];
    if (!type.startsWith("multipart/form-data") || !boundary) throw new Error(`unsupported content type ${type}`);
    const parts = multipart(body, boundary);
    const out: Record<string, unknown> = {};
    for (const part of parts.values()) {
      if (part.filename !== undefined) continue;
      const v = part.data.toString("utf8");
      const attach = /^attach:\/\/(.+)$/.exec(v);
      if (attach) {
        const file = parts.get(attach[1]!);
        if (!file || file.filename === undefined) throw new Error(`no file part ${attach[1]}`);
        out[part.name] = { file_name: file.filename, bytes: file.data };
      } else if (part.name === "reply_markup" || part.name === "caption_entities") out[part.name] = JSON.parse(v);
      else out[part.name] = v;
    }
    return out;
  }

  private getUpdates(res: http.ServerResponse, p: Record<string, unknown>): void {
    if (this.webhook) return this.reply(res, 409, { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    const offset = Number(p.offset ?? 0);
    const limit = Number(p.limit ?? 100);
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    const ready = () => this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (ready().length > 0 || Number(p.timeout ?? 0) === 0) return this.reply(res, 200, { ok: true, result: ready() });
    this.openPolls.add(res);
    const done = () => {
      clearTimeout(timer);
      this.openPolls.delete(res);
      this.waiters = this.waiters.filter((w) => w !== waiter);
      this.reply(res, 200, { ok: true, result: ready() });
    };
    const timer = setTimeout(done, Number(p.timeout) * 1000);
    const waiter: Waiter = { offset, limit, resolve: done };
    this.waiters.push(waiter);
    res.on("close", () => {
      clearTimeout(timer);
      this.openPolls.delete(res);
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
  }

  private store(chatId: string, fields: Omit<StoredMessage, "message_id" | "chat_id">): StoredMessage & { date: number } {
    const message: StoredMessage = { message_id: this.nextMessageId++, chat_id: chatId, ...fields };
    this.messages.set(`${chatId}:${message.message_id}`, message);
    const list = this.byChat.get(chatId) ?? [];
    list.push(message);
    this.byChat.set(chatId, list);
    this.messageWaiters = this.messageWaiters.filter((w) => {
      if (w.chatId !== chatId || !w.pred(message)) return true;
      w.resolve(message);
      return false;
    });
    return { ...message, date: 1_700_000_000 };
  }

  private asMessage(m: StoredMessage): Record<string, unknown> {
    const { chat_id, document, ...rest } = m;
    return { ...rest, date: 1_700_000_000, chat: this.chat(Number(chat_id)), from: BOT, ...(document ? { document: { file_id: `f${m.message_id}`, file_unique_id: `u${m.message_id}`, file_name: document.file_name, file_size: document.bytes.length } } : {}) };
  }

  private checkMarkup(markup: unknown): StoredMessage["reply_markup"] {
    if (markup === undefined) return undefined;
    const kb = markup as NonNullable<StoredMessage["reply_markup"]>;
    for (const row of kb.inline_keyboard) {
      for (const b of row) {
        if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64) throw new Error("Bad Request: BUTTON_DATA_INVALID");
        if (b.callback_data === undefined && b.url === undefined) throw new Error("Bad Request: can't parse inline keyboard button");
      }
    }
    return kb;
  }

  private text(p: Record<string, unknown>, field: "text" | "caption", max: number): string {
    const raw = String(p[field] ?? "");
    const visible = p.parse_mode === "HTML" ? parseHtml(raw) : raw;
    if (visible instanceof Error) throw visible;
    if (field === "text" && visible.trim() === "") throw new Error("Bad Request: message text is empty");
    if (visible.length > max) throw new Error(`Bad Request: ${field === "text" ? "message is too long" : "message caption is too long"}`);
    return visible;
  }

  private handle(method: string, p: Record<string, unknown>): unknown {
    const chatId = String(p.chat_id ?? "");
    switch (method) {
      case "getMe":
        return BOT;
      case "setMyCommands":
      case "sendChatAction":
        return true;
      case "setWebhook":
        this.webhook = { url: String(p.url), ...(p.secret_token ? { secret: String(p.secret_token) } : {}) };
        return true;
      case "deleteWebhook":
        this.webhook = null;
        return true;
      case "sendMessage":
        return this.asMessage(this.store(chatId, { text: this.text(p, "text", 4096), reply_markup: this.checkMarkup(p.reply_markup) }));
      case "sendDocument": {
        const doc = p.document as { file_name: string; bytes: Buffer } | undefined;
        if (!doc || !Buffer.isBuffer(doc.bytes)) throw new Error("Bad Request: there is no document in the request");
        const caption = p.caption !== undefined ? this.text(p, "caption", 1024) : undefined;
        return this.asMessage(this.store(chatId, { document: doc, ...(caption !== undefined ? { caption } : {}), reply_markup: this.checkMarkup(p.reply_markup) }));
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        const m = this.messages.get(`${chatId}:${p.message_id}`);
        if (!m) throw new Error("Bad Request: message to edit not found");
        const text = method === "editMessageText" ? this.text(p, "text", 4096) : m.text;
        if (method === "editMessageText" && m.text === undefined) throw new Error("Bad Request: there is no text in the message to edit");
        const markup = this.checkMarkup(p.reply_markup);
        if (text === m.text && JSON.stringify(markup) === JSON.stringify(m.reply_markup)) throw new Error("Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        m.text = text;
        m.reply_markup = markup;
        return this.asMessage(m);
      }
      case "getFile": {
        const f = this.files.get(String(p.file_id));
        if (!f) throw new Error("Bad Request: invalid file_id");
        if (f.size > 20 * 1024 * 1024) throw new Error("Bad Request: file is too big");
        return { file_id: String(p.file_id), file_unique_id: `u${String(p.file_id)}`, file_size: f.size, file_path: f.path };
      }
      case "answerCallbackQuery": {
        const id = String(p.callback_query_id);
        if (this.callbackAnswers.has(id)) throw new Error("Bad Request: query is too old and response timeout expired or query ID is invalid");
        this.callbackAnswers.set(id, p);
        return true;
      }
      default:
        throw new Error(`Bad Request: method ${method} not implemented by the test server`);
    }
  }
}
