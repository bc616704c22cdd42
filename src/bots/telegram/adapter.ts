import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { BotCommand, InlineKeyboardMarkup, Message, Update, UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import type { FastifyPluginAsync } from "fastify";
import type { Redis } from "ioredis";
import type { Command, InboundMessage, OutboundMessage } from "../../flows/engine/messages.ts";
import type { Logger } from "../../shared/log.ts";
import { FileTooLargeError, readCapped, type Activity, type Address, type ChannelAdapter, type InboundHandler, type SentMessage } from "../port.ts";
import { CallbackData } from "./callback-data.ts";
import { ChatStatus, forbiddenTransformer } from "./chat-status.ts";
import { ChatInactiveError, TelegramStartError } from "./errors.ts";
import { MAX_CAPTION_CHARS, MAX_MESSAGE_CHARS, escapeHtml, splitText } from "./html.ts";
import { isGroupChatId, translate, type AdapterReply, type PressedMessage } from "./inbound.ts";
import { deepLink, inlineKeyboard } from "./keyboard.ts";
import { redactError, redactingTransformer } from "./redact.ts";
import { telegramTexts as t } from "./texts.ts";
import { webhookRoutes, type WebhookOptions } from "./webhook.ts";

export interface TelegramAdapterOptions {
  token: string;
  /** Bot API server. @defaultValue "https://api.telegram.org" */
  apiRoot?: string;
  /** @defaultValue "polling" */
  mode?: "polling" | "webhook";
  /** Webhook mode: the public URL (its path is the route served) and the secret_token. */
  webhook?: WebhookOptions;
  log: Logger;
  /** Redis for long button payloads and blocked chats; a function is called once, on `start`. */
  redis: Redis | (() => Promise<{ redis: Redis; close(): Promise<void> }>);
  /** REDIS_PREFIX. @defaultValue "sb" */
  prefix?: string;
  /** How long long button payloads are kept. @defaultValue 90 days */
  ttlSeconds?: number;
  /** Skip getMe (tests). */
  botInfo?: UserFromGetMe;
  /** getUpdates long-poll timeout. @defaultValue 30 s */
  pollingTimeoutSeconds?: number;
  /** Show "typing…" when a message takes longer than this. @defaultValue 1000 ms */
  typingAfterMs?: number;
  /** Longest 429 retry_after waited for; a longer one fails the call. @defaultValue 120 s */
  maxRetryAfterSeconds?: number;
}

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
const PRIVATE_COMMANDS: Command[] = ["start", "help", "check", "apply", "drafts", "progress", "pause", "resume", "cancel", "subscribe", "unsubscribe", "delete"];
const GROUP_COMMANDS: Command[] = ["start", "help", "check", "apply"];
const TYPING_REPEAT_MS = 4500;
/** The Bot API lets bots download files up to 20 MB. */
const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024; // Telegram shows a chat action for 5 s

/**
 * The Telegram channel, through grammY. Long polling with @grammyjs/runner (updates of one
 * chat in order, chats in parallel) or a webhook route (`httpRoutes`) on the service's Fastify
 * server. Translates only: updates → InboundMessage (inbound.ts), OutboundMessage → Bot API
 * calls (HTML, split at 4,096 characters, inline keyboards, sendDocument).
 */
export class TelegramAdapter implements ChannelAdapter {
  readonly channel = "telegram" as const;
  /** Webhook mode only: a Fastify plugin with the POST route Telegram calls. */
  readonly httpRoutes?: FastifyPluginAsync;
  readonly bot: Bot;
  private onMessage: InboundHandler | null = null;
  private runner: RunnerHandle | null = null;
  private redisConn: Redis | null = null;
  private closeRedis: (() => Promise<void>) | null = null;
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly callbacks: CallbackData;
  private readonly status: ChatStatus;
  private readonly log: Logger;

  constructor(private readonly opts: TelegramAdapterOptions) {
    this.log = opts.log;
    this.bot = new Bot(opts.token, {
      ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
      client: { ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}), canUseWebhookReply: () => false },
    });
    const prefix = opts.prefix ?? "sb";
    const redis = () => {
      if (!this.redisConn) throw new Error("the Telegram adapter is not started");
      return this.redisConn;
    };
    this.callbacks = new CallbackData(redis, prefix, opts.ttlSeconds ?? 90 * 24 * 3600);
    this.status = new ChatStatus(redis, prefix);
    // Innermost first: redact the token, then note 403s, then wait out 429s (auto-retry).
    this.bot.api.config.use(
      redactingTransformer(opts.token),
      forbiddenTransformer(async (chatId, description) => {
        this.log.info("telegram chat blocked the bot; marked inactive");
        if (this.redisConn) await this.status.markInactive(chatId, description).catch(() => undefined);
      }),
      autoRetry({ maxDelaySeconds: opts.maxRetryAfterSeconds ?? 120, maxRetryAttempts: 5, rethrowHttpErrors: true }),
    );
    this.bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
    this.bot.use((ctx) => this.track(this.onUpdate(ctx.update)));
    this.bot.catch((err) => this.log.error({ err: safeErr(err.error, opts.token) }, "telegram update failed"));
    if ((opts.mode ?? "polling") === "webhook") {
      if (!opts.webhook) throw new Error("webhook mode needs webhook.url and webhook.secret");
      this.httpRoutes = webhookRoutes(this.bot, opts.webhook, () => this.onMessage !== null);
    }
  }

  get me(): UserFromGetMe {
    return this.bot.botInfo;
  }

  async start(onMessage: InboundHandler): Promise<void> {
    if (typeof this.opts.redis === "function") {
      const r = await this.opts.redis();
      this.redisConn = r.redis;
      this.closeRedis = r.close;
    } else this.redisConn = this.opts.redis;
    const api = this.bot.api;
    try {
      // Not bot.init(): it retries a network failure forever; a wrong API root should say so.
      if (!this.bot.isInited()) this.bot.botInfo = await withRetries(() => api.getMe(), 3);
      await api.setMyCommands(commandList(PRIVATE_COMMANDS));
      await api.setMyCommands(commandList(GROUP_COMMANDS), { scope: { type: "all_group_chats" } });
      if (this.opts.webhook && this.httpRoutes) {
        await api.setWebhook(this.opts.webhook.url, { secret_token: this.opts.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
      } else {
        await api.deleteWebhook();
      }
    } catch (err) {
      if (this.closeRedis) {
        await this.closeRedis();
        this.closeRedis = null;
        this.redisConn = null;
      }
      throw new TelegramStartError(`cannot start the Telegram bot: ${safeErr(err, this.opts.token).message}`, { cause: err });
    }
    this.onMessage = onMessage;
    if (!this.httpRoutes) {
      this.runner = run(this.bot, {
        runner: { fetch: { timeout: this.opts.pollingTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: "exponential" },
      });
      // The runner gives up on 401 (token revoked) and 409 (another process polls this token, or a webhook is set).
      void this.runner.task()?.catch((err: unknown) => {
        this.log.error({ err: safeErr(err, this.opts.token) }, "telegram polling stopped: check the token, and that only one process polls it (or use TELEGRAM_MODE=webhook)");
      });
    }
    this.log.info({ bot: this.me.username, mode: this.httpRoutes ? "webhook" : "polling" }, "telegram bot started");
  }

  async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    if (runner?.isRunning()) await runner.stop();
    this.onMessage = null;
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    await this.closeRedis?.();
    this.closeRedis = null;
  }

  owns(to: Address): boolean {
    return to.channel === "telegram";
  }

  async send(to: Address, m: OutboundMessage): Promise<SentMessage> {
    if (await this.status.isInactive(to.chatId)) throw new ChatInactiveError("the chat has blocked the bot; kept until it writes again");
    const markup = await this.markup(to.chatId, m);
    const chunks = splitText(m.text);
    let last: Message | null = null;
    if (m.file) {
      const caption = chunks.length === 1 && m.text.length <= MAX_CAPTION_CHARS ? m.text : null;
      if (caption === null) for (const c of chunks) await this.sendText(to.chatId, c);
      last = await this.bot.api.sendDocument(to.chatId, new InputFile(m.file.path, m.file.name), {
        ...(caption ? { caption: escapeHtml(caption), parse_mode: "HTML" as const } : {}),
        ...(markup ? { reply_markup: markup } : {}),
      });
    } else {
      for (const [i, c] of chunks.entries()) last = await this.sendText(to.chatId, c, i === chunks.length - 1 ? markup : undefined);
    }
    return { messageId: last ? String(last.message_id) : null };
  }

  async edit(to: Address, messageId: string, m: OutboundMessage): Promise<SentMessage> {
    if (m.file) return this.send(to, m);
    const [first = "", ...rest] = splitText(m.text);
    const markup = rest.length === 0 ? await this.markup(to.chatId, m) : undefined;
    try {
      await this.bot.api.editMessageText(to.chatId, Number(messageId), escapeHtml(first), { parse_mode: "HTML", ...(markup ? { reply_markup: markup } : {}) });
    } catch (err) {
      if (!(err instanceof GrammyError) || err.error_code !== 400) throw err;
      // "message is not modified" is done; a message that cannot be edited is sent anew.
      if (!/not modified/i.test(err.description)) return this.send(to, m);
    }
    let last: string = messageId;
    for (const [i, c] of rest.entries()) {
      const sent = await this.sendText(to.chatId, c, i === rest.length - 1 ? await this.markup(to.chatId, m) : undefined);
      last = String(sent.message_id);
    }
    return { messageId: last };
  }

  async progress(to: Address, activity: Activity): Promise<void> {
    await this.bot.api.sendChatAction(to.chatId, activity === "typing" ? "typing" : "upload_document");
  }

  /**
   * A document a user sent (`ref` is its file_id): getFile, then a download from the Bot API's
   * file URL (`<apiRoot>/file/bot<token>/<file_path>`; the token is never logged). The Bot API
   * serves files up to 20 MB; larger ones (and any over `maxBytes`) are FileTooLargeError.
   */
  async fetchFile(_to: Address, ref: string, maxBytes: number): Promise<Buffer> {
    let file;
    try {
      file = await this.bot.api.getFile(ref);
    } catch (err) {
      if (err instanceof GrammyError && /file is too big/i.test(err.description)) throw new FileTooLargeError(null, Math.min(maxBytes, BOT_API_DOWNLOAD_LIMIT));
      throw new Error(`getFile failed: ${safeErr(err, this.opts.token).message}`);
    }
    if (file.file_size !== undefined && file.file_size > maxBytes) throw new FileTooLargeError(file.file_size, maxBytes);
    if (!file.file_path) throw new Error("getFile gave no file_path");
    const root = this.opts.apiRoot ?? "https://api.telegram.org";
    const res = await fetch(`${root}/file/bot${this.opts.token}/${file.file_path}`, { signal: AbortSignal.timeout(60_000) }).catch((err: unknown) => {
      throw new Error(`file download failed: ${safeErr(err, this.opts.token).message}`);
    });
    if (!res.ok || !res.body) throw new Error(`file download failed: HTTP ${res.status}`);
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) {
      await res.body.cancel();
      throw new FileTooLargeError(declared, maxBytes);
    }
    return readCapped(res.body as unknown as AsyncIterable<Uint8Array>, maxBytes);
  }

  /** Whether a chat is marked inactive (blocked the bot); it clears when the chat writes again. */
  isInactive(chatId: string): Promise<boolean> {
    return this.status.isInactive(chatId);
  }

  /** Handle one update as the runner or the webhook passes it (tests and benchmarks may call it). */
  handleUpdate(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    return p;
  }

  private async onUpdate(update: Update): Promise<void> {
    const onMessage = this.onMessage;
    if (!onMessage) return;
    const tr = translate(update, this.me);
    switch (tr.kind) {
      case "ignore":
        return;
      case "status":
        if (tr.active) await this.status.markActive(tr.chatId);
        else await this.status.markInactive(tr.chatId, "my_chat_member");
        return;
      case "reply":
        if (await this.firstTime(tr.updateId)) await this.reply(tr.chatId, tr.reply);
        return;
      case "message":
        await this.status.markActive(tr.message.chatId);
        await this.withTyping(tr.message.chatId, () => onMessage(tr.message));
        return;
      case "press": {
        const action = await this.callbacks.decode(tr.data);
        await this.bot.api.answerCallbackQuery(tr.callbackQueryId, action === null ? { text: t.buttonExpired } : {}).catch((err: unknown) => {
          this.log.warn({ err: safeErr(err, this.opts.token).message }, "answerCallbackQuery failed");
        });
        if (action === null) return;
        await this.status.markActive(tr.message.chatId);
        if (tr.source) await this.showChoice(tr.message.chatId, tr.source, tr.message.text);
        const message: InboundMessage = { ...tr.message, action };
        await this.withTyping(message.chatId, () => onMessage(message));
        return;
      }
    }
  }

  /** Replies the adapter makes itself happen once per update, like the engine's (Redis SET NX). */
  private async firstTime(updateId: string): Promise<boolean> {
    const key = `${this.opts.prefix ?? "sb"}:tg:seen:${updateId}`;
    return (await this.redisConn!.set(key, "1", "EX", 24 * 3600, "NX")) === "OK";
  }

  private async reply(chatId: string, r: AdapterReply): Promise<void> {
    const link = (payload: string): InlineKeyboardMarkup => ({ inline_keyboard: [[{ text: t.openPrivate, url: deepLink(this.me.username, payload) }]] });
    switch (r.type) {
      case "group-intro":
        await this.sendText(chatId, t.groupIntro, link("start"));
        return;
      case "to-private":
        await this.sendText(chatId, t.groupToPrivate, link(r.command));
        return;
      case "press-in-group":
        await this.bot.api.answerCallbackQuery(r.callbackQueryId, { text: t.groupButtonsInPrivate });
        return;
    }
  }

  /** The pressed question shows the choice and loses its keyboard, so it cannot be pressed again. */
  private async showChoice(chatId: string, source: PressedMessage, label: string): Promise<void> {
    const choice = t.chosen(label);
    const text = source.text !== null && !source.isCaption && label !== "" ? `${source.text}\n\n${choice}` : null;
    try {
      if (text !== null && text.length <= MAX_MESSAGE_CHARS) await this.bot.api.editMessageText(chatId, source.messageId, escapeHtml(text), { parse_mode: "HTML" });
      else await this.bot.api.editMessageReplyMarkup(chatId, source.messageId);
    } catch (err) {
      // Too old to edit, already edited by a double click: the press still counts.
      this.log.debug({ err: safeErr(err, this.opts.token).message }, "could not mark the pressed question");
    }
  }

  /** "typing…" while the engine works on a slow message, repeated until it is done. */
  private async withTyping(chatId: string, work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const tick = () => {
      if (done) return;
      void this.progress({ channel: "telegram", chatId }, "typing").catch(() => undefined);
      timer = setTimeout(tick, TYPING_REPEAT_MS);
    };
    timer = setTimeout(tick, this.opts.typingAfterMs ?? 1000);
    try {
      await work();
    } finally {
      done = true;
      clearTimeout(timer);
    }
  }

  private sendText(chatId: string, text: string, markup?: InlineKeyboardMarkup): Promise<Message.TextMessage> {
    return this.bot.api.sendMessage(chatId, escapeHtml(text), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
  }

  /** Buttons as an inline keyboard; in a group, one link to the private chat instead (no forms in groups). */
  private async markup(chatId: string, m: OutboundMessage): Promise<InlineKeyboardMarkup | undefined> {
    if (m.buttons.length === 0) return undefined;
    if (isGroupChatId(chatId)) return { inline_keyboard: [[{ text: t.openPrivate, url: deepLink(this.me.username, "start") }]] };
    const buttons = await Promise.all(m.buttons.map(async (b) => ({ text: b.label, callback_data: await this.callbacks.encode(b.id) })));
    return inlineKeyboard(buttons);
  }

}

/** A few tries for network failures (HttpError) only, 0.5 s apart and doubling. */
async function withRetries<T>(task: () => Promise<T>, attempts: number): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await task();
    } catch (err) {
      if (!(err instanceof HttpError) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 500 * 2 ** (i - 1)));
    }
  }
}

function commandList(names: Command[]): BotCommand[] {
  return names.map((command) => ({ command, description: t.commands[command] }));
}

/** An error as it may be logged: name and message, token redacted. */
function safeErr(err: unknown, token: string): { name: string; message: string } {
  const e = redactError(err, token) as { name?: string; message?: string };
  return { name: e?.name ?? "Error", message: String(e?.message ?? err).split(token).join("<token>") };
}
