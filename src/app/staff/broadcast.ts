import { createHash } from "node:crypto";
import { DelayedError, Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Address } from "../../bots/port.ts";
import { CHANNELS, type Channel, type OutboundMessage } from "../../flows/engine/messages.ts";
import type { Logger } from "../../shared/log.ts";

/** One recipient of a broadcast, with an optional text of its own (a reminder that counts the items left). */
export interface Recipient {
  channel: Channel;
  chatId: string;
  text?: string;
}

export interface BroadcastMeta {
  id: string;
  /** What was sent (the common text; recipients may carry their own). */
  text: string;
  /** A description of the audience, for the report. */
  audience: string;
  /** "staff" or "reminder". */
  kind: "staff" | "reminder";
  createdAt: number;
}

export interface DeliveryReport {
  id: string;
  text: string;
  audience: string;
  kind: string;
  queued: number;
  sent: number;
  failed: number;
  failures: Record<string, number>;
  blocked: number;
  /** Still waiting for their turn. */
  pending: number;
  /** Taken by a worker that died before it recorded the outcome: maybe delivered, never sent again (at most once). */
  inDoubt: number;
  /** From the first to the latest delivery, ms. */
  durationMs: number;
  startedAt: number | null;
  done: boolean;
}

export interface ChannelLimit {
  /** Messages per second over the channel (one bot / app). */
  perSecond: number;
  /** Least ms between two messages to one chat. */
  chatIntervalMs: number;
  /**
   * Most messages to one *group* chat per `groupWindowMs` (Telegram: 20 per minute in a group);
   * 0 or absent: no group limit. Which chats are groups: `isGroupChat`.
   */
  groupPerWindow?: number;
  /** @defaultValue 60000 */
  groupWindowMs?: number;
}

/** A group chat, where platforms limit messages per minute: Telegram groups have negative ids. */
export function isGroupChat(to: { channel: Channel; chatId: string }): boolean {
  return to.channel === "telegram" && to.chatId.startsWith("-");
}

export interface BroadcastOptions {
  redis: Redis;
  connection: ConnectionOptions;
  /** REDIS_PREFIX: state under `<prefix>:bc:*`. */
  prefix: string;
  /** BullMQ prefix (`<REDIS_PREFIX>q`). */
  queuePrefix: string;
  log: Logger;
  limits: Record<Channel, ChannelLimit>;
  /**
   * Safety margin added to the 1-second window, so jitter between taking a slot and the
   * platform call never puts more than the limit into any second. @defaultValue 20
   */
  windowGuardMs?: number;
}

/** Sends one message to one address (the outbox's `send`). */
export type Deliver = (to: Address, message: OutboundMessage) => Promise<unknown>;

export interface WorkerOptions {
  /** Channels this process can reach (those with a local adapter). */
  channels: Channel[];
  deliver: Deliver;
  concurrency?: number;
  /**
   * A recipient a killed worker had taken but not settled: `skip` (default) keeps at most once
   * and reports it in doubt; `resend` sends it again when the stalled job is taken over (at least
   * once: a duplicate if the dead worker had reached the platform).
   */
  inDoubt?: "skip" | "resend";
  /** BullMQ lock duration / stalled check: how soon a killed worker's jobs are taken over. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

interface JobData {
  bid: string;
  to: { channel: Channel; chatId: string };
  text?: string;
}

// Per-recipient state: q (queued) → s:<ms> (taken, being sent) → ok | b (blocked) | f:<reason>.
const CLAIM = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v ~= 'q' and v ~= ARGV[3] then return v or 'missing' end
redis.call('HSET', KEYS[1], ARGV[1], 's:' .. ARGV[2])
redis.call('HSETNX', KEYS[2], 'startedAt', ARGV[2])
return 'go'
`;
// Record the outcome of a taken recipient, and count it.
const SETTLE = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v or string.sub(v, 1, 2) ~= 's:' then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
redis.call('HSET', KEYS[2], 'lastAt', ARGV[4])
return 1
`;
// Give a taken recipient back (a transient failure that BullMQ retries).
const RELEASE = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v and string.sub(v, 1, 2) == 's:' then redis.call('HSET', KEYS[1], ARGV[1], 'q') end
return 1
`;
// Sliding-window limiter per channel (a sorted set of send times), a gate per chat, and for a
// group chat a sliding window of its own (KEYS[3], ARGV[5] messages per ARGV[6] ms; 0: none).
// Returns 0 when a slot is taken, else how many ms to wait. Nothing is taken unless all allow.
const SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local chatMs = tonumber(ARGV[3])
local groupMax = tonumber(ARGV[5])
local groupWindow = tonumber(ARGV[6])
if chatMs > 0 then
  local ttl = redis.call('PTTL', KEYS[2])
  if ttl > 0 then return ttl end
end
if groupMax > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - groupWindow)
  if redis.call('ZCARD', KEYS[3]) >= groupMax then
    local oldest = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
    local wait = tonumber(oldest[2]) + groupWindow - now + 1
    if wait < 1 then wait = 1 end
    return wait
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local wait = tonumber(oldest[2]) + window - now + 1
  if wait < 1 then wait = 1 end
  return wait
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window * 2)
if chatMs > 0 then redis.call('SET', KEYS[2], '1', 'PX', chatMs) end
if groupMax > 0 then
  redis.call('ZADD', KEYS[3], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[3], groupWindow * 2)
end
return 0
`;

const BATCH = 1000;
/** Longest wait for a send slot held inside a worker; longer ones (a group at its limit) become a delayed job. */
const HOLD_MAX_MS = 3000;
const ATTEMPTS = 3;

export function recipientKey(r: { channel: Channel; chatId: string }): string {
  return `${r.channel}:${r.chatId}`;
}

/** A blocked / removed chat, as the adapters report it (Telegram 403 → CHAT_INACTIVE, Feishu bot not in chat). */
export function isBlockedError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; feishuCode?: unknown };
  if (e?.code === "CHAT_INACTIVE" || e?.code === "RECIPIENT_BLOCKED") return true;
  const msg = typeof e?.message === "string" ? e.message : "";
  return /\b403\b|blocked by the user|bot was kicked|user is deactivated|code=230002|code=230013/i.test(msg);
}

/**
 * Broadcasts: each (broadcast, recipient) pair is a BullMQ job in its channel's queue; the
 * recipient's state in Redis (`<prefix>:bc:<id>:r`) makes delivery at most once whatever the
 * queue redelivers (a retried or stalled job finds it taken and does nothing), and a sliding
 * window in Redis keeps every channel under its rate, across processes.
 */
export class Broadcasts {
  private readonly queues = new Map<Channel, Queue>();
  private readonly guard: number;

  constructor(private readonly opts: BroadcastOptions) {
    this.guard = opts.windowGuardMs ?? 20;
  }

  private queue(channel: Channel): Queue {
    let q = this.queues.get(channel);
    if (!q) {
      q = new Queue(queueName(channel), { connection: this.opts.connection, prefix: this.opts.queuePrefix });
      q.on("error", (err) => this.opts.log.warn({ err: err.message }, "broadcast queue error"));
      this.queues.set(channel, q);
    }
    return q;
  }

  private metaKey(id: string): string {
    return `${this.opts.prefix}:bc:${id}`;
  }
  private stateKey(id: string): string {
    return `${this.opts.prefix}:bc:${id}:r`;
  }
  private get indexKey(): string {
    return `${this.opts.prefix}:bc:index`;
  }
  /** Chats that blocked the bot, as `channel:chatId`; left out of audiences. */
  get inactiveKey(): string {
    return `${this.opts.prefix}:inactive`;
  }

  /**
   * Queue a broadcast. Idempotent per id: a second call (a double-pressed 确认, a restarted
   * scheduler) adds nobody twice. Returns false if the broadcast existed already.
   */
  async start(meta: BroadcastMeta, recipients: Recipient[]): Promise<boolean> {
    const { redis } = this.opts;
    const created = await redis.hsetnx(this.metaKey(meta.id), "meta", JSON.stringify(meta));
    if (created === 0) {
      const queued = await redis.hget(this.metaKey(meta.id), "queued");
      if (queued !== null) return false; // fully queued before
    }
    const unique = new Map(recipients.map((r) => [recipientKey(r), r]));
    const list = [...unique.values()];
    for (let i = 0; i < list.length; i += BATCH) {
      const part = list.slice(i, i + BATCH);
      const m = redis.multi();
      for (const r of part) m.hsetnx(this.stateKey(meta.id), recipientKey(r), "q");
      await m.exec();
      const byChannel = new Map<Channel, Recipient[]>();
      for (const r of part) byChannel.set(r.channel, [...(byChannel.get(r.channel) ?? []), r]);
      for (const [channel, rs] of byChannel) {
        await this.queue(channel).addBulk(
          rs.map((r) => ({
            name: "send",
            data: { bid: meta.id, to: { channel: r.channel, chatId: r.chatId }, ...(r.text !== undefined ? { text: r.text } : {}) } satisfies JobData,
            opts: { jobId: jobIdOf(meta.id, r), attempts: ATTEMPTS, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: { count: 10_000 } },
          })),
        );
      }
    }
    await redis.multi().hset(this.metaKey(meta.id), "queued", String(list.length)).zadd(this.indexKey, meta.createdAt, meta.id).exec();
    this.opts.log.info({ kind: meta.kind, recipients: list.length }, "broadcast queued");
    return true;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.opts.redis.hexists(this.metaKey(id), "meta")) === 1;
  }

  /** Most recent broadcast ids, newest first. */
  async recent(n = 5): Promise<string[]> {
    return this.opts.redis.zrevrange(this.indexKey, 0, n - 1);
  }

  async report(id: string): Promise<DeliveryReport | null> {
    const { redis } = this.opts;
    const h = await redis.hgetall(this.metaKey(id));
    if (!h.meta) return null;
    const meta = JSON.parse(h.meta) as BroadcastMeta;
    const counts = { q: 0, s: 0, ok: 0, b: 0, f: 0 };
    const failures: Record<string, number> = {};
    let cursor = "0";
    do {
      const [next, kv] = await redis.hscan(this.stateKey(id), cursor, "COUNT", 2000);
      cursor = next;
      for (let i = 1; i < kv.length; i += 2) {
        const v = kv[i]!;
        if (v === "q") counts.q++;
        else if (v === "ok") counts.ok++;
        else if (v === "b") counts.b++;
        else if (v.startsWith("s:")) counts.s++;
        else if (v.startsWith("f:")) {
          counts.f++;
          const reason = v.slice(2);
          failures[reason] = (failures[reason] ?? 0) + 1;
        }
      }
    } while (cursor !== "0");
    const startedAt = h.startedAt ? Number(h.startedAt) : null;
    const lastAt = h.lastAt ? Number(h.lastAt) : null;
    const queued = Number(h.queued ?? counts.q + counts.s + counts.ok + counts.b + counts.f);
    // Taken but never settled: in doubt only once nothing else is moving (a worker died holding it).
    const inFlight = counts.s > 0 ? await this.activeCount(id) : 0;
    const inDoubt = Math.max(0, counts.s - inFlight);
    return {
      id,
      text: meta.text,
      audience: meta.audience,
      kind: meta.kind,
      queued,
      sent: counts.ok,
      failed: counts.f,
      failures,
      blocked: counts.b,
      pending: counts.q + inFlight,
      inDoubt,
      durationMs: startedAt !== null && lastAt !== null ? lastAt - startedAt : 0,
      startedAt,
      done: counts.q === 0 && inFlight === 0,
    };
  }

  /** Jobs of this broadcast a live worker holds (by lock). */
  private async activeCount(id: string): Promise<number> {
    let n = 0;
    for (const channel of CHANNELS) {
      const q = this.queue(channel);
      const active = await q.getActive();
      n += active.filter((j) => (j.data as JobData).bid === id).length;
    }
    return n;
  }

  /** Queued jobs per channel (waiting + delayed + active), for tests and the benchmark. */
  async backlog(): Promise<number> {
    let n = 0;
    for (const channel of CHANNELS) n += await this.queue(channel).count();
    return n;
  }

  /** Start the workers that send, one per channel this process can reach. */
  createWorkers(w: WorkerOptions): BroadcastWorkers {
    const { redis, log, limits, prefix } = this.opts;
    const workers: Worker[] = [];
    for (const channel of w.channels) {
      const limit = limits[channel];
      const windowMs = 1000 + this.guard;
      const zkey = `${prefix}:bc:rate:${channel}`;
      const process = async (job: Job<JobData>, token?: string): Promise<string> => {
        const { bid, to } = job.data;
        const field = recipientKey(to);
        const state = `${prefix}:bc:${bid}:r`;
        const meta = `${prefix}:bc:${bid}`;
        // Already handled (a retried or stalled job): nothing to do. Checked before waiting for a slot.
        const before = await redis.hget(state, field);
        // Taken by a worker whose lock expired (BullMQ hands a job over only then): in doubt.
        const retake = w.inDoubt === "resend" && before?.startsWith("s:") ? before : "";
        if (before !== "q" && !retake) return `skip:${(before ?? "missing").slice(0, 2)}`;
        if (retake) log.warn({ channel: to.channel }, "broadcast recipient in doubt after a worker died; sending again (BROADCAST_IN_DOUBT=resend)");
        // The slot comes first and the claim right before the call, so a worker killed while
        // waiting for its turn leaves the recipient queued, not in doubt.
        const later = await this.slot(zkey, `${prefix}:bc:chat:${field}`, limit, windowMs, job.id ?? field, isGroupChat(to));
        if (later > 0) {
          // A group at its per-minute limit: wait as a delayed job, not in a worker slot that
          // other chats' messages need (the recipient is still queued: nothing was claimed).
          await job.moveToDelayed(Date.now() + later, token);
          throw new DelayedError();
        }
        const m = job.data.text === undefined ? await redis.hget(meta, "meta") : null;
        const text = job.data.text ?? (m ? (JSON.parse(m) as BroadcastMeta).text : "");
        const taken = (await redis.eval(CLAIM, 2, state, meta, field, Date.now(), retake || "q")) as string;
        if (taken !== "go") return `skip:${taken.slice(0, 2)}`;
        try {
          await w.deliver({ channel: to.channel, chatId: to.chatId }, { text, buttons: [], file: null });
        } catch (err) {
          if (isBlockedError(err)) {
            await redis.eval(SETTLE, 2, state, meta, field, "b", "blocked", Date.now());
            await redis.sadd(this.inactiveKey, field);
            log.info({ channel: to.channel }, "broadcast recipient blocked the bot; marked inactive");
            return "blocked";
          }
          const reason = reasonOf(err);
          if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) {
            await redis.eval(RELEASE, 1, state, field);
            throw err;
          }
          await redis.eval(SETTLE, 2, state, meta, field, `f:${reason}`, "failed", Date.now());
          log.warn({ channel: to.channel, reason }, "broadcast delivery failed");
          return "failed";
        }
        await redis.eval(SETTLE, 2, state, meta, field, "ok", "sent", Date.now());
        return "sent";
      };
      const worker = new Worker<JobData, string>(queueName(channel), process, {
        connection: this.opts.connection,
        prefix: this.opts.queuePrefix,
        concurrency: w.concurrency ?? 32,
        ...(w.lockDurationMs ? { lockDuration: w.lockDurationMs } : {}),
        ...(w.stalledIntervalMs ? { stalledInterval: w.stalledIntervalMs } : {}),
      });
      worker.on("error", (err) => log.warn({ err: err.message }, "broadcast worker error"));
      workers.push(worker);
    }
    return {
      workers,
      close: async () => {
        await Promise.all(workers.map((x) => x.close()));
      },
    };
  }

  /** Wait for a send slot: the channel's window, the chat's gap and, for a group chat, its window. */
  private async slot(zkey: string, chatKey: string, limit: ChannelLimit, windowMs: number, member: string, group: boolean): Promise<number> {
    const groupMax = group ? Math.max(0, Math.floor(limit.groupPerWindow ?? 0)) : 0;
    const groupWindow = (limit.groupWindowMs ?? 60_000) + this.guard;
    for (;;) {
      const wait = Number(
        await this.opts.redis.eval(SLOT, 3, zkey, chatKey, `${chatKey}:group`, Math.max(1, Math.floor(limit.perSecond)), windowMs, limit.chatIntervalMs, `${member}:${Math.random()}`, groupMax, groupWindow),
      );
      if (wait <= 0) return 0;
      // Only a group's window makes waits this long: the caller delays the job instead.
      if (wait > HOLD_MAX_MS) return wait;
      await new Promise((r) => setTimeout(r, Math.min(wait, 1000) + Math.random() * 3));
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

export interface BroadcastWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

function queueName(channel: Channel): string {
  return `broadcast-${channel}`;
}

/** Deterministic: a recipient is one job per broadcast (BullMQ job ids may not contain ':'). */
export function jobIdOf(bid: string, r: { channel: Channel; chatId: string }): string {
  return `${bid}.${r.channel}.${createHash("sha1").update(r.chatId).digest("hex").slice(0, 20)}`;
}

/** A short reason for the report: the error's code or class, never the message (it may carry user data). */
function reasonOf(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown };
  const r = typeof e?.code === "string" ? e.code : typeof e?.name === "string" ? e.name : "error";
  return r.replace(/[^\w.-]/g, "_").slice(0, 40);
}
