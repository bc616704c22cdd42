import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

export interface LoopResult {
  rate: number;
  /** Latencies in ms, sorted. */
  lat: number[];
  failures: number;
  /** CPU seconds this process used during the loop (the load generator's own cost). */
  cpu: number;
  /** The loop's window on the monotonic clock, µs (to cut a --cpu-prof profile to it). */
  window: [number, number];
}

/**
 * Closed loop: each of `users` users sends its next script line as soon as the previous one
 * is answered, until `messages` were sent. `send` returns false for a failed message.
 */
export async function closedLoop(users: number, messages: number, script: string[], send: (user: number, line: string) => Promise<boolean>): Promise<LoopResult> {
  const lat: number[] = [];
  let sent = 0;
  let failures = 0;
  const cpu0 = process.cpuUsage();
  const w0 = Number(process.hrtime.bigint() / 1000n);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let pos = 0; sent < messages; pos++) {
        sent++;
        const s = performance.now();
        if (!(await send(u, script[pos % script.length]!))) failures++;
        lat.push(performance.now() - s);
      }
    }),
  );
  const rate = lat.length / ((performance.now() - t0) / 1000);
  const c = process.cpuUsage(cpu0);
  return { rate, lat: lat.sort((a, b) => a - b), failures, cpu: (c.user + c.system) / 1e6, window: [w0, Number(process.hrtime.bigint() / 1000n)] };
}

/**
 * The child side of the bench protocol: after set-up, print "ready", wait for "go" on stdin,
 * run, print the result as one JSON line. Repeats while the parent says "go"; "quit" ends.
 */
export async function serveLoops(run: () => Promise<LoopResult>): Promise<void> {
  process.stdout.write("ready\n");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "go") process.stdout.write(`${JSON.stringify(await run())}\n`);
    else break;
  }
}
