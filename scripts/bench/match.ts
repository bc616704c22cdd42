/**
 * Matching throughput: profiles evaluated per second against every program and category,
 * on one core (the loop is synchronous). The baseline runs the same loop with a trivial
 * evaluator that only builds one result per program × category, so the ratio shows what
 * the rules themselves cost. Target: ≥ 50,000 profiles/s.
 */
import {
  ENTERPRISE_KINDS,
  SMART_FACTORY_STAGES,
  matchProfile,
  type EnterpriseKind,
  type Profile,
  type Program,
  type SmartFactoryStage,
} from "../../src/flows/eligibility/index.ts";
import { programs } from "../../src/flows/programs/index.ts";

const PROVINCES = ["福建省", "吉林省", "浙江省"];
const CITIES = ["福州市", "厦门市", "泉州市", "长春市"];
const SECTORS = ["石油石化", "有色金属", "纺织服装", "电子信息"];

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Varied profiles: every field sometimes missing, values around each threshold. */
export function generateProfiles(n: number, seed = 42): Profile[] {
  const r = rng(seed);
  const maybe = <T>(v: T): T | undefined => (r() < 0.15 ? undefined : v);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (max: number) => Math.floor(r() * max);
  const out: Profile[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      name: `企业${i}`,
      province: maybe(pick(PROVINCES)),
      city: maybe(pick(CITIES)),
      independentLegalEntity: maybe(r() < 0.9),
      branchOfLegalEntity: maybe(r() < 0.1),
      kinds: maybe(ENTERPRISE_KINDS.filter(() => r() < 0.35) as EnterpriseKind[]),
      sector: maybe(pick(SECTORS)),
      employees: maybe(int(3000)),
      revenueLastYearWan: maybe(int(60000)),
      profitLastYearWan: maybe(int(4000) - 1000),
      dishonestListed: maybe(r() < 0.05),
      illegalRecordLast3Years: maybe(r() < 0.05),
      majorAccidentLast3Years: maybe(r() < 0.05),
      smartMaturityLevel: maybe(int(6)),
      basicSmartFactorySelfAssessed: maybe(r() < 0.6),
      smartFactoryStages: maybe(SMART_FACTORY_STAGES.filter(() => r() < 0.7) as SmartFactoryStage[]),
      twoIntegrationSelfAssessed: maybe(r() < 0.6),
      provincialDemoPlatform: maybe(r() < 0.3),
      platformConnectedEnterprises: maybe(int(300)),
      platformConnectedDevices: maybe(int(30000)),
      platformNewServedEnterprisesThisYear: maybe(int(300)),
      cloudProviderContract: maybe(r() < 0.5),
      localEnterpriseUsers: maybe(int(12)),
      identifierRegisteredEnterprises: maybe(int(900)),
      identifierRegistrations: maybe(int(90_000_000)),
      identifierResolutions: maybe(int(300_000_000)),
      projectCompleted: maybe(r() < 0.7),
    });
  }
  return out;
}

function trivialMatch(profile: Profile, ps: readonly Program[], asOf: string) {
  const results = [];
  for (const p of ps) {
    for (const c of p.categories) {
      results.push({ programId: p.id, category: c.id, verdict: profile.province ? "unknown" : "eligible", asOf });
    }
  }
  return { asOf, results };
}

/** Run `fn` over the profiles repeatedly for at least `minMs`; return profiles per second. */
function throughput(profiles: readonly Profile[], fn: (p: Profile) => { results: unknown[] }, minMs: number): number {
  let sink = 0;
  for (let i = 0; i < Math.min(2000, profiles.length); i++) sink += fn(profiles[i] as Profile).results.length; // warm-up
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (const p of profiles) sink += fn(p).results.length;
    done += profiles.length;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  if (sink < 0) throw new Error("unreachable"); // keep the work observable
  return done / (elapsedMs / 1000);
}

export async function benchMatch(): Promise<{ title: string; rows: Record<string, string | number>[] }> {
  const profiles = generateProfiles(5000);
  const asOf = "2024-05-01";
  const pairs = programs.reduce((n, p) => n + p.categories.length, 0);
  const rules = programs.reduce((n, p) => n + new Set(p.categories.flatMap((c) => c.rules)).size, 0);
  const real = throughput(profiles, (p) => matchProfile(p, programs, asOf), 1500);
  const base = throughput(profiles, (p) => trivialMatch(p, programs, asOf), 500);
  return {
    title: `match: profiles/s against ${programs.length} programs (${pairs} program × category, ${rules} distinct rules), one core`,
    rows: [
      { case: "matchProfile (all rules, ordered)", profilesPerSec: Math.round(real), target: 50_000, meetsTarget: real >= 50_000 ? "yes" : "no" },
      { case: "baseline: trivial evaluator", profilesPerSec: Math.round(base), target: "-", meetsTarget: "-" },
      { case: "ratio real / baseline", profilesPerSec: Number((real / base).toFixed(3)), target: "-", meetsTarget: "-" },
    ],
  };
}

// Allow `tsx scripts/bench/match.ts` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { title, rows } = await benchMatch();
  console.log(title);
  console.table(rows);
}
