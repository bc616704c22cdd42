import { createHash, randomBytes } from "node:crypto";
import { isoDayInChina, type Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/log.ts";
import type { Catalog } from "./catalog.ts";
import type { Effect, Turn } from "./context.ts";
import type { ChatAddress, InboundMessage, OutboundMessage } from "./messages.ts";
import { text } from "./messages.ts";
import type { Answers } from "../forms/types.ts";
import { entryOf } from "./catalog.ts";
import { SEEN_LIMIT, newSession, type UserState } from "./state.ts";
import { StateConflictError, type Loaded, type RedisStateStore, type UserKey } from "./store.ts";
import { engineTexts as t } from "./texts.ts";
import { applyMessage } from "./transition.ts";

/** What the conversation is about when a question is asked: the notice of the program being filled in, or the one last quoted. */
export interface QaContext {
  noticeId?: string;
}

/** An answer and the notice it quotes (the conversation's notice for the next question). */
export interface QaReply {
  text: string;
  noticeId?: string;
}

/** Policy Q&A, as the engine needs it: a question in, Chinese text quoting the notices out. */
export interface KnowledgePort {
  answer(question: string, context?: QaContext): Promise<string | QaReply>;
}

/** A confirmed draft to turn into a document: a snapshot of that version's answers. */
export interface DocumentRequest {
  user: UserKey;
  address: ChatAddress;
  draftId: string;
  draftVersion: number;
  programId: string;
  answers: Answers;
  profile: Record<string, unknown>;
}

/** A finished document, as the queue reports it. */
export interface FinishedDocument {
  path: string;
  name: string;
  pdfPath: string | null;
}

/** Queues document generation; idempotent per draft id and version. */
export interface DocumentPort {
  enqueue(request: DocumentRequest): Promise<void>;
}

export type Send = (message: OutboundMessage) => Promise<void>;

export interface EngineDeps {
  store: RedisStateStore;
  clock: Clock;
  log: Logger;
  catalog: Catalog;
  knowledge: KnowledgePort;
  documents?: DocumentPort;
  /** Draft ids; injectable for tests. */
  newId?: () => string;
  /** Acknowledge a slow answer after this long. @defaultValue 800 ms */
  ackAfterMs?: number;
  /** A notice without a printed deadline is presented as history after this many years. @defaultValue 3 */
  historyAfterYears?: number;
  /** 删除我的数据: after the state is gone, drop what the rest of the app keeps (files, jobs, deliveries, history). */
  onDeleteUser?: (user: UserKey, address: ChatAddress) => Promise<void>;
}

/** A short digest of channel + update id: the dedupe list is rewritten with every message, so keep it small. */
function seenIdOf(msg: InboundMessage): string {
  return createHash("sha1").update(`${msg.channel}:${msg.updateId}`).digest("base64url").slice(0, 12);
}

function defaultNewId(): string {
  return randomBytes(4).toString("hex").slice(0, 6);
}

/**
 * The channel-neutral conversation engine. Each inbound message is applied to the user's
 * state in one optimistic transaction (see RedisStateStore.update); replies are sent after
 * the state is committed, then slow work (Q&A, document jobs) runs as effects.
 */
export class ConversationEngine {
  private readonly locks = new Map<string, Promise<void>>();

  constructor(private readonly deps: EngineDeps) {}

  get catalog(): Catalog {
    return this.deps.catalog;
  }

  /**
   * Start reading the state `msg` will be applied to, for `handle(msg, send, prefetched)` soon
   * after (while the adapter records the message, say): one round trip less before the reply.
   * Undefined when a message of the same user is being handled here (the read would be stale).
   */
  prefetch(msg: InboundMessage): Promise<Loaded> | undefined {
    if (this.locks.has(`${msg.channel}:${msg.userId}`)) return undefined;
    return this.deps.store.prefetch({ channel: msg.channel, userId: msg.userId });
  }

  /** Handle one message; every reply goes through `send`, in order. Never throws. */
  async handle(msg: InboundMessage, send: Send, prefetched?: Promise<Loaded>): Promise<void> {
    const key = `${msg.channel}:${msg.userId}`;
    // A message of the same user got in first: what was read before it is stale.
    const pre = this.locks.has(key) ? undefined : prefetched;
    const prev = this.locks.get(key) ?? Promise.resolve();
    const run = prev.then(() => this.handleLocked(msg, send, pre));
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    try {
      await run;
    } finally {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }

  private async handleLocked(msg: InboundMessage, send: Send, prefetched?: Promise<Loaded>): Promise<void> {
    const { log } = this.deps;
    const user: UserKey = { channel: msg.channel, userId: msg.userId };
    let turn: Turn | null;
    try {
      turn = await this.deps.store.update(user, (state) => this.transition(state, msg), prefetched);
    } catch (err) {
      const busy = err instanceof StateConflictError || isRedisError(err);
      log.error({ err: errInfo(err), channel: msg.channel, updateId: msg.updateId }, busy ? "state store unavailable" : "message handling failed");
      await safeSend(send, text(busy ? t.errors.busy : t.errors.internal), log);
      return;
    }
    if (!turn) {
      log.info({ channel: msg.channel, updateId: msg.updateId }, "duplicate update ignored");
      return;
    }
    log.debug({ channel: msg.channel, kind: msg.kind, mode: turn.state.session.mode.kind, replies: turn.replies.length }, "message handled");
    if (turn.deleteUser) await this.afterDelete(user, msg);
    for (const reply of turn.replies) await safeSend(send, reply, log);
    for (const effect of turn.effects) await this.runEffect(effect, turn, user, msg, send);
  }

  /** Pure apart from ids: the store may call it again on a version conflict. */
  private transition(state: UserState | null, msg: InboundMessage): { state: UserState | null; result: Turn | null } {
    const now = this.deps.clock.now();
    const nowIso = now.toISOString();
    const seenId = seenIdOf(msg);
    if (state?.session.seen.includes(seenId)) return { state, result: null };
    // The store hands each attempt a freshly parsed copy, so the transition may work on it in place.
    const working: UserState = state ?? { session: newSession(nowIso), drafts: {} };
    const s = working.session;
    s.seen.push(seenId);
    if (s.seen.length > SEEN_LIMIT) s.seen.splice(0, s.seen.length - SEEN_LIMIT);
    s.updatedAt = nowIso;
    s.address = { channel: msg.channel, chatId: msg.chatId };
    const turn: Turn = {
      state: working,
      ctx: {
        nowIso,
        today: isoDayInChina(now),
        catalog: this.deps.catalog,
        newId: this.deps.newId ?? defaultNewId,
        user: { channel: msg.channel, chatId: msg.chatId, userId: msg.userId },
        ...(this.deps.historyAfterYears !== undefined ? { historyAfterYears: this.deps.historyAfterYears } : {}),
      },
      replies: [],
      effects: [],
    };
    applyMessage(turn, msg);
    return { state: turn.deleteUser ? null : working, result: turn };
  }

  private async afterDelete(user: UserKey, msg: InboundMessage): Promise<void> {
    await this.deps.store.setSubscribed(msg.channel, msg.chatId, false);
    await this.deps.onDeleteUser?.(user, { channel: msg.channel, chatId: msg.chatId, userId: msg.userId });
    this.deps.log.info({ channel: user.channel }, "user data deleted");
  }

  private async runEffect(effect: Effect, turn: Turn, user: UserKey, msg: InboundMessage, send: Send): Promise<void> {
    const { log } = this.deps;
    switch (effect.type) {
      case "qa": {
        // A follow-up naming no notice is about the program being filled in, else the notice the last answer quoted.
        const noticeId = effect.noticeId ?? (await this.deps.store.qaContext(user, this.deps.clock.now()).catch(() => null)) ?? undefined;
        const reply = await this.withAck(this.deps.knowledge.answer(effect.question, { noticeId }), send).catch((err: unknown): string => {
          log.error({ err: errInfo(err) }, "policy Q&A failed");
          return t.errors.qaUnavailable;
        });
        const answer = typeof reply === "string" ? reply : reply.text;
        if (typeof reply !== "string" && reply.noticeId) {
          await this.deps.store.setQaContext(user, reply.noticeId, this.deps.clock.now()).catch((err: unknown) => log.warn({ err: errInfo(err) }, "Q&A context not saved"));
        }
        await safeSend(send, text(answer), log);
        for (const m of effect.after) await safeSend(send, m, log);
        return;
      }
      case "document": {
        if (!this.deps.documents) {
          log.error({ programId: effect.programId }, "no document queue configured");
          await safeSend(send, text(t.submit.unavailable), log);
          return;
        }
        try {
          await this.deps.documents.enqueue({
            user,
            address: { channel: msg.channel, chatId: msg.chatId, userId: msg.userId },
            draftId: effect.draftId,
            draftVersion: effect.draftVersion,
            programId: effect.programId,
            answers: turn.state.drafts[effect.draftId]?.answers ?? {},
            profile: turn.state.session.profile,
          });
          log.info({ programId: effect.programId, draftVersion: effect.draftVersion }, "document queued");
        } catch (err) {
          log.error({ err: errInfo(err) }, "document enqueue failed");
          await safeSend(send, text(t.submit.unavailable), log);
        }
        return;
      }
      case "subscribe":
        await this.deps.store.setSubscribed(msg.channel, msg.chatId, effect.on);
        return;
    }
  }

  /**
   * A document finished: record it on the draft and return the message that delivers it,
   * or null if it was delivered already (several processes hear the same queue event).
   */
  async documentReady(user: UserKey, draftId: string, draftVersion: number, doc: FinishedDocument): Promise<OutboundMessage | null> {
    return this.deps.store.update(user, (state) => {
      const draft = state?.drafts[draftId];
      if (!state || !draft || draft.document?.version === draftVersion) return { state, result: null };
      const next = state;
      const d = next.drafts[draftId]!;
      d.document = { path: doc.path, name: doc.name, version: draftVersion };
      if (d.status === "submitted" && d.submittedVersion === draftVersion) d.status = "ready";
      const title = entryOf(this.deps.catalog, d.programId)?.flow.formTitle ?? d.programId;
      return { state: next, result: { text: t.submit.ready(title), buttons: [], file: { path: doc.path, name: doc.name } } };
    });
  }

  /** A document failed after its retries: mark the draft so the user can submit again. */
  async documentFailed(user: UserKey, draftId: string, draftVersion: number, reason: string): Promise<OutboundMessage | null> {
    return this.deps.store.update(user, (state) => {
      const draft = state?.drafts[draftId];
      if (!state || !draft || draft.status !== "submitted" || draft.submittedVersion !== draftVersion) return { state, result: null };
      const next = state;
      const d = next.drafts[draftId]!;
      d.status = "failed";
      d.failure = reason.slice(0, 200);
      d.submittedVersion = null;
      return { state: next, result: text(t.submit.failed) };
    });
  }

  /** Say 「正在检索…」 if the work takes longer than ackAfterMs. */
  private async withAck<T>(work: Promise<T>, send: Send): Promise<T> {
    let acked: Promise<void> | null = null;
    const timer = setTimeout(() => {
      acked = safeSend(send, text(t.qa.searching), this.deps.log);
    }, this.deps.ackAfterMs ?? 800);
    try {
      return await work;
    } finally {
      clearTimeout(timer);
      if (acked) await acked;
    }
  }
}

async function safeSend(send: Send, message: OutboundMessage, log: Logger): Promise<void> {
  try {
    await send(message);
  } catch (err) {
    log.error({ err: errInfo(err) }, "sending a reply failed");
  }
}

function isRedisError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /ECONNREFUSED|ECONNRESET|Connection is closed|MaxRetriesPerRequest|ReplyError|LOADING/i.test(`${err.name} ${err.message}`);
}

/** Error details for logs: class, code and message only (messages never carry user input). */
function errInfo(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { name: err.name, message: err.message, code: (err as { code?: unknown }).code };
  return { value: String(err) };
}
