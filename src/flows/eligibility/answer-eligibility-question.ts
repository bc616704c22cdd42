import { parseMoneyWan } from "../parse/index.ts";
import { evaluateProgram, verdictOf, type ProgramResult, type Verdict } from "./evaluate.ts";
import type { Profile, ProfileField } from "./profile.ts";
import { sizeClassOf } from "./size-class.ts";
import { eligibilityQuestionTexts as T, kindLabels, reportTexts } from "./texts.ts";
import type { Citation, Program, RuleOutcome } from "./types.ts";

/**
 * Eligibility questions asked in one sentence (「我们是国企，营收五千万，能报平台类吗？」):
 * the facts stated are read with the chat parsers, the program and category named are found
 * by their labels, and the rules answer with the verdict for those facts, the threshold and
 * the clause. Questions that state no fact, or name no condition, are left to policy Q&A.
 */

const ASKS_ELIGIBILITY = /能(不能)?(报|申报|申请|参加|参评)|可以(报|申报|申请)|可不可以报|够(不够)?(条件|格)|符合(不符合)?(条件|要求)|有(没有)?资格|能否(申报|申请)|报得了|够得上/;
const AMOUNT = "([\\d.,]+|[零〇一二两三四五六七八九十百千]+)\\s*(个)?\\s*(亿|千万|百万|万)\\s*元?";
const PROVINCE_OF_CITY: Record<string, string> = {
  福州: "福建省", 厦门: "福建省", 泉州: "福建省", 漳州: "福建省", 三明: "福建省", 莆田: "福建省", 南平: "福建省", 龙岩: "福建省", 宁德: "福建省", 平潭: "福建省",
  长春: "吉林省", 吉林市: "吉林省", 四平: "吉林省", 通化: "吉林省", 白山: "吉林省", 松原: "吉林省", 白城: "吉林省", 辽源: "吉林省", 延边: "吉林省",
};
const PROVINCES = ["福建", "吉林", "江苏", "浙江", "广东", "四川", "山东", "河南", "湖北", "湖南", "安徽", "江西", "河北", "辽宁", "黑龙江", "陕西", "山西", "云南", "贵州", "广西", "海南", "甘肃", "青海", "宁夏", "新疆", "西藏", "内蒙古", "北京", "天津", "上海", "重庆"];

export interface StatedFacts {
  profile: Profile;
  /** Chinese labels of the facts read, for the answer's lead. */
  labels: string[];
  /** Said but not a profile fact (国企, 央企): named in the answer as not deciding. */
  ownership: string | null;
}

function money(text: string, cue: RegExp): number | null {
  const m = new RegExp(`(?:${cue.source})[^，。；,;\\d零〇一二两三四五六七八九十百千]{0,6}${AMOUNT}`).exec(text);
  if (!m) return null;
  const parsed = parseMoneyWan(m[0].replace(new RegExp(`^.*?(?=${AMOUNT}$)`), ""));
  return parsed.ok ? parsed.value : null;
}

/** The facts a question states, read with the chat parsers (「营收五千万」「1.2亿」「200人」「成熟度三级」). */
export function statedFacts(question: string): StatedFacts {
  const p: Record<string, unknown> = {};
  const labels: string[] = [];
  const L = T.factLabels;
  const revenue = money(question, /营收|营业收入|年收入|收入|销售额|产值/);
  if (revenue !== null) {
    p.revenueLastYearWan = revenue;
    labels.push(L.revenueLastYearWan(String(revenue)));
  }
  const profit = money(question, /利润|盈利/);
  if (profit !== null) {
    const loss = /亏损|亏/.test(question.slice(0, question.search(/利润|盈利/) + 4)) ? -profit : profit;
    p.profitLastYearWan = loss;
    labels.push(L.profitLastYearWan(String(loss)));
  } else {
    const lossAmount = money(question, /亏损|亏了/);
    if (lossAmount !== null) {
      p.profitLastYearWan = -lossAmount;
      labels.push(L.profitLastYearWan(String(-lossAmount)));
    }
  }
  const staff = /(\d{1,6})\s*(多)?\s*(个|名)?\s*(人|员工|职工)/.exec(question);
  if (staff && /员工|职工|人员|人/.test(question)) {
    p.employees = Number(staff[1]);
    labels.push(L.employees(staff[1]!));
  }
  const level = /成熟度[^，。；\d一二三四五]{0,4}([1-5一二三四五])\s*级/.exec(question);
  if (level) {
    const n = "一二三四五".indexOf(level[1]!) + 1 || Number(level[1]);
    p.smartMaturityLevel = n;
    labels.push(L.smartMaturityLevel(String(n)));
  }
  const province = PROVINCES.find((x) => question.includes(x));
  const city = Object.keys(PROVINCE_OF_CITY).find((c) => question.includes(c));
  if (city) {
    p.city = city.endsWith("市") ? city : `${city}市`;
    p.province = PROVINCE_OF_CITY[city];
    labels.push(L.city(p.city as string));
  } else if (province) {
    p.province = `${province}${["北京", "天津", "上海", "重庆"].includes(province) ? "市" : "省"}`;
    labels.push(L.province(p.province as string));
  }
  if (/分公司|分支机构|分厂/.test(question)) {
    p.branchOfLegalEntity = true;
    p.independentLegalEntity = false;
    labels.push(L.branchOfLegalEntity());
  } else if (/独立法人|子公司/.test(question)) {
    p.independentLegalEntity = true;
    labels.push(L.independentLegalEntity());
  }
  const kinds: string[] = [];
  // Not 「工厂」 alone: 「智能工厂」 names a program, not the company.
  if (/制造(业)?企业|工业企业|制造商|生产企业|制造业公司/.test(question)) kinds.push("manufacturer");
  if (/软件|信息技术企业|IT企业/i.test(question)) kinds.push("it");
  if (/互联网企业|互联网公司/.test(question)) kinds.push("internet");
  if (kinds.length > 0) {
    p.kinds = kinds;
    labels.push(L.kinds(kinds.map((k) => kindLabels[k as keyof typeof kindLabels] ?? k).join("、")));
  }
  if (/失信|经营异常/.test(question)) {
    const clean = /没有|没被|未被|无|不在/.test(question);
    p.dishonestListed = !clean;
    labels.push(L.dishonestListed(String(!clean)));
  }
  const ownership = /央企|中央企业|国企|国有企业|省属企业|民企|民营企业|外企|外资企业/.exec(question)?.[0] ?? null;
  return { profile: p as Profile, labels, ownership };
}

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return d ? `${y}年${Number(m)}月${Number(d)}日` : iso;
};

export interface EligibilityAnswer {
  text: string;
  results: Array<{ programId: string; category: string | null; verdict: Verdict; reasons: RuleOutcome[] }>;
  citations: Array<{ program: Program; citation: Citation }>;
}

const grams = (s: string) => {
  const out = new Set<string>();
  for (const run of s.match(/[\u3400-\u9fff]+/g) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
};
/** Bigrams that name no program in particular. */
const GENERIC = new Set(["申报", "企业", "项目", "工业", "我们", "公司", "能报", "可以", "条件", "福建", "吉林", "关于", "通知", "工作", "开展", "组织"]);

/** The program × categories the question names, best first (ties all kept, at most three). */
function namedCategories(question: string, programs: readonly Program[]): Array<{ program: Program; categoryId: string | null }> {
  const q = [...grams(question)].filter((g) => !GENERIC.has(g));
  const scored = programs.flatMap((program) =>
    program.categories.map((c) => {
      const own = grams(c.label);
      const title = grams(program.title);
      const score = q.reduce((s, g) => s + (own.has(g) ? 2 : title.has(g) ? 1 : 0), 0);
      return { program, categoryId: c.id, score };
    }),
  );
  const max = Math.max(0, ...scored.map((s) => s.score));
  if (max < 2) return [];
  return scored.filter((s) => s.score === max).slice(0, 3);
}

/**
 * Cheap check for the engine's router: asks whether it may apply and states a fact
 * (「营收8000万能申报数字化标杆企业吗」). Such text should go to Q&A (the knowledge port answers it
 * with the rules), not start the program's form although it names the program.
 */
export function isEligibilityQuestion(question: string, programs: readonly Program[]): boolean {
  return ASKS_ELIGIBILITY.test(question) && Object.keys(statedFacts(question).profile).length > 0 && namedCategories(question, programs).length > 0;
}

/** Null when the question is not an eligibility question with a stated fact about a named program. */
export function answerEligibilityQuestion(question: string, programs: readonly Program[], asOf: string): EligibilityAnswer | null {
  if (!ASKS_ELIGIBILITY.test(question)) return null;
  const facts = statedFacts(question);
  const stated = Object.keys(facts.profile) as ProfileField[];
  if (stated.length === 0) return null;
  const named = namedCategories(question, programs);
  if (named.length === 0) return null;
  const lines: string[] = [T.lead([...facts.labels, ...(facts.ownership ? [facts.ownership] : [])].join("，"))];
  const results: EligibilityAnswer["results"] = [];
  const citations: EligibilityAnswer["citations"] = [];
  const ctx = { sizeClass: sizeClassOf(facts.profile) };
  for (const { program, categoryId } of named) {
    const result = evaluateProgram(program, facts.profile, ctx, asOf).find((r) => r.category === categoryId) as ProgramResult;
    const category = program.categories.find((c) => c.id === categoryId)!;
    const reads = new Map(category.rules.map((r) => [r.id, r.needs]));
    // The verdict for the facts stated: only rules that read one of them.
    const relevant = result.reasons.filter((r) => (reads.get(r.ruleId) ?? []).some((f) => stated.includes(f)) && r.status !== "unknown");
    if (relevant.length === 0) continue;
    const verdict = verdictOf(relevant);
    lines.push(T.program(result.categoryLabel, program.title, program.docNumber));
    for (const r of relevant) {
      lines.push(T.reason(reportTexts.marks[r.status], r.message, r.citation.quote, r.citation.section));
      citations.push({ program, citation: r.citation });
    }
    lines.push(verdict === "ineligible" ? T.failed : verdict === "eligible" ? T.passed : T.undecided);
    if (result.deadline && result.deadlinePassed) lines.push(T.deadlinePassed(chineseDate(result.deadline)));
    results.push({ programId: program.id, category: categoryId, verdict, reasons: relevant });
  }
  if (results.length === 0) return null;
  if (facts.ownership) lines.push(T.notACondition(facts.ownership));
  lines.push(T.offerSelfCheck);
  return { text: lines.join("\n"), results, citations };
}
