/**
 * The web benchmark's baseline, in its own process like the service: the same app as
 * `npm start` builds it (createApp from the same environment: engine, knowledge base, outbox,
 * staff, Redis client options), without HTTP. Each "go" runs the closed loop on fresh users:
 * `BENCH_MODE=engine` calls the engine directly (replies dropped); `BENCH_MODE=route` goes
 * through `routeInbound` (pending-delivery check, staff commands, metrics) to an adapter that
 * drops replies. Started by scripts/bench/web.ts.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createApp, redisOptionsFromUrl } from "../../src/app/create-app.ts";
import type { ChannelAdapter } from "../../src/bots/port.ts";
import { clockFromEnv } from "../../src/shared/clock.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { createLogger } from "../../src/shared/log.ts";
import { closedLoop, serveLoops } from "./web-loop.ts";

const config = loadConfig(process.env);
const log = createLogger("silent");
const script = JSON.parse(readFileSync(process.env.BENCH_SCRIPT!, "utf8")) as string[];
const users = Number(process.env.BENCH_USERS);
const messages = Number(process.env.BENCH_MESSAGES);
const mode = process.env.BENCH_MODE ?? "engine";

// Owns every web chat and drops what it is given (the channel's cost is what is measured elsewhere).
const sink: ChannelAdapter = {
  channel: "web",
  start: async () => undefined,
  send: async () => ({ messageId: "" }),
  edit: async (_to, messageId) => ({ messageId }),
  progress: async () => undefined,
  owns: (to) => to.channel === "web",
  stop: async () => undefined,
};
const app = await createApp({ config, clock: clockFromEnv(config.SHENBAO_TODAY), log }, { redis: redisOptionsFromUrl(config.REDIS_URL!), adapters: [sink] });
let round = 0;
await serveLoops(async () => {
  const r = ++round;
  return closedLoop(users, messages, script, async (u, text) => {
    const chatId = `${mode}${r}x${u}`;
    const message = { channel: "web" as const, chatId, userId: chatId, updateId: randomUUID(), kind: "text" as const, text };
    if (mode === "engine") await app.engine.handle(message, async () => undefined);
    else await app.handle(message);
    return true;
  });
});
await app.close(5000);
process.exit(0);
