import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Logger } from "../../shared/log.ts";
import type { ChatHistory } from "./history.ts";

interface Client {
  chatId: string;
  res: ServerResponse;
  /** The last entry id written to this page (null: none yet, or the chat was cleared). */
  lastId: string | null;
  /** Writes of one client run one after the other, so events go out in order and once. */
  chain: Promise<void>;
}

/** Stream ids `ms-seq`: true when `a` comes after `b`. */
export function idAfter(a: string, b: string): boolean {
  const [am = "0", as = "0"] = a.split("-");
  const [bm = "0", bs = "0"] = b.split("-");
  return am.length !== bm.length ? am.length > bm.length : am !== bm ? am > bm : Number(as) > Number(bs);
}

/** The SSE frame of one stored entry (its JSON as stored, the id put first). */
function frame(id: string, json: string): string {
  return `id: ${id}\ndata: {"id":"${id}",${json.slice(1)}\n\n`;
}

/**
 * Server-sent events for the web chat. Whatever a process stores in a chat's history it
 * pushes at once to the pages it has open on that chat (no read back), and announces on one
 * Redis pub/sub channel with the entry and the id it follows; every other process pushes it
 * to its pages the same way. A page whose last entry is not the one the new entry follows
 * (it missed one) reads what it missed from the stream first. A reconnecting page sends
 * `Last-Event-ID` and gets what it missed.
 *
 * Notices (one per line): `e origin chat prev id entry-json`, `p origin chat activity`,
 * `c origin chat` (cleared). A process skips its own notices: it delivered them when it made them.
 * Entries are announced only while another process has a page of the chat open: each process
 * marks the chats it has pages of in Redis (`<prefix>:web:open:<chat>`, one field per process,
 * refreshed with the heartbeat, expiring 60 s after the last refresh), and reads a page's
 * backlog only after its mark is written, so nothing falls between the two.
 */
export class SseHub {
  private readonly clients = new Map<string, Set<Client>>();
  /** Per chat open here: this process's mark in the chat's open-pages hash is written (see ChatHistory.openKey). */
  private readonly marks = new Map<string, Promise<void>>();
  private sub: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** This process's tag on its notices. */
  readonly origin = randomBytes(6).toString("base64url");

  constructor(private readonly opts: { redis: Redis; channel: string; history: ChatHistory; log: Logger }) {}

  get size(): number {
    let n = 0;
    for (const s of this.clients.values()) n += s.size;
    return n;
  }

  async start(): Promise<void> {
    if (this.sub) return;
    const sub = this.opts.redis.duplicate();
    this.sub = sub;
    sub.on("error", (err) => this.opts.log.warn({ err: err.message }, "web push subscriber error"));
    sub.on("message", (_c: string, raw: string) => this.onNotice(raw));
    await sub.subscribe(this.opts.channel);
    // Proxies close idle streams; a comment line every 20 s keeps them open. The marks are renewed.
    this.heartbeat = setInterval(() => {
      for (const set of this.clients.values()) for (const c of set) c.res.write(": keep-alive\n\n");
      const p = this.opts.redis.pipeline();
      for (const chatId of this.clients.keys()) p.hset(this.opts.history.openKey(chatId), this.origin, "1").expire(this.opts.history.openKey(chatId), 60);
      if (p.length > 0) p.exec().catch((err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "web page marks not renewed"));
    }, 20_000);
    this.heartbeat.unref();
  }

  private onNotice(raw: string): void {
    // kind \n origin \n chat [\n ...]
    const a = raw.indexOf("\n");
    const b = raw.indexOf("\n", a + 1);
    if (a < 0 || b < 0) return;
    if (raw.slice(a + 1, b) === this.origin) return;
    const c = raw.indexOf("\n", b + 1);
    const chatId = c < 0 ? raw.slice(b + 1) : raw.slice(b + 1, c);
    if (!this.clients.has(chatId)) return;
    const kind = raw.slice(0, a);
    if (kind === "e") {
      const d = raw.indexOf("\n", c + 1);
      const e = raw.indexOf("\n", d + 1);
      if (d < 0 || e < 0) return;
      this.entry(chatId, raw.slice(c + 1, d), raw.slice(d + 1, e), raw.slice(e + 1));
    } else if (kind === "p") this.progressHere(chatId, raw.slice(c + 1));
    else if (kind === "c") this.clearedHere(chatId);
  }

  /** The head of the notice announcing an entry of `chatId` (the append script adds the rest). */
  entryHead(chatId: string): string {
    return `e\n${this.origin}\n${chatId}`;
  }

  get channel(): string {
    return this.opts.channel;
  }

  /** An entry of `chatId` was stored (here or elsewhere) after `prev`: push it to the pages open here. */
  entry(chatId: string, prev: string, id: string, json: string): void {
    for (const c of this.clients.get(chatId) ?? []) {
      this.run(c, async () => {
        if (c.lastId !== null && !idAfter(id, c.lastId)) return; // already written
        if ((c.lastId ?? "") === prev) {
          c.res.write(frame(id, json));
          c.lastId = id;
        } else await this.catchUp(c);
      });
    }
  }

  /** Show progress on the pages of `chatId`, here and in every other process. */
  async progress(chatId: string, activity: string): Promise<void> {
    this.progressHere(chatId, activity);
    await this.opts.redis.publish(this.opts.channel, `p\n${this.origin}\n${chatId}\n${activity}`);
  }

  /** Tell the pages of `chatId` that its history is gone (删除我的数据), here and elsewhere. */
  async cleared(chatId: string): Promise<void> {
    this.clearedHere(chatId);
    await this.opts.redis.publish(this.opts.channel, `c\n${this.origin}\n${chatId}`);
  }

  private progressHere(chatId: string, activity: string): void {
    for (const c of this.clients.get(chatId) ?? []) this.run(c, async () => void c.res.write(`event: progress\ndata: ${JSON.stringify({ activity })}\n\n`));
  }

  private clearedHere(chatId: string): void {
    for (const c of this.clients.get(chatId) ?? [])
      this.run(c, async () => {
        c.lastId = null;
        c.res.write(`event: cleared\ndata: {}\n\n`);
      });
  }

  /** Stream a chat to `res` from after `lastId` (the whole history when null) until the page goes. */
  open(chatId: string, res: ServerResponse, lastId: string | null, headers: Record<string, string | number | string[]> = {}): void {
    res.writeHead(200, {
      ...headers,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 2000\n\n");
    const client: Client = { chatId, res, lastId, chain: Promise.resolve() };
    let set = this.clients.get(chatId);
    if (!set) {
      this.clients.set(chatId, (set = new Set()));
      const key = this.opts.history.openKey(chatId);
      this.marks.set(
        chatId,
        this.opts.redis
          .multi()
          .hset(key, this.origin, "1")
          .expire(key, 60)
          .exec()
          .then(
            () => undefined,
            // Without the mark, entries made elsewhere reach this page on its next catch-up (reconnect).
            (err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "web page mark not written"),
          ),
      );
    }
    set.add(client);
    res.on("close", () => {
      set.delete(client);
      if (set.size === 0 && this.clients.get(chatId) === set) {
        this.clients.delete(chatId);
        this.marks.delete(chatId);
        this.opts.redis.hdel(this.opts.history.openKey(chatId), this.origin).catch(() => undefined);
      }
    });
    const mark = this.marks.get(chatId)!;
    this.run(client, async () => {
      await mark; // announced to this process from now on: what came before is in the stream
      await this.catchUp(client);
    });
  }

  /** Write what the page has not seen yet, read from the stream. */
  private async catchUp(c: Client): Promise<void> {
    for (const { id, json } of await this.opts.history.afterRaw(c.chatId, c.lastId)) {
      c.res.write(frame(id, json));
      c.lastId = id;
    }
  }

  private run(c: Client, step: () => Promise<void>): void {
    c.chain = c.chain.then(step).catch((err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "web push failed"));
  }

  /** End every open stream (pages reconnect to another process) and unsubscribe. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const set of this.clients.values()) for (const c of set) c.res.end();
    const chats = [...this.clients.keys()];
    this.clients.clear();
    this.marks.clear();
    if (chats.length > 0) {
      const p = this.opts.redis.pipeline();
      for (const chatId of chats) p.hdel(this.opts.history.openKey(chatId), this.origin);
      await p.exec().catch(() => undefined);
    }
    const sub = this.sub;
    this.sub = null;
    if (sub) sub.disconnect();
  }
}
