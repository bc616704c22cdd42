import type { ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { Logger } from "../../shared/log.ts";
import type { ChatHistory } from "./history.ts";

interface Client {
  chatId: string;
  res: ServerResponse;
  lastId: string | null;
  /** Reads of one client run one after the other, so events go out in order and once. */
  chain: Promise<void>;
}

interface Notice {
  chatId: string;
  progress?: string;
  cleared?: boolean;
}

/**
 * Server-sent events for the web chat. Whatever a process stores in a chat's history, it
 * announces on one Redis pub/sub channel; every process reads the new entries for the pages
 * it has open on that chat. A reconnecting page sends `Last-Event-ID` and gets what it missed.
 */
export class SseHub {
  private readonly clients = new Map<string, Set<Client>>();
  private sub: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

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
    sub.on("message", (_c: string, raw: string) => {
      const n = JSON.parse(raw) as Notice;
      for (const c of this.clients.get(n.chatId) ?? []) this.deliver(c, n);
    });
    await sub.subscribe(this.opts.channel);
    // Proxies close idle streams; a comment line every 20 s keeps them open.
    this.heartbeat = setInterval(() => {
      for (const set of this.clients.values()) for (const c of set) c.res.write(": keep-alive\n\n");
    }, 20_000);
    this.heartbeat.unref();
  }

  async notify(chatId: string, notice: Omit<Notice, "chatId">): Promise<void> {
    await this.opts.redis.publish(this.opts.channel, this.noticeOf(chatId, notice));
  }

  /** The pub/sub channel and message announcing `notice` (to publish with other writes). */
  noticeOf(chatId: string, notice: Omit<Notice, "chatId"> = {}): string {
    return JSON.stringify({ chatId, ...notice });
  }

  get channel(): string {
    return this.opts.channel;
  }

  /** Stream a chat to `res` from after `lastId` (the whole history when null) until the page goes. */
  open(chatId: string, res: ServerResponse, lastId: string | null): void {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 2000\n\n");
    const client: Client = { chatId, res, lastId, chain: Promise.resolve() };
    let set = this.clients.get(chatId);
    if (!set) this.clients.set(chatId, (set = new Set()));
    set.add(client);
    res.on("close", () => {
      set.delete(client);
      if (set.size === 0 && this.clients.get(chatId) === set) this.clients.delete(chatId);
    });
    this.deliver(client, { chatId });
  }

  private deliver(c: Client, n: Notice): void {
    c.chain = c.chain
      .then(async () => {
        if (n.cleared) {
          c.lastId = null;
          c.res.write(`event: cleared\ndata: {}\n\n`);
          return;
        }
        if (n.progress) {
          c.res.write(`event: progress\ndata: ${JSON.stringify({ activity: n.progress })}\n\n`);
          return;
        }
        for (const { id, entry } of await this.opts.history.after(c.chatId, c.lastId)) {
          c.res.write(`id: ${id}\ndata: ${JSON.stringify({ id, ...entry })}\n\n`);
          c.lastId = id;
        }
      })
      .catch((err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "web push failed"));
  }

  /** End every open stream (pages reconnect to another process) and unsubscribe. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const set of this.clients.values()) for (const c of set) c.res.end();
    this.clients.clear();
    const sub = this.sub;
    this.sub = null;
    if (sub) sub.disconnect();
  }
}
