import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import { Outbox } from "../../src/app/outbox.ts";
import { routeInbound } from "../../src/app/route-inbound.ts";
import { TelegramAdapter } from "../../src/bots/telegram/index.ts";
import type { ConversationEngine } from "../../src/flows/engine/engine.ts";
import { createLogger } from "../../src/shared/log.ts";
import { BotApiServer, TEST_TOKEN } from "../../test/support/bot-api-server.ts";
import { echoKnowledge, makeEngine } from "../../test/support/chat.ts";
import { TestRedis } from "../../test/support/redis.ts";
import { recordScript } from "./engine.ts";
import { ms, percentile, type BenchTable } from "./table.ts";

/** Users typing at once; each waits for the bot's reply before the next line (as people do). */
const USERS = Number(process.env.BENCH_TELEGRAM_USERS ?? 16);
const STEPS = Number(process.env.BENCH_TELEGRAM_STEPS ?? 3000);

interface Result {
  rate: number;
  lat: number[];
}

/** `step(user, line)` resolves when that line's first reply is there; USERS lanes, round-robin over the script. */
async function closedLoop(script: string[], step: (user: number, line: string) => Promise<void>): Promise<Result> {
  const lat: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let pos = 0; started < STEPS; pos++) {
        started += 1;
        const s = performance.now();
        await step(u, script[pos % script.length]!);
        lat.push(performance.now() - s);
      }
    }),
  );
  return { rate: lat.length / ((performance.now() - t0) / 1000), lat: lat.sort((a, b) => a - b) };
}

async function engineOnly(engine: ConversationEngine, script: string[]): Promise<Result> {
  let n = 0;
  return closedLoop(script, (u, line) =>
    engine.handle({ channel: "console", chatId: `e${u}`, userId: `e${u}`, updateId: `e${n++}`, kind: "text", text: line }, async () => undefined),
  );
}

async function throughTelegram(engine: ConversationEngine, script: string[], env: { redis: Redis }): Promise<Result> {
  const server = new BotApiServer();
  const apiRoot = await server.listen();
  const log = createLogger("silent");
  const outbox = new Outbox({ redis: env.redis, prefix: `tgbench${Date.now()}`, log });
  const adapter = new TelegramAdapter({ token: TEST_TOKEN, apiRoot, log, redis: env.redis, prefix: `tgbench${Date.now()}`, typingAfterMs: 60_000 });
  outbox.register(adapter);
  await outbox.start();
  await adapter.start(routeInbound(engine, outbox, log));
  try {
    return await closedLoop(script, async (u, line) => {
      const chat = 10_000 + u;
      const mark = server.chatMessages(chat).at(-1)?.message_id ?? 0;
      server.userSends(chat, line);
      await server.waitForMessage(chat, (m) => m.message_id > mark, 60_000);
    });
  } finally {
    await adapter.stop();
    await outbox.close();
    await server.close();
  }
}

/**
 * Telegram end to end: a user's line goes into the local Bot API server as an update, the real
 * grammY runner long-polls it, the adapter hands it to the engine, the reply goes back by
 * sendMessage over HTTP. Baseline: the same lines straight into the engine, same run.
 */
export async function benchTelegram(): Promise<BenchTable> {
  const redis = await TestRedis.start();
  const e = makeEngine(redis.url, echoKnowledge);
  try {
    const script = await recordScript(e.engine, e.store);
    const base = await engineOnly(e.engine, script);
    const tg = await throughTelegram(e.engine, script, e);
    const row = (name: string, r: Result) => ({
      case: name,
      users: USERS,
      updates: r.lat.length,
      "updates/s": Math.round(r.rate),
      "p50 ms": ms(percentile(r.lat, 50)),
      "p95 ms": ms(percentile(r.lat, 95)),
      "vs baseline": (r.rate / base.rate).toFixed(2),
    });
    return {
      title: "Telegram: updates handled per second end to end through the local Bot API server",
      rows: [row("baseline: engine only (no channel)", base), row("Telegram: getUpdates → adapter → engine → sendMessage", tg)],
      note:
        `${USERS} users typing the smart-factory form (${script.length} lines, looping), each waiting for the reply before the next line. ` +
        "Latency: the update queued at the Bot API server → the first reply stored there. The Bot API server runs in the same process, so its HTTP work is counted against the adapter.",
    };
  } finally {
    await e.close();
    await redis.destroy();
  }
}
