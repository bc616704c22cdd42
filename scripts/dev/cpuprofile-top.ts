/**
 * Summarise a V8 .cpuprofile (from `node --cpu-prof`) by self time: the top functions, and the
 * same time grouped by package / source area. Optional window (µs on the profile's clock, as
 * printed by `npm run bench -- --only web` with BENCH_WEB_PROFILE=1) to skip start-up.
 *
 *   npx tsx scripts/dev/cpuprofile-top.ts FILE.cpuprofile [--from US] [--to US] [--top 30]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { from: { type: "string" }, to: { type: "string" }, top: { type: "string" }, callers: { type: "string" } } });
const file = positionals[0];
if (!file) throw new Error("usage: cpuprofile-top.ts FILE.cpuprofile [--from US] [--to US] [--top N]");
const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
const from = values.from ? Number(values.from) : -Infinity;
const to = values.to ? Number(values.to) : Infinity;
const top = Number(values.top ?? 30);

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let t = p.startTime;
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i]!;
  if (t < from || t > to) continue;
  const dt = p.timeDeltas[i + 1] ?? 0;
  self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt);
  total += dt;
}

function where(n: Node): string {
  const u = n.callFrame.url.replace(/^file:\/\//, "");
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1]!;
  if (u.includes("/src/")) return `src/${u.split("/src/")[1]!.split("/").slice(0, -1).join("/")}`;
  if (u.startsWith("node:")) return u;
  return u === "" ? `(${n.callFrame.functionName || "native"})` : u.split("/").slice(-2).join("/");
}

const fns = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const u = n.callFrame.url.replace(/^file:\/\//, "");
  const short = u.includes("node_modules/") ? u.slice(u.lastIndexOf("node_modules/") + 13) : u.includes("/src/") ? `src/${u.split("/src/")[1]}` : u;
  const name = `${n.callFrame.functionName || "(anonymous)"}  ${short}${short ? `:${n.callFrame.lineNumber + 1}` : ""}`;
  fns.set(name, (fns.get(name) ?? 0) + us);
  const a = where(n);
  areas.set(a, (areas.get(a) ?? 0) + us);
}
const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5);
console.log(`window: ${(total / 1e6).toFixed(2)} s of samples\n\nself time by function:`);
for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
console.log("\nself time by package / area:");
for (const [k, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);

// --callers NAME: where the self time of functions called NAME comes from (stacks, 6 frames up).
const callersOf = process.argv.includes("--callers") ? process.argv[process.argv.indexOf("--callers") + 1] : undefined;
if (callersOf) {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName !== callersOf) continue;
    const frames: string[] = [];
    for (let q = parent.get(id); q !== undefined && frames.length < 12; q = parent.get(q)) {
      const f = byId.get(q)!.callFrame;
      frames.push(`${f.functionName || "(anon)"}@${f.url.split("/").slice(-1)[0]}:${f.lineNumber + 1}`);
    }
    const k = frames.join(" < ");
    stacks.set(k, (stacks.get(k) ?? 0) + us);
  }
  console.log(`\ncallers of ${callersOf}:`);
  for (const [k, us] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
