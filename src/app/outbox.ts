import type { Redis } from "ioredis";
import { pendingDeliveriesKey, type ChannelAdapter, type Address, type SentMessage, type Activity } from "../bots/port.ts";
import type { Send } from "../flows/engine/engine.ts";
import type { Channel, OutboundMessage } from "../flows/engine/messages.ts";
import { AppError } from "../shared/errors.ts";
import type { Logger } from "../shared/log.ts";

export class NoAdapterError extends AppError {
  readonly code = "NO_ADAPTER";
}

export interface OutboxOptions {
  redis: Redis;
  /** Key prefix (REDIS_PREFIX): pending deliveries live under `<prefix>:outbox:*`. */
  prefix: string;
  log: Logger;
  /** How long an undelivered message is kept. @defaultValue 90 days (DRAFT_RETENTION_DAYS) */
  ttlSeconds?: number;
  /**
   * A message taken out for sending and not confirmed sent within this time (its process died)
   * is put back and sent again. @defaultValue 60 s
   */
  leaseMs?: number;
  /** How often leases are checked and pending messages retried. @defaultValue 30 s */
  retryEveryMs?: number;
}

interface Pending {
  to: Address;
  message: OutboundMessage;
  at: number;
}

// Keep until sent: one hash per chat (field = delivery key), a set of chats with something
// pending per channel, and a `done` marker so a delivery key is accepted and sent once.
const PUT = `
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local n = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[4])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[3]))
return n
`;
// Claim = take it out, mark it done and hold it under a lease (KEYS[4], field chat + key), atomically:
// of several processes flushing, one sends; if that process dies before confirming, the lease
// expires and the message is put back.
const CLAIM = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SET', KEYS[3], '1', 'EX', tonumber(ARGV[2]))
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[3]) end
redis.call('HSET', KEYS[4], ARGV[3] .. '\\n' .. ARGV[1], ARGV[4] .. '\\n' .. v)
return v
`;
// Put back messages whose lease ran out (taken before ARGV[1] ms).
const REQUEUE = `
local all = redis.call('HGETALL', KEYS[1])
local n = 0
for i = 1, #all, 2 do
  local f, v = all[i], all[i + 1]
  local nl = string.find(v, '\\n', 1, true)
  if tonumber(string.sub(v, 1, nl - 1)) < tonumber(ARGV[1]) then
    local sep = string.find(f, '\\n', 1, true)
    local chat, key = string.sub(f, 1, sep - 1), string.sub(f, sep + 1)
    redis.call('HSET', ARGV[2] .. chat, key, string.sub(v, nl + 1))
    redis.call('EXPIRE', ARGV[2] .. chat, tonumber(ARGV[3]))
    redis.call('SADD', KEYS[2], chat)
    redis.call('HDEL', KEYS[1], f)
    n = n + 1
  end
end
return n
`;

/**
 * The one way out: replies, finished documents and (later) broadcasts and reminders reach an
 * address through the adapter registered for its channel.
 *
 * - `send` / `sender`: now, through a local adapter (replies to a message this process received).
 * - `post`: durable. The message is kept in Redis until an adapter that `owns` the address has
 *   sent it: at once if this process has one, else when a process serving that chat hears the
 *   notice (pub/sub), registers its adapter, or receives that chat's next message (`flush`).
 *   Each delivery key is sent at most once, even with several processes flushing.
 */
export class Outbox {
  private readonly adapters = new Map<Channel, ChannelAdapter>();
  private sub: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly ttlSeconds: number;

  constructor(private readonly opts: OutboxOptions) {
    this.ttlSeconds = opts.ttlSeconds ?? 90 * 24 * 3600;
  }

  /** One adapter per channel in a process. */
  register(adapter: ChannelAdapter): void {
    if (this.adapters.has(adapter.channel)) throw new Error(`an adapter for channel "${adapter.channel}" is already registered`);
    this.adapters.set(adapter.channel, adapter);
  }

  adapterFor(channel: Channel): ChannelAdapter | undefined {
    return this.adapters.get(channel);
  }

  get channels(): Channel[] {
    return [...this.adapters.keys()];
  }

  /** Send now; a message with `editOf` edits that message. Throws NoAdapterError when no local adapter owns `to`. */
  async send(to: Address, message: OutboundMessage): Promise<SentMessage> {
    const adapter = this.owner(to);
    if (!adapter) throw new NoAdapterError(`no adapter here for a ${to.channel} chat`);
    return message.editOf ? adapter.edit(to, message.editOf, message) : adapter.send(to, message);
  }

  /** The engine's `send` for replies to `to`. */
  sender(to: Address): Send {
    return async (m) => void (await this.send(to, m));
  }

  async progress(to: Address, activity: Activity): Promise<void> {
    await this.owner(to)?.progress(to, activity);
  }

  /**
   * Deliver durably, once per `key` (e.g. `doc:<jobId>`): kept in Redis until sent. Returns
   * false if that key was accepted before (pending or sent).
   */
  async post(to: Address, message: OutboundMessage, key: string): Promise<boolean> {
    const { redis } = this.opts;
    const item: Pending = { to, message, at: Date.now() };
    const added = (await redis.eval(PUT, 3, this.chatKey(to), this.indexKey(to.channel), this.doneKey(key), key, JSON.stringify(item), this.ttlSeconds, to.chatId)) === 1;
    if (!added) return false;
    if (this.owner(to)) await this.flush(to);
    else await redis.publish(this.noticeChannel, JSON.stringify({ channel: to.channel, chatId: to.chatId }));
    return true;
  }

  /** Send what is pending for this chat, if a local adapter owns it. Returns how many were sent. */
  async flush(to: Address): Promise<number> {
    const adapter = this.owner(to);
    if (!adapter) return 0;
    const { redis, log } = this.opts;
    const all = await redis.hgetall(this.chatKey(to));
    const items = Object.entries(all)
      .map(([key, json]) => ({ key, item: JSON.parse(json) as Pending }))
      .sort((a, b) => a.item.at - b.item.at);
    let sent = 0;
    for (const { key } of items) {
      const claimed = (await redis.eval(CLAIM, 4, this.chatKey(to), this.indexKey(to.channel), this.doneKey(key), this.takenKey(to.channel), key, this.ttlSeconds, to.chatId, Date.now())) as string | null;
      if (!claimed) continue; // another process took it
      const item = JSON.parse(claimed) as Pending;
      const lease = `${to.chatId}\n${key}`;
      try {
        // The delivery key makes a repeat after a crash recognisable to channels that can drop it.
        const once = { idempotencyKey: `outbox:${to.channel}:${to.chatId}:${key}` };
        await (item.message.editOf ? adapter.edit(item.to, item.message.editOf, item.message, once) : adapter.send(item.to, item.message, once));
        sent++;
        await redis.hdel(this.takenKey(to.channel), lease);
      } catch (err) {
        // Put it back for the next flush; the platform may be down or the chat blocked.
        log.warn({ channel: to.channel, key, err: (err as Error).message }, "outbox delivery failed; kept for retry");
        await redis.multi().hset(this.chatKey(to), key, claimed).sadd(this.indexKey(to.channel), to.chatId).hdel(this.takenKey(to.channel), lease).exec();
      }
    }
    return sent;
  }

  /** Put back what a dead process took and never confirmed (lease older than `leaseMs`). Returns how many. */
  async requeueStale(channel: Channel, leaseMs = this.opts.leaseMs ?? 60_000): Promise<number> {
    const prefix = `${this.opts.prefix}:outbox:${channel}:`;
    return (await this.opts.redis.eval(REQUEUE, 2, this.takenKey(channel), this.indexKey(channel), Date.now() - leaseMs, prefix, this.ttlSeconds)) as number;
  }

  /** Flush every chat of `channel` that the local adapter owns (after putting back expired leases). */
  async flushChannel(channel: Channel): Promise<number> {
    const adapter = this.adapters.get(channel);
    if (!adapter) return 0;
    await this.requeueStale(channel);
    let sent = 0;
    for (const chatId of await this.opts.redis.smembers(this.indexKey(channel))) {
      const to = { channel, chatId };
      if (adapter.owns(to)) sent += await this.flush(to);
    }
    return sent;
  }

  /** Drop everything pending for a chat (删除我的数据). */
  async forget(to: Address): Promise<void> {
    const taken = Object.keys(await this.opts.redis.hgetall(this.takenKey(to.channel))).filter((f) => f.startsWith(`${to.chatId}\n`));
    const tx = this.opts.redis.multi().del(this.chatKey(to)).srem(this.indexKey(to.channel), to.chatId);
    if (taken.length > 0) tx.hdel(this.takenKey(to.channel), ...taken);
    await tx.exec();
  }

  /** Listen for deliveries posted by other processes, and send what is pending for the registered channels. */
  async start(): Promise<void> {
    const sub = this.opts.redis.duplicate();
    this.sub = sub;
    sub.on("error", (err) => this.opts.log.warn({ err: err.message }, "outbox subscriber error"));
    sub.on("message", (_ch: string, raw: string) => {
      void (async () => {
        const { channel, chatId } = JSON.parse(raw) as { channel: Channel; chatId: string };
        await this.flush({ channel, chatId });
      })().catch((err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "outbox flush failed"));
    });
    await sub.subscribe(this.noticeChannel);
    for (const channel of this.adapters.keys()) await this.flushChannel(channel);
    // Retry failed sends and recover expired leases now and then, not only on the next message.
    this.timer = setInterval(() => {
      for (const channel of this.adapters.keys())
        void this.flushChannel(channel).catch((err: unknown) => this.opts.log.warn({ err: (err as Error).message }, "outbox retry failed"));
    }, this.opts.retryEveryMs ?? 30_000);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sub?.disconnect();
    this.sub = null;
  }

  private owner(to: Address): ChannelAdapter | undefined {
    const a = this.adapters.get(to.channel);
    return a && a.owns(to) ? a : undefined;
  }

  private chatKey(to: Address): string {
    return pendingDeliveriesKey(this.opts.prefix, to);
  }
  private indexKey(channel: Channel): string {
    return `${this.opts.prefix}:outbox:${channel}`;
  }
  private takenKey(channel: Channel): string {
    return `${this.opts.prefix}:outbox:taken:${channel}`;
  }
  private doneKey(key: string): string {
    return `${this.opts.prefix}:outbox:done:${key}`;
  }
  private get noticeChannel(): string {
    return `${this.opts.prefix}:outbox:notices`;
  }
}
