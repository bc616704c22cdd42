import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { ConversationEngine } from "../../src/flows/engine/engine.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { newSession } from "../../src/flows/engine/state.ts";
import { RedisStateStore } from "../../src/flows/engine/store.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { currentStep, sampleAnswer } from "../../test/engine/auto-answer.ts";
import { TestRedis } from "../../test/support/redis.ts";
import { ms, percentile, type BenchTable } from "./table.ts";

/** Messages in flight at once: a bot service handles updates concurrently, not one at a time. */
const IN_FLIGHT = 16;

/**
 * The lines a user types to fill the smart-factory form (required answers, optional ones
 * skipped), recorded once through the engine so every benchmark step is an accepted answer.
 */
export async function recordScript(engine: ConversationEngine, store: RedisStateStore): Promise<string[]> {
  const userId = "script";
  const lines = ["我想申报先进级智能工厂"];
  const say = (text: string) =>
    engine.handle({ channel: "console", chatId: userId, userId, updateId: randomUUID(), kind: "text", text }, async () => undefined);
  await say(lines[0]!);
  for (;;) {
    const cur = await currentStep(store, userId);
    if (!cur) break;
    const { state } = await store.load({ channel: "console", userId });
    const mode = state!.session.mode;
    const answers = mode.kind === "filling" ? state!.drafts[mode.draftId]!.answers : {};
    const line = cur.step.optional ? "跳过" : sampleAnswer(cur.step, answers);
    lines.push(line);
    await say(line);
  }
  // Confirm, then start over (删除我的数据) so a user's state does not grow without bound.
  lines.push("确认提交", "删除我的数据", "确认删除");
  return lines;
}

async function run(engine: ConversationEngine, script: string[], sessions: number, steps: number): Promise<{ rate: number; lat: number[] }> {
  const users = Array.from({ length: sessions }, (_, k) => ({ id: `bench-${sessions}-${k}`, pos: 0 }));
  const lat: number[] = [];
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  const lane = async () => {
    while (done < steps) {
      done += 1;
      const user = users[next++ % users.length]!;
      const line = script[user.pos % script.length]!;
      user.pos += 1;
      const msg: InboundMessage = { channel: "console", chatId: user.id, userId: user.id, updateId: randomUUID(), kind: "text", text: line };
      const s = performance.now();
      await engine.handle(msg, async () => undefined);
      lat.push(performance.now() - s);
    }
  };
  // With one session, one message at a time (a user waits for each reply).
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, sessions) }, lane));
  const seconds = (performance.now() - t0) / 1000;
  return { rate: lat.length / seconds, lat: lat.sort((a, b) => a - b) };
}

/** Engine steps per second with a real Redis at 1, 100 and 10,000 sessions; baseline: the bare store round trip. */
export async function benchEngine(): Promise<BenchTable[]> {
  const server = await TestRedis.start();
  const redis = new Redis(server.url);
  try {
    const log = createLogger("silent");
    const store = new RedisStateStore(redis, log, { prefix: `bench${Date.now()}` });
    const engine = new ConversationEngine({
      store,
      clock: fixedClock("2026-11-22"),
      log,
      catalog,
      knowledge: { answer: async (q) => q },
      documents: { enqueue: async () => undefined },
    });
    const script = await recordScript(engine, store);
    const rows: Record<string, string | number>[] = [];

    // Baseline: the same Redis work without the engine (load + CAS write of a similar session).
    {
      const base = new RedisStateStore(redis, log, { prefix: `base${Date.now()}` });
      const lat: number[] = [];
      const t0 = performance.now();
      const N = 6000;
      let i = 0;
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async () => {
          while (i < N) {
            const k = i++;
            const s = performance.now();
            await base.update({ channel: "console", userId: `b${k % 100}` }, (state) => ({
              state: { session: { ...(state?.session ?? newSession("")), updatedAt: String(k) }, drafts: state?.drafts ?? {} },
              result: null,
            }));
            lat.push(performance.now() - s);
          }
        }),
      );
      lat.sort((a, b) => a - b);
      const rate = N / ((performance.now() - t0) / 1000);
      rows.push({ case: "baseline: store load + CAS only (100 sessions)", sessions: 100, steps: N, "steps/s": Math.round(rate), "p50 ms": ms(percentile(lat, 50)), "p99 ms": ms(percentile(lat, 99)), "vs baseline": "1.00" });
      const sizes = (process.env.BENCH_ENGINE_SESSIONS ?? "1,100,10000").split(",").map(Number);
      for (const sessions of sizes) {
        const steps = sessions === 10_000 ? 30_000 : 6000;
        if (sessions === 10_000) {
          // Create the sessions first so every step works on an existing, partly filled draft.
          await run(engine, script, sessions, sessions);
        }
        const r = await run(engine, script, sessions, steps);
        rows.push({
          case: "engine step (smart-factory flow)",
          sessions,
          steps,
          "steps/s": Math.round(r.rate),
          "p50 ms": ms(percentile(r.lat, 50)),
          "p99 ms": ms(percentile(r.lat, 99)),
          "vs baseline": (r.rate / rate).toFixed(2),
        });
      }
    }
    return [
      {
        title: "Conversation engine: steps per second with a real Redis (target ≥ 3,000 steps/s, p99 ≤ 20 ms)",
        rows,
        note: `A step is one user message handled end to end: state load, transition, CAS write, replies. ${IN_FLIGHT} messages in flight (1 for a single session); sessions are advanced round-robin. Script: the smart-factory flow, ${script.length} lines.`,
      },
    ];
  } finally {
    redis.disconnect();
    await server.destroy();
  }
}

