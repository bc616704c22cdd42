import http from "node:http";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const USERS = Number(process.env.BENCH_WEB_USERS ?? 100);
const MESSAGES = Number(process.env.BENCH_WEB_MESSAGES ?? 6000);

/** Each of `USERS` users sends its next script line as soon as the previous one is answered. */
async function closedLoop(script: string[], send: (user: number, line: string) => Promise<void>): Promise<{ rate: number; lat: number[] }> {
  const lat: number[] = [];
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let pos = 0; sent < MESSAGES; pos++) {
        sent++;
        const s = performance.now();
        await send(u, script[pos % script.length]!);
        lat.push(performance.now() - s);
      }
    }),
  );
  return { rate: lat.length / ((performance.now() - t0) / 1000), lat: lat.sort((a, b) => a - b) };
}

/**
 * Web chat throughput: `USERS` concurrent browser sessions POSTing the smart-factory script to
 * `npm start` (its own process; this one only generates load), next to the engine alone on the
 * same Redis with the same users and script.
 */
export async function benchWeb(): Promise<BenchTable[]> {
  const server = await TestRedis.start();
  const redis = new Redis(server.url);
  // As in production (the private redis-server and compose.yaml): AOF fsync once a second.
  await redis.config("SET", "appendfsync", "everysec");
  const { env, dir } = await serviceEnv({ REDIS_URL: server.url, IN_PROCESS_WORKER: "off" });
  let service: ServiceProcess | null = null;
  try {
    const log = createLogger("silent");
    const store = new RedisStateStore(redis, log, { prefix: `benchweb${Date.now()}` });
    const engine = new ConversationEngine({ store, clock: fixedClock("2026-11-22"), log, catalog, knowledge: { answer: async (q) => q }, documents: { enqueue: async () => undefined } });
    // The form, answered, then 删除我的数据 (state stays small); no 确认提交, so no documents are made.
    const script = (await recordScript(engine, store)).filter((l) => l !== "确认提交");

    // CPU per message of the serving side (the app process and Redis), apart from the load generator.
    let cpu0 = cpuSeconds(process.pid) + cpuSeconds(server.pid!);
    const engineRun = await closedLoop(script, (u, text) =>
      engine.handle({ channel: "web", chatId: `e${u}`, userId: `e${u}`, updateId: randomUUID(), kind: "text", text }, async () => undefined),
    );
    const engineCpuMs = ((cpuSeconds(process.pid) + cpuSeconds(server.pid!) - cpu0) * 1000) / engineRun.lat.length;

    service = await ServiceProcess.start(env);
    const url = new URL(service.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });
    const request = (method: string, path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, method, path, agent, headers }, (res) => {
          let data = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (data += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
        });
        req.on("error", reject);
        req.end(body);
      });
    const cookies: string[] = [];
    for (let u = 0; u < USERS; u++) cookies.push(String((await request("GET", "/", {})).headers["set-cookie"]?.[0]).split(";")[0]!);
    let failures = 0;
    let n = 0;
    const servicePid = service.child.pid!;
    cpu0 = cpuSeconds(servicePid) + cpuSeconds(server.pid!);
    const webRun = await closedLoop(script, async (u, text) => {
      const body = JSON.stringify({ clientId: `bench-${u}-${++n}-${Date.now()}`, text });
      const res = await request("POST", "/api/messages", { cookie: cookies[u]!, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }, body);
      if (res.status !== 200) failures++;
    });
    const webCpuMs = ((cpuSeconds(servicePid) + cpuSeconds(server.pid!) - cpu0) * 1000) / webRun.lat.length;
    agent.destroy();

    const row = (name: string, r: { rate: number; lat: number[] }, cpuMs: number) => ({
      case: name,
      users: USERS,
      messages: r.lat.length,
      "messages/s": Math.round(r.rate),
      "p50 ms": ms(percentile(r.lat, 50)),
      "p95 ms": ms(percentile(r.lat, 95)),
      "vs baseline": (r.rate / engineRun.rate).toFixed(2),
      "CPU ms/message (app + Redis)": cpuMs.toFixed(2),
      "CPU vs baseline": (cpuMs / engineCpuMs).toFixed(2),
    });
    return [
      {
        title: "Web chat: messages per second through HTTP at 100 concurrent users (target: adapter ≤ 20 % of throughput)",
        rows: [row("baseline: engine only (same Redis, users, script)", engineRun, engineCpuMs), row("web channel: POST /api/messages → reply stored and pushed", webRun, webCpuMs)],
        note: `Each user sends its next line when the previous POST has returned (the reply is then stored in the chat's stream and announced for SSE). The service runs as its own process (npm start, REDIS_URL, no in-process worker); the load generator is this process. CPU ms/message: CPU time of the serving process (for the baseline, the process running the engine, which also generates its load) and of Redis, divided by messages; the web row excludes the HTTP load generator. Redis with AOF, appendfsync everysec (as the private redis-server and compose.yaml). Script: the smart-factory form answered, then 删除我的数据 (${script.length} lines). Non-200 replies: ${failures}.`,
      },
    ];
  } finally {
    await service?.stop();
    redis.disconnect();
    await server.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
