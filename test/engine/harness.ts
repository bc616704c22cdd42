import { afterAll, afterEach, beforeAll } from "vitest";
import type { Clock } from "../../src/shared/clock.ts";
import { ChatUser, echoKnowledge, makeEngine, type EngineEnv } from "../support/chat.ts";
import { TestRedis } from "../support/redis.ts";
import type { KnowledgePort } from "../../src/flows/engine/engine.ts";

/**
 * Registers a private redis-server for the test file (started before, destroyed after) and
 * returns a factory of engines over it; each engine is closed after its test.
 */
export function engineHarness(): {
  env(opts?: { prefix?: string; clock?: Clock; knowledge?: KnowledgePort }): EngineEnv;
  user(opts?: { clock?: Clock; knowledge?: KnowledgePort }): { e: EngineEnv; user: ChatUser };
  redis(): TestRedis;
} {
  let redis: TestRedis;
  const envs: EngineEnv[] = [];
  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterEach(async () => {
    for (const e of envs.splice(0)) await e.close();
  });
  afterAll(async () => {
    await redis.destroy();
  });
  const env = (opts: { prefix?: string; clock?: Clock; knowledge?: KnowledgePort } = {}) => {
    const { knowledge = echoKnowledge, ...rest } = opts;
    const e = makeEngine(redis.url, knowledge, rest);
    envs.push(e);
    return e;
  };
  return {
    env,
    user: (opts = {}) => {
      const e = env(opts);
      return { e, user: new ChatUser(e.engine) };
    },
    redis: () => redis,
  };
}
