import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { Redis, type RedisOptions } from "ioredis";
import { AppError } from "./errors.ts";

/** A redis-server this process started (or shares with the process that started it). */
export interface PrivateRedis {
  /** ioredis options to connect (a unix socket path). */
  options: RedisOptions;
  /** Human-readable location for logs. */
  where: string;
  /** Whether this process started it (and so restarts it if it dies, and stops it). */
  readonly owned: boolean;
  /** Rewrite the append-only file so deleted data leaves the disk too (BGREWRITEAOF). */
  rewriteAof(): Promise<void>;
  /** Shut the server down if this process owns it and no other client is connected; waits at most `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export class RedisServerMissingError extends AppError {
  readonly code = "REDIS_SERVER_MISSING";
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

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPid(file: string): Promise<number | null> {
  const n = Number((await fs.readFile(file, "utf8").catch(() => "")).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Connect once, run `fn`, disconnect; for short admin commands on the private server. */
async function withClient<T>(options: RedisOptions, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 2000 });
  r.on("error", () => undefined); // the server going away is sometimes the point
  try {
    await r.connect();
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

const INSTALL_HINT =
  "redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to a Redis you run.";

/**
 * Start a private redis-server keeping its data in `dir` (AOF on, so state survives a
 * restart), listening on a unix socket only. If one already serves that directory for a
 * live process (a second chat window), share it. If its owner is gone (killed with -9),
 * it is an orphan: shut it down (its AOF is flushed) and start a fresh one that we own.
 * An owned server that dies is restarted. Needs `redis-server` on PATH (README: Quick start).
 */
export async function startPrivateRedis(dir: string, opts: { binary?: string; onRestart?: (err: string) => void } = {}): Promise<PrivateRedis> {
  await fs.mkdir(dir, { recursive: true });
  const binary = opts.binary ?? "redis-server";
  if (spawnSync(binary, ["--version"], { stdio: "ignore" }).error) throw new RedisServerMissingError(INSTALL_HINT);
  // Unix socket paths are limited to ~107 bytes; keep it relative to the data dir.
  const socket = path.join(dir, "redis.sock");
  const ownerFile = path.join(dir, "owner.pid");
  const options: RedisOptions = { path: socket };
  if (await socketAlive(socket)) {
    const owner = await readPid(ownerFile);
    if (owner !== null && owner !== process.pid && pidAlive(owner)) {
      // Shared: say so (the owner leaves it running while we live); if the owner has gone
      // meanwhile and no other sharer lives, we stop it.
      const mine = path.join(dir, `sharer.${process.pid}`);
      await fs.writeFile(mine, "");
      const stopShared = async () => {
        await fs.rm(mine, { force: true });
        if (pidAlive(owner) || (await liveSharers(dir)) > 0) return;
        await withClient(options, (r) => r.call("SHUTDOWN").catch(() => undefined)).catch(() => undefined);
      };
      return { options, where: socket, owned: false, rewriteAof: () => rewriteAof(options), stop: stopShared };
    }
    // An orphan from a process that was killed: stop it (SHUTDOWN writes the AOF) and start ours.
    await withClient(options, (r) => r.call("SHUTDOWN").catch(() => undefined)).catch(() => undefined);
    const until = Date.now() + 10_000;
    while ((await socketAlive(socket)) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }
  let child: ChildProcess;
  let stopping = false;
  const launch = async (): Promise<void> => {
    await fs.rm(socket, { force: true });
    child = spawn(
      binary,
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
    const c = child;
    const exited = new Promise<never>((_, reject) => {
      c.once("error", (err) => reject(new Error(`cannot start redis-server: ${err.message}`, { cause: err })));
      c.once("exit", (code) => reject(new Error(`redis-server exited with code ${code}; see ${path.join(dir, "redis.log")}`)));
    });
    exited.catch(() => undefined);
    await Promise.race([waitForSocket(socket, 10_000), exited]);
    await fs.writeFile(ownerFile, `${process.pid}\n`);
    c.once("exit", (code, signal) => {
      if (stopping) return;
      opts.onRestart?.(`redis-server exited (${signal ?? code}); restarting`);
      setTimeout(() => void launch().catch((err: unknown) => opts.onRestart?.(`restart failed: ${(err as Error).message}`)), 200);
    });
  };
  await launch();
  return {
    options,
    where: socket,
    owned: true,
    rewriteAof: () => rewriteAof(options),
    stop: async (timeoutMs = 10_000) => {
      const c = child;
      if (c.exitCode !== null || c.signalCode !== null) return;
      // Another process sharing it (a second window) stops it when it is done.
      if ((await liveSharers(dir)) > 0) return;
      stopping = true;
      const gone = new Promise((resolve) => c.once("exit", resolve));
      c.kill("SIGTERM"); // redis-server flushes the AOF and exits on SIGTERM
      const timer = setTimeout(() => c.kill("SIGKILL"), timeoutMs);
      await gone;
      clearTimeout(timer);
      await fs.rm(ownerFile, { force: true });
    },
  };
}

/** Processes that share this private server and are still running. */
async function liveSharers(dir: string): Promise<number> {
  const pids = (await fs.readdir(dir)).flatMap((f) => (/^sharer\.(\d+)$/.exec(f) ? [Number(/^sharer\.(\d+)$/.exec(f)![1])] : []));
  return pids.filter((pid) => pid !== process.pid && pidAlive(pid)).length;
}

async function rewriteAof(options: RedisOptions): Promise<void> {
  await withClient(options, async (r) => {
    await r.bgrewriteaof().catch((err: Error) => {
      if (!/already in progress/i.test(err.message)) throw err;
    });
  });
}
