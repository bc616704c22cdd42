import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMITMENT, generator } from "../../src/flows/programs/fj-2025-smart-factory-advanced/document.ts";
import { generatorFor } from "../../src/flows/programs/index.ts";
import type { DocumentInput } from "../../src/documents/types.ts";
import { answerFromValue } from "../../src/flows/forms/answer-input.ts";
import { expandSteps } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers } from "../../src/flows/forms/types.ts";
import { KPIS, SCENARIO_DOCUMENT_ONLY, flow } from "../../src/flows/programs/fj-2025-smart-factory-advanced/questions.ts";
import { indexOfParagraph, openDocx, rowAfter, tableWithHeader, type DocxContent } from "../support/docx.ts";

const SKIP = Symbol("skip");

/** Answers as the engine stores them: each value checked and displayed by the step's own rules. */
function answersOf(values: Record<string, unknown>): Answers {
  const out: Record<string, Answer | { skipped: true }> = {};
  for (const [key, value] of Object.entries(values)) {
    const step = flow.steps.find((s) => s.id === key.replace(/\[.*\]$/, ""));
    if (!step) throw new Error(`no step for ${key}`);
    if (value === SKIP) {
      out[key] = { skipped: true };
      continue;
    }
    const answer = answerFromValue(step, value, out);
    if (!answer) throw new Error(`invalid value for ${key}: ${JSON.stringify(value)}`);
    out[key] = answer;
  }
  // Realistic: every key is a question the flow asks, every required question is answered.
  const asked = expandSteps(flow.steps, out);
  const keys = new Set(asked.map((i) => i.key));
  for (const key of Object.keys(out)) if (!keys.has(key)) throw new Error(`${key} is not asked for these answers`);
  const missing = asked.filter((i) => !i.step.optional && !(i.key in out)).map((i) => i.key);
  if (missing.length > 0) throw new Error(`required answers missing: ${missing.join(", ")}`);
  return out;
}

const years = (id: string, v: [number, number, number]) => ({ [`${id}[2022]`]: v[0], [`${id}[2023]`]: v[1], [`${id}[2024]`]: v[2] });

const REQUIRED: Record<string, unknown> = {
  "company-name": "福建闽江智能装备有限公司",
  "credit-code": "91350100M000100Y43",
  "founded-on": "2008-05-20",
  ownership: "private",
  "size-class": "medium",
  "industry-division": "C38 电气机械和器材制造业",
  "industry-group": "C381 电机制造",
  address: "福建省福州市闽侯县上街镇某某路88号",
  "legal-rep-name": "张建国",
  "legal-rep-phone": "0591-87654321",
  "contact-name": "李明",
  "contact-title": "信息中心主任",
  "contact-phone": "0591-87654322",
  "contact-mobile": "13800138000",
  "contact-email": "liming@example.com",
  ...years("total-assets", [32000, 35000, 38000]),
  ...years("debt-ratio", [45, 44.5, 43]),
  ...years("main-revenue", [25000, 27000, 30500]),
  ...years("profit-margin", [8.5, -3, 9.2]),
  ...years("taxes-paid", [850, 900, 1020]),
  "maturity-level": "3",
  "major-accident": false,
  "project-name": "新能源电机智能工厂",
  "factory-industry": "equipment",
  "sub-industry": "新能源汽车驱动电机",
  stages: ["生产作业", "生产管理", "运营管理"],
  // 人机协同作业 (生产作业), 在线智能检测 (质量管控 → 生产作业), 智能仓储 (仓储物流 → 生产管理),
  // 供应链计划协同优化 (供应链管理 → 运营管理), 大规模个性化定制 (多环节模式创新).
  scenarios: ["s10", "s14", "s18", "s28", "s35"],
  "build-address": "福建省福州市长乐区某某工业园区",
  integrators: "生产作业—福州某某自动化有限公司；生产管理—福建某某软件有限公司",
  "start-date": "2022-01-01",
  "end-date": "2024-12-31",
  investment: 5200,
  "scenario-instance-name[s10]": "多机协同的电机壳体柔性加工与检测环节",
  "scenario-instance-name[s14]": "定子绕组视觉在线检测",
  "scenario-instance-name[s18]": "成品立体仓库",
  "scenario-instance-name[s28]": "主要零部件供需协同计划",
  "scenario-instance-name[s35]": "电机按单定制",
};

const FULL: Record<string, unknown> = {
  recommender: "福州市鼓楼区工业和信息化局",
  ...REQUIRED,
  "contact-fax": SKIP,
  "credit-rating": "AAA",
  "sm-projects": ["provincial-demo-factory", "other"],
  "sm-projects-other": "2023年福州市智能制造示范车间",
  "company-profile": "公司成立于2008年，主营新能源汽车驱动电机，2024年销售收入3.05亿元。",
  "kpi-chosen": ["cncRate", "defectRateReduction", "replicatedEnterprises"],
  "kpi[cncRate]": { before: 60, after: 90 },
  "kpi[defectRateReduction]": { before: 2, after: 1.2 },
  "kpi[replicatedEnterprises]": { before: 0, after: 12 },
  "kpi-other": "人均产值 建设前80万元 建成后120万元",
  "project-summary": "建成覆盖生产作业、生产管理、运营管理的电机智能工厂。",
  "scenario-investment[s10]": 500,
  "scenario-description[s10]": "针对电机壳体加工，搭建4台五轴机床+2台机器人组成柔性加工单元。\n配套在线测量。",
  "scenario-results[s10]": SKIP,
  "scenario-results[s14]": "检测效率提升 40%，漏检率降至 0.1%。",
  background: SKIP,
  "overall-plan": "项目以 MES & WMS 为核心 <一体化> 建设，“数据驱动”。",
  integration: SKIP,
  advancement: "电机绕组在线检测技术达到国内领先水平。",
  goals: "2026年建成卓越级智能工厂。",
  "key-technologies": "高精度视觉检测算法：检测精度0.01mm，节拍2秒\n电机绕组在线监测技术：采样频率10kHz",
  standards: "智能电机装配线通用技术要求、团标、已发布、T/FJAS 012-2024",
  patents: "一种电机定子自动绕线装置，发明，已授权，ZL202310123456.7",
};

const input = (values: Record<string, unknown>, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  programId: flow.programId,
  draftId: "draft-7f3a",
  draftVersion: 3,
  answers: answersOf(values),
  profile: {},
  generatedAt: "2025-03-31T17:00:00.000Z",
  ...extra,
});

const NOTICE = path.resolve(import.meta.dirname, "../../corpus/notices/fj-2025-smart-factory-advanced.txt");
const squash = (s: string) => s.replace(/\s+/g, "");

let doc: DocxContent;
let full: DocumentInput;

beforeAll(async () => {
  full = input(FULL);
  doc = openDocx(await generator.render(full));
});

const cell = (label: string, i = 0): string => {
  const row = rowAfter(doc, label);
  if (!row) throw new Error(`no row ${label}`);
  return row[i] ?? "";
};

/** ☑ before each chosen label, ☐ before each other one. */
function expectBoxes(text: string, checked: readonly string[], unchecked: readonly string[]) {
  for (const l of checked) {
    expect(text).toContain(`☑ ${l}`);
    expect(text).not.toContain(`☐ ${l}`);
  }
  for (const l of unchecked) {
    expect(text).toContain(`☐ ${l}`);
    expect(text).not.toContain(`☑ ${l}`);
  }
}

describe("fj-2025-smart-factory-advanced 申报书", () => {
  it("is the registered generator and names the file after the form and the enterprise", () => {
    expect(generatorFor(flow.programId)).toBe(generator);
    expect(generator.fileName(full)).toBe("福建省先进级智能工厂申报书-福建闽江智能装备有限公司.docx");
    const odd = input({ ...REQUIRED, "company-name": "福州/闽侯:某某*公司?" });
    expect(generator.fileName(odd)).toBe("福建省先进级智能工厂申报书-福州_闽侯_某某_公司_.docx");
    expect(generator.fileName({ ...full, answers: {} })).toBe("福建省先进级智能工厂申报书-draft-7f3a.docx");
  });

  it("is A4 with the notices' fonts: 仿宋 body, 黑体 heading 1, 楷体 heading 2", () => {
    // A4 portrait, and A4 landscape for 附表1–2 (then portrait again for 附表3–7).
    expect(doc.pageSizes).toEqual([
      { width: 11906, height: 16838 },
      { width: 16838, height: 11906 },
      { width: 11906, height: 16838 },
    ]);
    expect(doc.fonts.eastAsia).toEqual(expect.arrayContaining(["仿宋", "黑体", "楷体"]));
    expect(doc.styles["#default"]).toMatchObject({ eastAsia: "仿宋", size: 32 });
    expect(doc.styles.Heading1).toMatchObject({ eastAsia: "黑体", size: 32 });
    expect(doc.styles.Heading2).toMatchObject({ eastAsia: "楷体", size: 32 });
    expect(doc.body.find((p) => p.text === "一、申报单位和项目基本信息")?.style).toBe("Heading1");
    expect(doc.body.find((p) => p.text === "（二）智能工厂基本信息")?.style).toBe("Heading2");
  });

  it("prints the cover with the answers", () => {
    expect(doc.body.find((p) => p.style === "Title")?.text).toBe("福建省先进级智能工厂申报书");
    for (const line of [
      "申报单位（盖章）：福建闽江智能装备有限公司",
      "项目名称：新能源电机智能工厂",
      "法人代表：张建国",
      "推荐单位：福州市鼓楼区工业和信息化局",
      // generatedAt is 2025-03-31T17:00Z: 1 April in China.
      "申报日期：＿＿＿＿＿＿＿＿＿＿＿＿",
      "福建省工业和信息化厅编制",
      "二〇二五年",
    ]) {
      expect(doc.paragraphs).toContain(line);
    }
  });

  it("puts the basic information in the form's rows", () => {
    const a = full.answers as Record<string, Answer>;
    expect(cell("企业名称")).toBe("福建闽江智能装备有限公司");
    // Rows of their own: an 18-character code and an e-mail address are never broken.
    expect(rowAfter(doc, "统一社会信用代码")).toEqual(["91350100M000100Y43"]);
    expect(rowAfter(doc, "成立时间")).toEqual(["2008年5月20日"]);
    expect(rowAfter(doc, "所属行业大类")).toEqual(["C38 电气机械和器材制造业", "所属行业中类", "C381 电机制造"]);
    expect(cell("单位地址")).toBe("福建省福州市闽侯县上街镇某某路88号");
    expect(rowAfter(doc, "法人代表/负责人")).toEqual(["姓名", "张建国", "电话", a["legal-rep-phone"]!.display]);
    expect(rowAfter(doc, "联系人")).toEqual(["姓名", "李明", "电话", a["contact-phone"]!.display]);
    expect(rowAfter(doc, "职务")).toEqual(["信息中心主任", "手机", a["contact-mobile"]!.display]);
    expect(rowAfter(doc, "传真")).toEqual([""]);
    expect(rowAfter(doc, "邮箱")).toEqual(["liming@example.com"]);
    expect(cell("信用等级")).toBe("AAA");
    expect(cell("企业简介")).toBe("公司成立于2008年，主营新能源汽车驱动电机，2024年销售收入3.05亿元。");
  });

  it("prints 近三年发展情况 as a table with year columns", () => {
    const a = full.answers as Record<string, Answer>;
    expect(rowAfter(doc, "近三年发展情况")).toEqual(["2022 年", "2023 年", "2024 年"]);
    for (const [label, id] of [
      ["资产总额（万元）", "total-assets"],
      ["负债率（%）", "debt-ratio"],
      ["主营业务收入（万元）", "main-revenue"],
      ["利润率（%）", "profit-margin"],
      ["实缴税金（万元）", "taxes-paid"],
    ] as const) {
      // Amounts as the plain number of 万元 (the rows say 万元); rates as displayed.
      const shown = (y: string) => {
        const answer = a[`${id}[${y}]`]!;
        return label.includes("万元") ? String(answer.value) : answer.display;
      };
      expect(rowAfter(doc, label)).toEqual(["2022", "2023", "2024"].map(shown));
    }
    expect(rowAfter(doc, "利润率（%）")![1]).toBe("-3%");
    expect(rowAfter(doc, "资产总额（万元）")![0]).toBe("32000");
  });

  it("ticks the chosen boxes and leaves the others empty", () => {
    expectBoxes(cell("企业性质"), ["民营"], ["中央企业", "地方国企", "三资"]);
    expectBoxes(cell("企业类型"), ["中型企业"], ["大型企业", "小型企业", "微型企业"]);
    const sm = cell("是否入选国家级、省级智能制造相关项目");
    expectBoxes(sm, ["省级智能制造示范工厂"], ["国家智能制造试点示范项目", "省级智能制造试点示范企业", "国家智能制造优秀场景项目"]);
    expect(sm).toContain("其他 2023年福州市智能制造示范车间");
    const maturity = cell("智能制造能力成熟度评估结果或其他能力证明材料");
    expectBoxes(maturity, ["三级"], ["一级", "二级", "四级", "五级"]);
    expect(maturity).toContain("（智能制造能力成熟度评估结果或其他能力证明等材料需后附）");
    const accident = cell("企业近三年是否发生过较大安全生产事故或环境事故");
    expectBoxes(accident, ["否"], ["是"]);
    expect(accident).toMatch(/^☐ 是（事故名称：＿+）\s*☑ 否$/);
    const industry = cell("所属行业");
    expectBoxes(industry, ["装备制造"], ["原材料", "消费品", "电子信息"]);
    expect(industry).toMatch(/其他＿+$/);
  });

  it("ticks 是 and names the accident when there was one", async () => {
    const d = openDocx(await generator.render(input({ ...REQUIRED, "major-accident": true, "accident-name": "2023年某车间火灾事故" })));
    const accident = rowAfter(d, "企业近三年是否发生过较大安全生产事故或环境事故")![0]!;
    expect(accident).toBe("☑ 是（事故名称：2023年某车间火灾事故）　　☐ 否");
  });

  it("prints every KPI row of the form, with before / after / change rate for the chosen ones", () => {
    expect(rowAfter(doc, "工厂整体建设成效(根据实际情况填写, 如果当前没有, 可以不填)")).toEqual(["指标", "建设前", "建成后", "变化率"]);
    expect(rowAfter(doc, "关键设备数控化率(%)")).toEqual(["60", "90", "+50%"]);
    expect(rowAfter(doc, "产品不良率下降(%)")).toEqual(["2", "1.2", "-40%"]);
    // No rate from a before value of 0.
    expect(rowAfter(doc, "先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量(家)")).toEqual(["0", "12", "—"]);
    for (const k of KPIS.filter((k) => !["cncRate", "defectRateReduction", "replicatedEnterprises"].includes(k.key))) {
      expect(rowAfter(doc, k.label)).toEqual(["", "", ""]);
    }
    expect(cell("其他个性化指标")).toBe("人均产值 建设前80万元 建成后120万元");
  });

  it("fills the factory rows", () => {
    expect(cell("项目名称")).toBe("新能源电机智能工厂");
    expect(cell("细分行业")).toBe("新能源汽车驱动电机");
    expect(cell("覆盖的环节和具体场景")).toBe(
      [
        "覆盖的环节：生产作业、生产管理、运营管理",
        "1. 生产作业-人机协同作业",
        "2. 质量管控-在线智能检测",
        "3. 仓储物流-智能仓储",
        "4. 供应链管理-供应链计划协同优化",
        "5. 多环节模式创新-大规模个性化定制",
      ].join("\n"),
    );
    expect(cell("起止日期")).toBe("2022年1月1日-2024年12月31日");
    expect(cell("项目投资(万元)")).toBe("5200");
    expect(cell("项目简述")).toBe("建成覆盖生产作业、生产管理、运营管理的电机智能工厂。");
  });

  it("carries the form's 真实性承诺, verbatim, with the places to sign and seal", () => {
    const text = cell("真实性承诺");
    expect(text).toContain(COMMITMENT);
    expect(text).toMatch(/法定代表人签章：\s*公章：\s*年\s*月\s*日/);
    expect(squash(readFileSync(NOTICE, "utf8"))).toContain(squash(COMMITMENT));
  });

  it("prints the footnotes of 企业类型, 所属行业 and 事故", () => {
    expect(doc.footnotes).toHaveLength(3);
    expect(doc.footnotes[0]).toContain("从业人员 1000 人及以上，且营业收入 40000 万元及以上的为大型企业");
    expect(doc.footnotes[1]).toContain("GB/T 4754-2017");
    expect(doc.footnotes[2]).toContain("国办函〔2014〕119 号");
  });

  it("prints each narrative's answer, or the form's guidance where it was skipped", () => {
    const after = (heading: string) => doc.paragraphs[indexOfParagraph(doc, heading) + 1];
    expect(after("（一）项目实施背景。（300字以内）")).toBe("（以问题为导向，说明需要解决企业发展面临的痛点、难点、堵点问题及具体表现。）");
    expect(after("（二）项目整体方案。（700字以内）")).toBe("项目以 MES & WMS 为核心 <一体化> 建设，“数据驱动”。");
    expect(after("四、项目系统集成情况")).toBe("（此部分重点阐述项目各个系统之间、多个场景之间的集成协同情况。）");
    expect(after("五、项目的先进性与特色")).toBe("电机绕组在线检测技术达到国内领先水平。");
    // Not answered at all (absent): the guidance as well.
    expect(after("六、项目实施成效")).toMatch(/^（此部分重点阐述项目已取得的突出成效/);
    expect(after("1. 预期目标")).toBe("2026年建成卓越级智能工厂。");
    // Section 七 prints no guidance: an empty line to write on.
    expect(after("2. 下一步建设主要内容和实施计划（含融资需求）")).toBe("");
  });

  it("writes one section 三 block per chosen scenario, under its 环节, with the document-only parts' guidance", () => {
    const at = (p: string) => indexOfParagraph(doc, p);
    const scene = (name: string) => at(`1. 场景名称：${name}`);
    expect(at("（三）生产作业")).toBeLessThan(scene("生产作业-人机协同作业-多机协同的电机壳体柔性加工与检测环节"));
    expect(scene("质量管控-在线智能检测-定子绕组视觉在线检测")).toBeLessThan(at("（四）生产管理"));
    expect(at("（四）生产管理")).toBeLessThan(scene("仓储物流-智能仓储-成品立体仓库"));
    expect(at("（五）运营管理")).toBeLessThan(scene("供应链管理-供应链计划协同优化-主要零部件供需协同计划"));
    expect(at("（六）多环节模式创新（选填）")).toBeLessThan(scene("多环节模式创新-大规模个性化定制-电机按单定制"));
    expect(at("（一）工厂建设")).toBeGreaterThan(-1);

    for (const part of SCENARIO_DOCUMENT_ONLY) {
      const headings = doc.paragraphs.filter((p) => p === part.label || p.startsWith(`${part.label}：`));
      expect(headings, part.label).toHaveLength(5);
      if (part.guidance) {
        const i = at(part.label);
        expect(doc.paragraphs[i + 1]).toBe(`（${part.guidance}）`);
      }
    }

    const first = scene("生产作业-人机协同作业-多机协同的电机壳体柔性加工与检测环节");
    const block = doc.paragraphs.slice(first, scene("质量管控-在线智能检测-定子绕组视觉在线检测"));
    expect(block).toContain("（3）场景建设总投资(万元)：500");
    const d = block.indexOf("3. 场景实例描述");
    expect(block.slice(d + 1, d + 3)).toEqual(["针对电机壳体加工，搭建4台五轴机床+2台机器人组成柔性加工单元。", "配套在线测量。"]);
    const r = block.indexOf("7. 已实施成效");
    expect(block[r + 1]).toBe("（最好通过量化指标描述，300字以内）");
    const second = doc.paragraphs.slice(scene("质量管控-在线智能检测-定子绕组视觉在线检测"));
    expect(second[second.indexOf("7. 已实施成效") + 1]).toBe("检测效率提升 40%，漏检率降至 0.1%。");
  });

  it("fills 附表1–7 from the answers", () => {
    const t1 = tableWithHeader(doc, "具体场景名称")!;
    expect(t1).toHaveLength(6);
    expect(t1[1]!.slice(0, 3)).toEqual([
      "1",
      "生产作业-人机协同作业-多机协同的电机壳体柔性加工与检测环节",
      "针对电机壳体加工，搭建4台五轴机床+2台机器人组成柔性加工单元。\n配套在线测量。",
    ]);
    expect(t1[2]![6]).toBe("检测效率提升 40%，漏检率降至 0.1%。");
    const t2 = tableWithHeader(doc, "具体场景名称（与上表格对应）")!;
    expect(t2.slice(1).map((r) => r[1])).toEqual(t1.slice(1).map((r) => r[1]));
    expect(tableWithHeader(doc, "技术名称")!.slice(1)).toEqual([
      ["1", "高精度视觉检测算法", "检测精度0.01mm，节拍2秒", ""],
      ["2", "电机绕组在线监测技术", "采样频率10kHz", ""],
    ]);
    // Skipped: one empty row to write in.
    expect(tableWithHeader(doc, "装备名称")!.slice(1)).toEqual([["", "", "", ""]]);
    expect(tableWithHeader(doc, "标准名称")![1]).toEqual(["1", "智能电机装配线通用技术要求", "团标", "已发布", "T/FJAS 012-2024", ""]);
    expect(tableWithHeader(doc, "专利名称")![1]).toEqual(["1", "一种电机定子自动绕线装置", "发明", "已授权", "ZL202310123456.7", ""]);
  });

  it("gives each item of 附表3/6/7 its own row, also when the chat message put them on one line", async () => {
    const d = openDocx(
      await generator.render(
        input({
          ...REQUIRED,
          "key-technologies": "1.高精度视觉检测算法：检测精度0.01mm；节拍2秒 2.电机绕组在线监测技术：采样频率10kHz",
          standards: "智能电机装配线通用技术要求，团标，已发布，T/FJAS 012-2024；电机壳体加工工艺规范，企标，草案",
          patents: "一种电机定子自动绕线装置，发明，已授权，ZL202310123456.7；一种定子夹具，实用新型，审查中",
        }),
      ),
    );
    expect(tableWithHeader(d, "技术名称")!.slice(1)).toEqual([
      ["1", "高精度视觉检测算法", "检测精度0.01mm；节拍2秒", ""],
      ["2", "电机绕组在线监测技术", "采样频率10kHz", ""],
    ]);
    expect(tableWithHeader(d, "标准名称")!.slice(1)).toEqual([
      ["1", "智能电机装配线通用技术要求", "团标", "已发布", "T/FJAS 012-2024", ""],
      ["2", "电机壳体加工工艺规范", "企标", "草案", "", ""],
    ]);
    expect(tableWithHeader(d, "专利名称")!.slice(1)).toEqual([
      ["1", "一种电机定子自动绕线装置", "发明", "已授权", "ZL202310123456.7", ""],
      ["2", "一种定子夹具", "实用新型", "审查中", "", ""],
    ]);
  });

  it("prints the guidance and empty boxes when only the required questions are answered", async () => {
    const d = openDocx(await generator.render(input(REQUIRED)));
    expect(rowAfter(d, "企业简介")![0]).toBe("（发展历程、主营业务、市场销售等方面基本情况，不超过 500 字）");
    const sm = rowAfter(d, "是否入选国家级、省级智能制造相关项目")![0]!;
    expect(sm).not.toContain("☑");
    expect(sm).toMatch(/其他 ＿+$/);
    expect(d.paragraphs).toContain("推荐单位：＿＿＿＿＿＿＿＿＿＿＿＿");
    expect(rowAfter(d, "关键设备数控化率(%)")).toEqual(["", "", ""]);
  });

  it("keeps XML-special characters and emoji", async () => {
    const name = `福州"测试"&<智能>装备'有限'公司🏭`;
    const d = openDocx(await generator.render(input({ ...REQUIRED, "company-name": name, "company-profile": "A&B <c> 🚀\n第二段" })));
    expect(rowAfter(d, "企业名称")![0]).toBe(name);
    expect(rowAfter(d, "企业简介")![0]).toBe("A&B <c> 🚀\n第二段");
    expect(d.paragraphs).toContain(`申报单位（盖章）：${name}`);
    expect(d.documentXml).not.toContain("<c>");
  });

  it("renders the same content for the same input", async () => {
    const again = openDocx(await generator.render(full));
    expect(again.documentXml).toBe(doc.documentXml);
    expect(again.stylesXml).toBe(doc.stylesXml);
    expect(again.footnotes).toEqual(doc.footnotes);
  });
});
