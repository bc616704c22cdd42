/**
 * A broadcast worker in its own process, sending through a recording "platform" that appends
 * one line per delivery (`<chatId> <ms>`) to a file with a synchronous write, so a test can
 * SIGKILL it at any point and count what was delivered.
 * argv: redisPort prefix recordFile perSecond concurrency inDoubt(skip|resend)
 */
import fs from "node:fs";
import { Broadcasts } from "../../src/app/staff/broadcast.ts";
import { createLogger } from "../../src/shared/log.ts";

const [port, prefix, file, perSecond, concurrency, inDoubt] = process.argv.slice(2);
const connection = { host: "127.0.0.1", port: Number(port) };
const { Redis } = await import("ioredis");
const redis = new Redis(connection);
const limit = { perSecond: Number(perSecond), chatIntervalMs: 0 };
const broadcasts = new Broadcasts({
  redis,
  connection,
  prefix: prefix!,
  queuePrefix: `${prefix}q`,
  log: createLogger("silent"),
  limits: { telegram: limit, feishu: limit, web: limit, console: limit },
  windowGuardMs: 250, // wide: on a busy machine the recorded time may lag the slot
});
const fd = fs.openSync(file!, "a");
broadcasts.createWorkers({
  channels: ["telegram"],
  concurrency: Number(concurrency),
  inDoubt: inDoubt === "resend" ? "resend" : "skip",
  lockDurationMs: 1500,
  stalledIntervalMs: 500,
  deliver: async (to) => {
    fs.writeSync(fd, `${to.chatId} ${Date.now()}\n`);
  },
});
process.stdout.write("ready\n");
