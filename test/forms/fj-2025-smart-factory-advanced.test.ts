import { readFileSync } from "node:fs";
import path from "node:path";
import { fromProfileValue, toProfileValue } from "../../src/flows/forms/profile-bridge.ts";
import { describe, expect, it } from "vitest";
import { SMART_FACTORY_STAGES } from "../../src/flows/eligibility/index.ts";
import { expandSteps, optionsOf, promptOf } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers, Step } from "../../src/flows/forms/types.ts";
import { CITY_DOC, PROVINCE_DOC } from "../../src/flows/programs/fj-2025-smart-factory-advanced/params.ts";
import {
  KPIS,
  SCENARIO_DOCUMENT_ONLY,
  flow,
  scenarioOptions,
} from "../../src/flows/programs/fj-2025-smart-factory-advanced/questions.ts";
import { SCENARIOS, SEGMENTS, scenarioLabel } from "../../src/flows/programs/fj-2025-smart-factory-advanced/scenarios.ts";

const NOTICE = path.resolve(import.meta.dirname, "../../corpus/notices/fj-2025-smart-factory-advanced.txt");
const squash = (s: string) => s.replace(/\*\*/g, "").replace(/\s+/g, "");

const lines = readFileSync(NOTICE, "utf8").split("\n");
const provinceStart = lines.findIndex((l) => l.trim() === PROVINCE_DOC);
const formStart = lines.findIndex((l) => l.trim() === "福建省先进级智能工厂申报书");
const guideStart = lines.findIndex((l) => l.trim() === "智能制造典型场景参考指引");
const byDoc = new Map<string, string>([
  [CITY_DOC, squash(lines.slice(0, provinceStart).join("\n"))],
  [PROVINCE_DOC, squash(lines.slice(provinceStart).join("\n"))],
]);
const form = squash(lines.slice(formStart).join("\n"));
const guide = squash(lines.slice(guideStart, formStart).join("\n"));

const ans = (value: Answer["value"], display = String(value)): Answer => ({ value, display });
const stepById = (id: string): Step => {
  const s = flow.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

/** A full set of sample answers (values only matter for the steps that branch). */
const sample: Answers = {
  "major-accident": ans(false, "否"),
  stages: ans(["生产作业", "生产管理", "运营管理"], "生产作业、生产管理、运营管理"),
  scenarios: ans(["s14", "s08", "s35"], "…"),
  "kpi-chosen": ans(["cncRate", "decisionModels"], "…"),
  "sm-projects": ans(["provincial-demo-factory"], "省级智能制造示范工厂"),
  "factory-industry": ans("equipment", "装备制造"),
};

describe("fj-2025-smart-factory-advanced application flow", () => {
  it("sanity: the notice parts and the form were found", () => {
    expect(provinceStart).toBeGreaterThan(0);
    expect(guideStart).toBeGreaterThan(provinceStart);
    expect(formStart).toBeGreaterThan(guideStart);
    expect(flow.programId).toBe("fj-2025-smart-factory-advanced");
    expect(form).toContain(squash(flow.formTitle));
  });

  it("step ids are unique and kebab-case", () => {
    const ids = flow.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("fields are dotted camelCase and unique per instance after expansion", () => {
    for (const s of flow.steps) expect(s.field).toMatch(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/);
    const everything: Answers = {
      ...sample,
      "major-accident": ans(true, "是"),
      "sm-projects": ans(["other"], "其他"),
      "factory-industry": ans("other", "其他"),
      stages: ans([...SMART_FACTORY_STAGES], "全部"),
      scenarios: ans(SCENARIOS.map((s) => s.id), "全部"),
      "kpi-chosen": ans(KPIS.map((k) => k.key), "全部"),
    };
    const instances = expandSteps(flow.steps, everything);
    const fields = instances.map((i) => i.field);
    expect(new Set(fields).size).toBe(fields.length);
    const keys = instances.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Every step applies for some answers.
    expect(new Set(instances.map((i) => i.step.id))).toEqual(new Set(flow.steps.map((s) => s.id)));
  });

  it("every step has a section, label and prompt; every choice has options", () => {
    for (const s of flow.steps) {
      expect(s.section.length).toBeGreaterThan(0);
      expect(s.label.length).toBeGreaterThan(0);
      if (s.kind === "choice" || s.kind === "multiChoice") {
        const opts = optionsOf(s, sample);
        expect(opts.length, s.id).toBeGreaterThan(0);
        expect(new Set(opts.map((o) => o.id)).size).toBe(opts.length);
      }
      if (s.guidance !== undefined) expect(s.kind).toBe("longText");
    }
    for (const i of expandSteps(flow.steps, sample)) expect(promptOf(i).length).toBeGreaterThan(3);
  });

  it("narrative sections are optional and carry the form's guidance verbatim", () => {
    const narrative = flow.steps.filter((s) => s.kind === "longText");
    expect(narrative.length).toBeGreaterThan(10);
    for (const s of narrative) expect(s.optional, s.id).toBe(true);
    const guided = [...flow.steps.map((s) => s.guidance), ...SCENARIO_DOCUMENT_ONLY.map((d) => d.guidance)].filter(
      (g): g is string => g !== undefined,
    );
    expect(guided.length).toBeGreaterThan(8);
    for (const g of guided) expect(form, g).toContain(squash(g));
  });

  it("every help citation is verbatim in the part of the notice with its 文号", () => {
    const cited = flow.steps.filter((s) => s.help?.citation);
    expect(cited.length).toBeGreaterThan(15);
    for (const s of cited) {
      const c = s.help?.citation;
      if (!c) continue;
      expect(c.external ?? false).toBe(false);
      expect(c.section.length).toBeGreaterThan(0);
      const part = byDoc.get(c.docNumber ?? "");
      expect(part, `${s.id}: unknown 文号 ${String(c.docNumber)}`).toBeDefined();
      expect(part, `${s.id}: ${c.quote}`).toContain(squash(c.quote));
    }
  });

  it("profile fields: smartFactoryStages options are the profile's enum; the maturity level maps to the profile's number", () => {
    expect(stepById("stages").profileField).toBe("smartFactoryStages");
    expect(optionsOf(stepById("stages"), {}).map((o) => o.id)).toEqual([...SMART_FACTORY_STAGES]);
    expect(stepById("major-accident")).toMatchObject({ kind: "yesNo", profileField: "majorAccidentLast3Years" });
    expect(stepById("company-name").profileField).toBe("name");
    const maturity = stepById("maturity-level");
    expect(maturity.profileField).toBe("smartMaturityLevel");
    expect(toProfileValue(maturity, { value: "2", display: "二级" })).toBe(2);
    expect(fromProfileValue(maturity, 3)).toEqual({ value: "3", display: "三级" });
    expect(fromProfileValue(maturity, 0)).toBeUndefined();
  });

  it("the KPI rows are the form's, labels verbatim", () => {
    expect(KPIS).toHaveLength(20);
    expect(new Set(KPIS.map((k) => k.key)).size).toBe(20);
    for (const k of KPIS) expect(form, k.label).toContain(squash(k.label));
  });
});

describe("scenarios (附件2)", () => {
  it("15 环节 with 40 scenarios, numbered in order", () => {
    expect(SEGMENTS).toHaveLength(15);
    expect(SCENARIOS).toHaveLength(40);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(40);
    expect(SCENARIOS.map((s) => s.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(SCENARIOS.map((s) => s.segment)).size).toBe(15);
  });

  it("every 环节 and scenario name is printed in the guide, with its number", () => {
    const raw = lines.slice(guideStart, formStart).map((l) => l.trim());
    for (const s of SCENARIOS) {
      expect(guide).toContain(squash(s.name));
      expect(raw, s.name).toContain(`${s.number}. ${s.name}`);
    }
    const numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
    for (const seg of SEGMENTS) expect(raw).toContain(`${numerals[seg.number - 1]}、${seg.name}`);
  });

  it("the five smart-factory 环节 map as footnotes [1]-[5] say", () => {
    const of = (stage: string) => SEGMENTS.filter((s) => s.stage === stage).map((s) => s.name);
    expect(new Set(of("工厂建设"))).toEqual(new Set(["工厂建设", "信息基础设施"]));
    expect(new Set(of("研发设计"))).toEqual(new Set(["产品设计", "工艺设计"]));
    expect(new Set(of("生产作业"))).toEqual(new Set(["生产作业", "质量管控", "设备管理"]));
    expect(new Set(of("生产管理"))).toEqual(new Set(["计划调度", "仓储物流", "安全管控", "能碳管理", "环保管理"]));
    expect(new Set(of("运营管理"))).toEqual(new Set(["营销与售后", "供应链管理"]));
    expect(SEGMENTS.filter((s) => s.stage === null).map((s) => s.name)).toEqual(["多环节模式创新"]);
  });

  it("scenario options follow the chosen 环节, plus 多环节模式创新", () => {
    const opts = scenarioOptions({ stages: ans(["生产作业"], "生产作业") });
    const ids = opts.map((o) => o.id);
    // 生产作业 (9-13), 质量管控 (14-15), 设备管理 (16-17), then 多环节模式创新 (34-40).
    const expected = [9, 10, 11, 12, 13, 14, 15, 16, 17, 34, 35, 36, 37, 38, 39, 40].map((n) => `s${String(n).padStart(2, "0")}`);
    expect(ids).toEqual(expected);
    expect(opts[0]?.label).toBe("生产作业-产线柔性配置");
    const s14 = SCENARIOS.find((s) => s.id === "s14");
    expect(s14 && scenarioLabel(s14)).toBe("质量管控-在线智能检测");
  });
});

describe("expansion", () => {
  const keys = (a: Answers) => expandSteps(flow.steps, a).map((i) => i.key);

  it("gives one row per year for each 近三年发展情况 row", () => {
    const k = keys(sample);
    for (const id of ["total-assets", "debt-ratio", "main-revenue", "profit-margin", "taxes-paid"]) {
      expect(k.filter((x) => x.startsWith(`${id}[`))).toEqual([`${id}[2022]`, `${id}[2023]`, `${id}[2024]`]);
    }
    const fields = expandSteps(flow.steps, sample).map((i) => i.field);
    expect(fields).toContain("basic.mainRevenue.2024");
  });

  it("asks beforeAfter only for the chosen KPIs", () => {
    const k = keys(sample);
    expect(k.filter((x) => x.startsWith("kpi["))).toEqual(["kpi[cncRate]", "kpi[decisionModels]"]);
    const inst = expandSteps(flow.steps, sample).find((i) => i.key === "kpi[decisionModels]");
    expect(inst?.step.kind).toBe("beforeAfter");
    expect(inst?.field).toBe("kpi.decisionModels");
    expect(inst && promptOf(inst)).toContain("工厂应用智能决策模型数量(个)");
    expect(keys({ ...sample, "kpi-chosen": { skipped: true } }).some((x) => x.startsWith("kpi["))).toBe(false);
  });

  it("asks the per-scenario steps only for the chosen scenarios, in the guide's order", () => {
    const k = keys(sample);
    expect(k.filter((x) => x.startsWith("scenario-instance-name["))).toEqual([
      "scenario-instance-name[s08]",
      "scenario-instance-name[s14]",
      "scenario-instance-name[s35]",
    ]);
    for (const id of ["scenario-investment", "scenario-description", "scenario-results"]) {
      expect(k.filter((x) => x.startsWith(`${id}[`))).toHaveLength(3);
    }
    const inst = expandSteps(flow.steps, sample).find((i) => i.key === "scenario-description[s14]");
    expect(inst && promptOf(inst)).toContain("质量管控-在线智能检测");
    // A scenario whose 环节 is no longer chosen is not asked.
    const fewer = keys({ ...sample, stages: ans(["生产管理", "运营管理"], "…") });
    expect(fewer.filter((x) => x.startsWith("scenario-instance-name["))).toEqual([
      "scenario-instance-name[s08]",
      "scenario-instance-name[s35]",
    ]);
  });

  it("asks the accident name only when there was an accident", () => {
    expect(keys(sample)).not.toContain("accident-name");
    expect(keys({ ...sample, "major-accident": ans(true, "是") })).toContain("accident-name");
    expect(keys({ ...sample, "major-accident": { skipped: true } })).not.toContain("accident-name");
  });

  it("asks the 其他 follow-ups only when 其他 is chosen", () => {
    expect(keys(sample)).not.toContain("sm-projects-other");
    expect(keys(sample)).not.toContain("factory-industry-other");
    expect(keys({ ...sample, "sm-projects": ans(["other"], "其他") })).toContain("sm-projects-other");
    expect(keys({ ...sample, "factory-industry": ans("other", "其他") })).toContain("factory-industry-other");
  });
});
