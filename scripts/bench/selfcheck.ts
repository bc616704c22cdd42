import { randomUUID } from "node:crypto";
import { matchProfile, PROFILE_FIELDS, type Profile, type ProfileField } from "../../src/flows/eligibility/index.ts";
import type { OutboundMessage } from "../../src/flows/engine/messages.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { profileQuestions } from "../../src/flows/questionnaire/questions.ts";
import { gateAnswerIsNo, gateOf, gates } from "../../src/flows/questionnaire/gates.ts";
import { optionsOf } from "../../src/flows/forms/expand.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { echoKnowledge, makeEngine } from "../../test/support/chat.ts";
import { TestRedis } from "../../test/support/redis.ts";
import type { BenchTable } from "./table.ts";

/** The day verdicts are computed for (deadlines decide nothing here, but the clock is fixed): SHENBAO_TODAY or 2025-04-01. */
const TODAY = process.env.SHENBAO_TODAY ?? "2025-04-01";

/** Typical enterprises, as they would answer: every fact they know; absent = 「不清楚」. */
export const typicalEnterprises: ReadonlyArray<{ name: string; profile: Profile }> = [
  {
    name: "Fuzhou manufacturer (800 staff, 8000 万元)",
    profile: {
      province: "福建省", city: "福州市", independentLegalEntity: true, branchOfLegalEntity: false, kinds: ["manufacturer"],
      sector: "装备制造", employees: 800, revenueLastYearWan: 8000, profitLastYearWan: 600, dishonestListed: false,
      illegalRecordLast3Years: false, majorAccidentLast3Years: false, smartMaturityLevel: 2, basicSmartFactorySelfAssessed: true,
      smartFactoryStages: ["生产作业", "生产管理", "运营管理"], twoIntegrationSelfAssessed: true, provincialDemoPlatform: false,
      platformConnectedEnterprises: 0, platformConnectedDevices: 0, platformNewServedEnterprisesThisYear: 0,
      cloudProviderContract: false, localEnterpriseUsers: 0, identifierRegisteredEnterprises: 0, identifierRegistrations: 0,
      identifierResolutions: 0, projectCompleted: true,
    },
  },
  {
    name: "Xiamen platform operator (IT, 2 亿元)",
    profile: {
      province: "福建省", city: "厦门市", independentLegalEntity: true, branchOfLegalEntity: false, kinds: ["it", "internet"],
      sector: "软件和信息技术服务", employees: 300, revenueLastYearWan: 20000, profitLastYearWan: 1500, dishonestListed: false,
      illegalRecordLast3Years: false, majorAccidentLast3Years: false, provincialDemoPlatform: true,
      platformConnectedEnterprises: 450, platformConnectedDevices: 30000, platformNewServedEnterprisesThisYear: 120,
      cloudProviderContract: true, localEnterpriseUsers: 40, identifierRegisteredEnterprises: 0, identifierRegistrations: 0,
      identifierResolutions: 0, projectCompleted: true,
    },
  },
  {
    name: "Changchun auto-parts manufacturer (loss-making)",
    profile: {
      province: "吉林省", city: "长春市", independentLegalEntity: true, branchOfLegalEntity: false, kinds: ["manufacturer"],
      sector: "汽车零部件", employees: 1200, revenueLastYearWan: 50000, profitLastYearWan: -200, dishonestListed: false,
      illegalRecordLast3Years: false, majorAccidentLast3Years: false, twoIntegrationSelfAssessed: true,
      provincialDemoPlatform: false, platformConnectedEnterprises: 0, platformConnectedDevices: 0, cloudProviderContract: false,
      localEnterpriseUsers: 0, projectCompleted: true,
    },
  },
  {
    name: "Guangdong manufacturer (outside both provinces)",
    profile: {
      province: "广东省", city: "深圳市", independentLegalEntity: true, kinds: ["manufacturer"], employees: 500,
      revenueLastYearWan: 30000, profitLastYearWan: 2000, dishonestListed: false, illegalRecordLast3Years: false,
      majorAccidentLast3Years: false,
    },
  },
  {
    name: "Quanzhou small manufacturer (60 staff, 1500 万元)",
    profile: {
      province: "福建省", city: "泉州市", independentLegalEntity: true, branchOfLegalEntity: false, kinds: ["manufacturer"],
      sector: "纺织服装", employees: 60, revenueLastYearWan: 1500, profitLastYearWan: 80, dishonestListed: false,
      illegalRecordLast3Years: false, majorAccidentLast3Years: false, smartMaturityLevel: 1, basicSmartFactorySelfAssessed: false,
      smartFactoryStages: ["生产作业"], provincialDemoPlatform: false, platformConnectedEnterprises: 0, platformConnectedDevices: 0,
      platformNewServedEnterprisesThisYear: 0, cloudProviderContract: false, localEnterpriseUsers: 0, projectCompleted: false,
    },
  },
];

/** How the enterprise would type a fact. */
export function typedFact(field: ProfileField, value: unknown): string {
  if (value === undefined || value === null) return "不清楚";
  const step = profileQuestions[field];
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return step.kind === "money" ? `${value}万` : String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "都不是";
    const labels = new Map(optionsOf(step, {}).map((o) => [o.id, o.label]));
    return value.map((v) => labels.get(v) ?? v).join("、");
  }
  return String(value);
}

const verdictKey = (p: Profile) =>
  matchProfile(p, catalog.programs, TODAY)
    .results.map((r) => `${r.programId}/${r.category}:${r.verdict}`)
    .join(",");

/**
 * A minimal set of facts that still decides every verdict as the full profile does: drop
 * facts one at a time (last contract field first) while the verdicts stay the same.
 */
export function decidingFacts(profile: Profile): ProfileField[] {
  const target = verdictKey(profile);
  const kept = new Map(Object.entries(profile).filter(([, v]) => v !== undefined && v !== null)) as Map<ProfileField, unknown>;
  for (const f of [...PROFILE_FIELDS].reverse()) {
    if (!kept.has(f)) continue;
    const v = kept.get(f);
    kept.delete(f);
    if (verdictKey(Object.fromEntries(kept) as Profile) !== target) kept.set(f, v);
  }
  return [...kept.keys()];
}

/**
 * The number of facts in that set, where a gate's 「否」 (「不运营平台」) is one fact
 * however many profile fields it settles.
 */
export function decidingFactCount(profile: Profile): number {
  const facts = new Set<string>(decidingFacts(profile));
  for (const g of gates) {
    const settled = Object.keys(g.whenNo).filter((f) => facts.has(f));
    if (settled.length > 0 && gateAnswerIsNo(g, profile)) {
      for (const f of settled) facts.delete(f);
      facts.add(g.id);
    }
  }
  return facts.size;
}

/** Drive the real engine (real Redis) through 资格自测, answering each asked question from the profile. */
export async function questionsAsked(redisUrl: string, profile: Profile): Promise<{ asked: number; fields: string[]; sameVerdicts: boolean }> {
  const env = makeEngine(redisUrl, echoKnowledge, { prefix: `bsc${randomUUID().slice(0, 6)}`, clock: fixedClock(TODAY) });
  const userId = "bench-selfcheck";
  const user = { channel: "console" as const, userId };
  const say = async (text: string): Promise<OutboundMessage[]> => {
    const out: OutboundMessage[] = [];
    await env.engine.handle({ channel: "console", chatId: userId, userId, updateId: randomUUID(), kind: "text", text }, async (m) => void out.push(m));
    return out;
  };
  let asked = 0;
  const fields: string[] = [];
  try {
    await say("资格自测");
    for (let i = 0; i < 60; i++) {
      const { state } = await env.store.load(user);
      const mode = state?.session.mode;
      if (!state || mode?.kind !== "questionnaire" || !mode.field) break;
      asked += 1;
      const field = mode.field;
      fields.push(field);
      const gate = gateOf(field);
      await say(gate ? (gateAnswerIsNo(gate, profile) ? "否" : "是") : typedFact(field as ProfileField, (profile as Record<string, unknown>)[field]));
    }
    const { state } = await env.store.load(user);
    const got = verdictKey((state?.session.profile ?? {}) as Profile);
    return { asked, fields, sameVerdicts: got === verdictKey(profile) };
  } finally {
    await env.close();
  }
}

export async function benchSelfCheck(): Promise<BenchTable> {
  const redis = await TestRedis.start();
  try {
    const rows: BenchTable["rows"] = [];
    for (const e of typicalEnterprises) {
      const r = await questionsAsked(redis.url, e.profile);
      rows.push({ enterprise: e.name, "questions asked": r.asked, "lower bound (deciding facts)": decidingFactCount(e.profile), "verdicts as with full profile": r.sameVerdicts ? "yes" : "no" });
    }
    return {
      title: `Self-check (资格自测): questions asked before the verdicts (real engine, real Redis, as of ${TODAY})`,
      rows,
      note:
        "Lower bound: a minimal set of profile facts that gives the same verdicts as the full profile (facts dropped one by one while the verdicts stay the same); a gate's 「否」 (不运营平台) counts as one fact. Before this work (commit 918bee3) the Fuzhou manufacturer was asked 15 (lower bound then counted per field: 15), the Xiamen platform operator 9, Changchun 4, Guangdong 1, Quanzhou 5.",
    };
  } finally {
    await redis.destroy();
  }
}
