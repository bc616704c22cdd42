import { watch, type FSWatcher } from "node:fs";
import fs from "node:fs/promises";
import type { Redis } from "ioredis";
import { noticesDir } from "../../knowledge/corpus.ts";
import type { Logger } from "../../shared/log.ts";

/** The pub/sub channel on which an ingest (any process) says the corpus changed. */
export const corpusChannel = (prefix: string) => `${prefix}:corpus-changed`;

/** Tells every service on this Redis that the corpus changed (`npm run ingest` with REDIS_URL). */
export async function publishCorpusChanged(redis: Redis, prefix: string, docId: string): Promise<number> {
  return redis.publish(corpusChannel(prefix), JSON.stringify({ docId }));
}

export interface CorpusWatchOptions {
  corpusDir: string;
  /** A connection to duplicate for the subscription (the original is left as it is). */
  redis: Redis;
  prefix: string;
  log: Logger;
  /** Quiet time after the last change before `onChange` runs (several files are written per notice). */
  debounceMs?: number;
  onChange: () => Promise<void>;
}

export interface CorpusWatch {
  /** Resolves once the subscription is live and the directory is watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Notices a corpus change made by another process promptly, two ways: a message on
 * `<prefix>:corpus-changed` (published by `npm run ingest` when REDIS_URL is set), and
 * fs.watch on corpus/notices (an ingest on this machine without a shared Redis, or a file
 * copied in by hand). Changes are debounced; `onChange` never runs twice at once.
 */
export function watchCorpus(o: CorpusWatchOptions): CorpusWatch {
  const debounceMs = o.debounceMs ?? 500;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  const run = async (): Promise<void> => {
    if (running) return void (again = true);
    running = o.onChange().catch((err: unknown) => o.log.warn({ err: (err as Error).message }, "corpus change handling failed"));
    await running;
    running = null;
    if (again && !closed) {
      again = false;
      await run();
    }
  };
  const changed = (why: string) => {
    if (closed) return;
    o.log.debug({ why }, "corpus changed");
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, debounceMs);
    timer.unref();
  };

  const sub = o.redis.duplicate();
  sub.on("error", (err) => o.log.warn({ err: err.message }, "corpus subscription error"));
  sub.on("message", () => changed("published"));
  let watcher: FSWatcher | null = null;
  const ready = (async () => {
    await sub.subscribe(corpusChannel(o.prefix));
    const dir = noticesDir(o.corpusDir);
    await fs.mkdir(dir, { recursive: true });
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => {
        // A notice is live once its .json is written (text first, metadata last).
        if (!name || name.endsWith(".json")) changed("file");
      });
      watcher.on("error", (err) => o.log.warn({ err: err.message }, "corpus watch error"));
    } catch (err) {
      o.log.warn({ err: (err as Error).message }, "corpus directory cannot be watched; relying on pub/sub and the periodic resync");
    }
  })();
  ready.catch((err: unknown) => o.log.warn({ err: (err as Error).message }, "corpus watch did not start"));

  return {
    ready,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      await running;
      sub.disconnect();
    },
  };
}
