import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createInterface, type Interface } from "node:readline";
import { Redis } from "ioredis";
import { ConversationEngine } from "../../src/flows/engine/engine.ts";
import { RedisStateStore } from "../../src/flows/engine/store.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { TestRedis } from "../../test/support/redis.ts";
import { ServiceProcess } from "../../test/support/service-process.ts";
import { serviceEnv } from "../../test/support/service.ts";
import { recordScript } from "./engine.ts";
import { ms, percentile, type BenchTable } from "./table.ts";
import { cpuSeconds, type LoopResult } from "./web-loop.ts";

const USERS = Number(process.env.BENCH_WEB_USERS ?? 100);
const MESSAGES = Number(process.env.BENCH_WEB_MESSAGES ?? 6000);
const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 5);
/** A folder: the service and the baseline process write --cpu-prof profiles there; windows are printed. */
const PROFILE = process.env.BENCH_WEB_PROFILE ?? "";

/** A bench child (scripts/bench/web-*.ts): "ready", then one JSON result per "go". */
class Child {
  private readonly lines: Interface;
  private readonly queue: string[] = [];
  private wake: (() => void) | null = null;
  readonly child: ChildProcess;

  constructor(file: string, env: Record<string, string>, nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(import.meta.dirname, file)], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.lines = createInterface({ input: this.child.stdout! });
    this.lines.on("line", (l) => {
      this.queue.push(l);
      this.wake?.();
    });
    this.child.once("exit", () => this.wake?.());
  }

  async line(): Promise<string> {
    while (this.queue.length === 0) {
      if (this.child.exitCode !== null) throw new Error(`bench child exited ${this.child.exitCode}`);
      await new Promise<void>((r) => (this.wake = r));
    }
    return this.queue.shift()!;
  }

  /** Run one loop; CPU of the serving process `pid` and of Redis is taken around it. */
  async go(pid: number, redisPid: number): Promise<Run> {
    const before = [cpuSeconds(pid), cpuSeconds(redisPid)];
    const io0 = [...syscalls(pid), ...syscalls(redisPid)];
    this.child.stdin!.write("go\n");
    const r = JSON.parse(await this.line()) as LoopResult & { events?: number };
    const io = [...syscalls(pid), ...syscalls(redisPid)].map((x, i) => x - io0[i]!);
    return { ...r, serveCpu: cpuSeconds(pid) - before[0]!, redisCpu: cpuSeconds(redisPid) - before[1]!, io };
  }

  async quit(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.stdin!.end("quit\n");
    await exited;
  }
}

type Run = LoopResult & { serveCpu: number; redisCpu: number; events?: number; io: number[] };

/** Read and write system calls a process has made so far, and bytes read and written (/proc/PID/io: syscr, syscw, rchar, wchar). */
function syscalls(pid: number): [number, number, number, number] {
  const t = readFileSync(`/proc/${pid}/io`, "utf8");
  const f = (k: string) => Number(new RegExp(`${k}: (\\d+)`).exec(t)![1]);
  return [f("syscr"), f("syscw"), f("rchar"), f("wchar")];
}
type Case = "engine" | "route" | "web" | "sse";
const titles: Record<Case, string> = {
  engine: "baseline: engine only (same app as npm start, own process)",
  route: "engine + routeInbound (pending-delivery check, staff commands, metrics), replies dropped",
  web: "web channel: POST /api/messages → reply stored and announced",
  sse: "web channel, every user's page open (SSE): POST → reply stored and pushed",
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * Web chat throughput: `USERS` concurrent browser sessions POSTing the smart-factory script to
 * `npm start` (its own process) from a load generator in a third process, next to the engine
 * alone in a process of its own built by the same createApp, on the same Redis, with the same
 * number of fresh users and the same script. `ROUNDS` rounds, cases interleaved; ratios are taken
 * within a round.
 */
export async function benchWeb(): Promise<BenchTable[]> {
  const server = await TestRedis.start();
  const redis = new Redis(server.url);
  // As in production (the private redis-server and compose.yaml): AOF fsync once a second.
  await redis.config("SET", "appendfsync", "everysec");
  const { env, dir } = await serviceEnv({ REDIS_URL: server.url, IN_PROCESS_WORKER: "off" });
  const profArgs = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE}`] : [];
  if (PROFILE) process.env.SERVICE_NODE_ARGS = profArgs.join(" ");
  const children: Child[] = [];
  let service: ServiceProcess | null = null;
  try {
    const log = createLogger("silent");
    const store = new RedisStateStore(redis, log, { prefix: `benchweb${Date.now()}` });
    const engine = new ConversationEngine({ store, clock: fixedClock("2026-11-22"), log, catalog, knowledge: { answer: async (q) => q }, documents: { enqueue: async () => undefined } });
    // The form, answered, then 删除我的数据 (state stays small); no 确认提交, so no documents are made.
    const script = (await recordScript(engine, store)).filter((l) => l !== "确认提交");
    const scriptFile = path.join(dir, "script.json");
    writeFileSync(scriptFile, JSON.stringify(script));
    const common = { BENCH_SCRIPT: scriptFile, BENCH_USERS: String(USERS), BENCH_MESSAGES: String(MESSAGES) };

    const host = (mode: string) => new Child("web-engine-host.ts", { ...env, ...common, BENCH_MODE: mode }, profArgs);
    const engineHost = host("engine");
    const routeHost = host("route");
    service = await ServiceProcess.start(env);
    const load = new Child("web-load.ts", { ...common, BENCH_URL: service.url });
    const sseLoad = new Child("web-load.ts", { ...common, BENCH_URL: service.url, BENCH_SSE: "1" });
    children.push(engineHost, routeHost, load, sseLoad);
    for (const c of children) if ((await c.line()) !== "ready") throw new Error("bench child not ready");

    const runs: Record<Case, Run[]> = { engine: [], route: [], web: [], sse: [] };
    const servicePid = service.child.pid!;
    for (let r = 0; r < ROUNDS; r++) {
      runs.engine.push(await engineHost.go(engineHost.child.pid!, server.pid!));
      runs.route.push(await routeHost.go(routeHost.child.pid!, server.pid!));
      runs.web.push(await load.go(servicePid, server.pid!));
      runs.sse.push(await sseLoad.go(servicePid, server.pid!));
      if (PROFILE) for (const c of ["engine", "route", "web", "sse"] as Case[]) process.stderr.write(`round ${r + 1} ${c}: --from ${runs[c][r]!.window[0]} --to ${runs[c][r]!.window[1]}\n`);
    }

    const cpuMs = (x: Run) => ((x.serveCpu + x.redisCpu) * 1000) / x.lat.length;
    const row = (c: Case) => {
      const rs = runs[c];
      const ratios = rs.map((x, i) => x.rate / runs.engine[i]!.rate);
      const cpuRatios = rs.map((x, i) => cpuMs(x) / cpuMs(runs.engine[i]!));
      // Latencies of the round with the median rate.
      const mid = [...rs].sort((a, b) => a.rate - b.rate)[Math.floor(rs.length / 2)]!;
      return {
        case: titles[c],
        users: USERS,
        messages: mid.lat.length,
        "messages/s": Math.round(median(rs.map((x) => x.rate))),
        "p50 ms": ms(percentile(mid.lat, 50)),
        "p95 ms": ms(percentile(mid.lat, 95)),
        "vs baseline (rounds)": `${median(ratios).toFixed(2)} (${ratios.map((x) => x.toFixed(2)).join(", ")})`,
        "CPU ms/message: serving process + Redis": `${median(rs.map((x) => (x.serveCpu * 1000) / x.lat.length)).toFixed(3)} + ${median(rs.map((x) => (x.redisCpu * 1000) / x.lat.length)).toFixed(3)}`,
        "CPU vs baseline": median(cpuRatios).toFixed(2),
        "load generator CPU ms/message": c === "web" || c === "sse" ? median(rs.map((x) => (x.cpu * 1000) / x.lat.length)).toFixed(3) : "-",
        "system calls/message: serving process read + write, Redis read + write": rs[0]!.io ? [0, 1, 4, 5].map((k) => median(rs.map((x) => x.io[k]! / x.lat.length)).toFixed(2)).join(" / ") : "-",
        "bytes/message: serving process read + written": rs[0]!.io ? [2, 3].map((k) => Math.round(median(rs.map((x) => x.io[k]! / x.lat.length)))).join(" / ") : "-",
      };
    };
    const failures = [...runs.web, ...runs.sse, ...runs.engine, ...runs.route].reduce((a, x) => a + x.failures, 0);
    const events = runs.sse.reduce((a, x) => a + (x.events ?? 0), 0);
    return [
      {
        title: "Web chat: messages per second through HTTP at 100 concurrent users (target: adapter ≤ 20 % of throughput)",
        rows: (["engine", "route", "web", "sse"] as Case[]).map(row),
        note: `${ROUNDS} rounds, the four cases interleaved in each; messages/s is the median over rounds, p50/p95 are of the median round, "vs baseline" is the median of the per-round ratios (each round's ratios in brackets). Every case runs ${USERS} fresh users, each sending its next line of the script (the smart-factory form answered, then 删除我的数据; ${script.length} lines) when the previous one is answered. The baseline and the routeInbound row run in their own process built by createApp from the same environment as the service (same engine, knowledge base, Redis client options), looping in-process; the web rows go to \`npm start\` (REDIS_URL, no in-process worker) from a load generator in a third process (raw keep-alive HTTP/1.1; with SSE, each user also holds its page's event stream open: ${events} events read). CPU ms/message: CPU time of the serving process (engine host or service) and of Redis, divided by messages; the load generator's own CPU is the next column. System calls and bytes per message: from /proc/PID/io (syscr, syscw, rchar, wchar) of the serving process and of Redis around each loop (an HTTP request is one read and one write; Redis commands of concurrent users share writes through auto-pipelining). One Redis with AOF, appendfsync everysec (as the private redis-server and compose.yaml). Failed messages: ${failures}.`,
      },
    ];
  } finally {
    for (const c of children) await c.quit().catch(() => undefined);
    await service?.stop();
    redis.disconnect();
    await server.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
