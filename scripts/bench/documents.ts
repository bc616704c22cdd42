import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { QueueEvents } from "bullmq";
import { generatorFor } from "../../src/flows/programs/index.ts";
import { DOCUMENTS_QUEUE, type DocumentJob } from "../../src/documents/job.ts";
import { DocumentQueue, createDocumentWorker } from "../../src/documents/queue.ts";
import { expandSteps } from "../../src/flows/forms/expand.ts";
import { readAnswer } from "../../src/flows/forms/answer-input.ts";
import type { Answers } from "../../src/flows/forms/types.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { sampleAnswer } from "../../test/engine/auto-answer.ts";
import { TestRedis } from "../../test/support/redis.ts";
import { ms, percentile, type BenchTable } from "./table.ts";

const PROGRAM = "fj-2025-smart-factory-advanced";

/** Every question of the smart-factory form answered (optional ones too), as a user would. */
function fullAnswers(): Answers {
  const entry = catalog.applications.find((a) => a.program.id === PROGRAM)!;
  const answers: Record<string, Answers[string]> = {};
  for (let guard = 0; guard < 500; guard++) {
    const open = expandSteps(entry.flow.steps, answers).find((i) => !(i.key in answers));
    if (!open) break;
    const r = readAnswer(open, sampleAnswer(open.step, answers), answers);
    answers[open.key] = r.ok ? r.answer : { skipped: true };
  }
  return answers;
}

/** Documents per second per worker (concurrency 1 and 4) and enqueue-to-done latency, with a real Redis. */
export async function benchDocuments(): Promise<BenchTable[]> {
  const server = await TestRedis.start();
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-bench-docs-"));
  const log = createLogger("silent");
  const clock = fixedClock("2026-11-22");
  const answers = fullAnswers();
  const rows: Record<string, string | number>[] = [];
  try {
    // Baseline: rendering alone, in this process, no queue.
    const gen = generatorFor(PROGRAM)!;
    const input = { programId: PROGRAM, draftId: "b", draftVersion: 1, answers, profile: {}, generatedAt: clock.now().toISOString() };
    for (let i = 0; i < 5; i++) await gen.render(input);
    const N0 = 100;
    const t0 = performance.now();
    for (let i = 0; i < N0; i++) await gen.render(input);
    const baseRate = N0 / ((performance.now() - t0) / 1000);
    rows.push({ case: "baseline: render only, no queue", concurrency: 1, documents: N0, "docs/s": Math.round(baseRate), "p50 ms": "", "p95 ms": "", "vs baseline": "1.00" });

    for (const concurrency of [1, 4]) {
      const connection = { host: "127.0.0.1", port: server.port };
      const prefix = `bench${concurrency}`;
      const queue = new DocumentQueue({ connection, prefix });
      const events = new QueueEvents(DOCUMENTS_QUEUE, { connection, prefix });
      await events.waitUntilReady();
      const worker = createDocumentWorker({ connection, prefix, outDir, log, clock }, { concurrency });
      await worker.waitUntilReady();
      // Throughput: a burst of N jobs. Latency: then 40 jobs arriving at 5/s (below capacity).
      const N = 200;
      const PACED = 40;
      const addedAt = new Map<string, number>();
      const lat: number[] = [];
      let completed = 0;
      const done = new Promise<void>((resolve) => {
        events.on("completed", ({ jobId }) => {
          const a = addedAt.get(jobId);
          if (a !== undefined) lat.push(performance.now() - a);
          if (++completed === N + PACED) resolve();
        });
      });
      const start = performance.now();
      for (let i = 0; i < N; i++) {
        const job: DocumentJob = {
          version: 1,
          user: { channel: "console", userId: `bench-${i}` },
          address: { channel: "console", chatId: `bench-${i}`, userId: `bench-${i}` },
          draftId: `d${i}`,
          draftVersion: 1,
          programId: PROGRAM,
          answers,
          profile: {},
        };
        const t = performance.now();
        const id = await queue.add(job);
        addedAt.set(id, t);
      }
      const burstDone = new Promise<number>((resolve) => {
        const timer = setInterval(() => {
          if (completed >= N) {
            clearInterval(timer);
            resolve(performance.now());
          }
        }, 5);
      });
      const rate = N / (((await burstDone) - start) / 1000);
      lat.length = 0;
      for (let i = N; i < N + PACED; i++) {
        const job: DocumentJob = {
          version: 1,
          user: { channel: "console", userId: `bench-${i}` },
          address: { channel: "console", chatId: `bench-${i}`, userId: `bench-${i}` },
          draftId: `d${i}`,
          draftVersion: 1,
          programId: PROGRAM,
          answers,
          profile: {},
        };
        const t = performance.now();
        addedAt.set(await queue.add(job), t);
        await new Promise((r) => setTimeout(r, 200));
      }
      await done;
      lat.sort((a, b) => a - b);
      rows.push({
        case: "queue: enqueue → worker → file stored",
        concurrency,
        documents: N,
        "docs/s": Math.round(rate),
        "p50 ms": ms(percentile(lat, 50)),
        "p95 ms": ms(percentile(lat, 95)),
        "vs baseline": (rate / baseRate).toFixed(2),
      });
      await worker.close();
      await events.close();
      await queue.close();
    }
    return [
      {
        title: "Documents: filled smart-factory 申报书 per second per worker (target ≥ 20/s, p95 ≤ 1 s)",
        rows,
        note: `Every question answered (${Object.keys(answers).length} answers). docs/s: a burst of 200 jobs. Latency (enqueue → file stored, seen through QueueEvents): 40 further jobs arriving at 5 per second. One worker process; the bench enqueues from the same process.`,
      },
    ];
  } finally {
    await server.destroy();
    await fs.rm(outDir, { recursive: true, force: true });
  }
}
