import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { Redis, type RedisOptions } from "ioredis";

/** A redis-server this process started (or found running on the same socket). */
export interface PrivateRedis {
  /** ioredis options to connect (a unix socket path). */
  options: RedisOptions;
  /** Human-readable location for logs. */
  where: string;
  /** Shut the server down if this process started it and no other client is connected. */
  stop(): Promise<void>;
}

async function socketAlive(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.createConnection(socket);
    c.once("connect", () => {
      c.end();
      resolve(true);
    });
    c.once("error", () => resolve(false));
  });
}

async function waitForSocket(socket: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await socketAlive(socket)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`redis-server did not open ${socket} within ${timeoutMs} ms`);
}

/**
 * Start a private redis-server keeping its data in `dir` (AOF on, so state survives a
 * restart), listening on a unix socket only. If one is already serving that directory (a
 * second chat window), reuse it. Needs `redis-server` on PATH (README: Quick start).
 */
export async function startPrivateRedis(dir: string, opts: { binary?: string } = {}): Promise<PrivateRedis> {
  await fs.mkdir(dir, { recursive: true });
  // Unix socket paths are limited to ~107 bytes; keep it relative to the data dir.
  const socket = path.join(dir, "redis.sock");
  const options: RedisOptions = { path: socket };
  if (await socketAlive(socket)) {
    return { options, where: socket, stop: async () => undefined };
  }
  await fs.rm(socket, { force: true });
  const child = spawn(
    opts.binary ?? "redis-server",
    [
      "--port", "0",
      "--unixsocket", socket,
      "--unixsocketperm", "700",
      "--dir", dir,
      "--appendonly", "yes",
      "--appendfsync", "everysec",
      "--save", "",
      "--logfile", path.join(dir, "redis.log"),
    ],
    { stdio: "ignore", detached: false },
  );
  const exited = new Promise<never>((_, reject) => {
    child.once("error", (err) => reject(new Error(`cannot start redis-server: ${err.message}`, { cause: err })));
    child.once("exit", (code) => reject(new Error(`redis-server exited with code ${code}; see ${path.join(dir, "redis.log")}`)));
  });
  await Promise.race([waitForSocket(socket, 10_000), exited]);
  exited.catch(() => undefined);
  return {
    options,
    where: socket,
    stop: async () => {
      if (child.exitCode !== null) return;
      const r = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
      r.on("error", () => undefined); // the server going away is the point
      try {
        await r.connect();
        const clients = String(await r.client("LIST")).trim().split("\n").length;
        if (clients <= 1) await r.call("SHUTDOWN").catch(() => undefined);
      } finally {
        r.disconnect();
      }
    },
  };
}
