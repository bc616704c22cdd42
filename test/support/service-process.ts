import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Redis } from "ioredis";
import { projectRoot } from "../../src/shared/config.ts";

/** `npm start` as a child process (node + tsx, as npm runs it), with its own environment. */
export class ServiceProcess {
  url = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
  }

  static async start(env: Record<string, string>): Promise<ServiceProcess> {
    // SERVICE_NODE_ARGS: extra node flags for profiling (e.g. --cpu-prof), which NODE_OPTIONS does not allow.
    const extra = (process.env.SERVICE_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const child = spawn(process.execPath, [...extra, "--import", "tsx", path.join(projectRoot, "src/main.ts")], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const p = new ServiceProcess(child);
    p.url = await new Promise<string>((resolve, reject) => {
      const onData = () => {
        const m = /web chat: (http:\/\/\S+)/.exec(p.stderr);
        if (m) resolve(m[1]!);
      };
      child.stderr!.on("data", onData);
      void p.exited.then(({ code }) => reject(new Error(`service exited ${code} before listening: ${p.stderr}`)));
    });
    return p;
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return (await this.exited).code;
  }
}

/** The environment of a test service in `dataDir` on a free loopback port, `env` on top. */
export function serviceEnv(dataDir: string, env: Record<string, string>): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    INDEX_DIR: path.join(dataDir, "index"),
    DOCUMENTS_DIR: path.join(dataDir, "documents"),
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    ...env,
  };
}

/** The pid of the private redis-server serving `dataDir` (null when none answers). */
export async function privateRedisPid(dataDir: string): Promise<number | null> {
  const r = new Redis({ path: path.join(dataDir, "redis", "redis.sock"), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  r.on("error", () => undefined);
  try {
    await r.connect();
    const info = await r.info("server");
    return Number(/process_id:(\d+)/.exec(info)?.[1]);
  } catch {
    return null;
  } finally {
    r.disconnect();
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
