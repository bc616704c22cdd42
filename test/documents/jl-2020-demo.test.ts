import { describe, expect, it } from "vitest";
import { COMMITMENT, generator, indicatorLines } from "../../src/flows/programs/jl-2020-demo/document.ts";
import type { DocumentInput } from "../../src/documents/types.ts";
import type { Answers, AnswerValue } from "../../src/flows/forms/types.ts";
import { FORM_CATEGORIES, SERVICE_TYPES, flow } from "../../src/flows/programs/jl-2020-demo/questions.ts";
import { fillFlow, type Filled } from "../support/fill.ts";
import { openDocx, rowAfter, type DocxContent } from "../support/docx.ts";

const NASTY = `长春"一汽"&<智造>'示范🚗项目`;
const NASTY_TEXT = `建设目标：<平台> & "服务" '上云' 🏭\n第二段：A&B<C>`;

const byId = (id: string) => {
  const s = flow.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

type Given = Record<string, AnswerValue | { skipped: true }>;

/** Answers for every step the flow asks, `given` (by key) first. */
function fill(given: Given): Filled {
  return fillFlow(flow, { overrides: given, multiChoice: 2, sample: { day: "2010-05-20", month: "2021-06", creditCode: "91220101MA0000000X", phoneArea: "0431-8888" } }).answers;
}

const input = (answers: Answers): DocumentInput => ({
  programId: flow.programId,
  draftId: "draft-1",
  draftVersion: 1,
  answers,
  profile: {},
  generatedAt: "2020-06-10T01:00:00.000Z",
});

const display = (answers: Answers, key: string): string => {
  const a = answers[key];
  if (!a || !("value" in a)) throw new Error(`no answer ${key}`);
  return a.display;
};

/** An amount answer as the document prints it in a 万元 cell: the plain number. */
const plain = (answers: Answers, key: string): string => {
  const a = answers[key];
  if (!a || !("value" in a)) throw new Error(`no answer ${key}`);
  return String(a.value);
};

async function render(answers: Answers): Promise<DocxContent> {
  return openDocx(await generator.render(input(answers)));
}

/** The 项目类别 cell's lines. */
async function categoryLines(given: Given): Promise<string[]> {
  const doc = await render(fill(given));
  return (rowAfter(doc, "项目类别")?.[0] ?? "").split("\n");
}

const ALL_CATEGORY_LABELS = Object.values(FORM_CATEGORIES).map((c) => c.label);

function expectOnlyTicked(lines: readonly string[], label: string): void {
  for (const l of ALL_CATEGORY_LABELS) {
    const line = lines.find((x) => x.includes(l));
    expect(line, l).toBeDefined();
    expect(line?.startsWith(l === label ? "☑ " : "☐ "), `${l} in ${line}`).toBe(true);
  }
}

describe("jl-2020-demo 申报书 generator", () => {
  const full = fill({
    "project-name": NASTY,
    category: "platform",
    "form-category": "enterprise-platform",
    "platform-industry": "汽车零部件",
    "service-types": ["supply-chain", "other"],
    "service-types-other": "远程运维&<诊断>",
    "leader-gender": "female",
    "fin-total-assets[2017]": 52000,
    "fin-total-assets[2018]": 61000.5,
    "fin-total-assets[2019]": 70000,
    "fin-profit[2019]": -120,
    deployment: "public",
    "deployment-provider": "阿里云",
    "data-storage": "self-developed",
    "cloud-architecture": false,
    "plan-summary": NASTY_TEXT,
    "perf-quantitative": "平台注册企业数：200家\n2. 上云企业数：50家\n带动效应",
  });

  it("is the generator of its program and names the file after the unit", () => {
    expect(generator.programId).toBe("jl-2020-demo");
    const name = generator.fileName(input(full));
    expect(name).toBe(`${flow.formTitle}-${display(full, "org-name")}.docx`);
  });

  it("prints the cover: project, unit, leader, period, date, issuers", async () => {
    const doc = await render(full);
    const text = doc.paragraphs.join("\n");
    expect(doc.body.some((p) => p.text === flow.formTitle)).toBe(true);
    expect(text).toContain(`项目名称：${NASTY}`);
    expect(text).toContain(`项目责任单位：${display(full, "org-name")}`);
    expect(text).toContain(`项目责任人（法人代表）：${display(full, "leader-name")}`);
    expect(text).toContain(`项目技术负责人：${display(full, "tech-lead")}`);
    expect(text).toContain(`项目年限：${display(full, "period-start")} 至 ${display(full, "period-end")}`);
    // The date is the applicant's to write when filing.
    expect(text).toMatch(/填报日期：＿+/);
    expect(text).not.toContain("2020年6月10日");
    expect(text).toContain("吉林省工业和信息化厅\n吉林省财政厅");
    expect(text).toContain("六、填报格式说明：请用A4幅面编辑，正文字体为3号仿宋体，单倍行距。一级标题3号黑体，二级标题3号楷体。");
  });

  it("fills the project information table by its row labels", async () => {
    const doc = await render(full);
    expect(rowAfter(doc, "项目名称")).toEqual([NASTY]);
    expect(rowAfter(doc, "预计完成时间")).toEqual([display(full, "expected-completion")]);
    expect(rowAfter(doc, "单位名称")).toEqual([display(full, "org-name"), "单位性质", display(full, "org-nature")]);
    expect(rowAfter(doc, "通讯地址")).toEqual([display(full, "org-address"), "邮政编码", display(full, "org-postcode")]);
    // The code in the wide value column, so that it is never broken.
    expect(rowAfter(doc, "组织机构代码/统一社会信用代码")).toEqual([display(full, "org-credit-code"), "联系电话", display(full, "org-phone")]);
    expect(rowAfter(doc, "电子信箱")).toEqual([display(full, "org-email")]);
    // 项目责任人 comes before 项目联系人: the first 「姓名」 row is the leader's.
    expect(rowAfter(doc, "姓名")).toEqual([display(full, "leader-name"), "性别", "女"]);
    expect(rowAfter(doc, "证件类型")).toEqual([display(full, "leader-id-type"), "证件号码", display(full, "leader-id-number")]);
    expect(rowAfter(doc, "最高学历")).toEqual([display(full, "leader-education"), "从事专业", display(full, "leader-major")]);
    const contact = doc.tables.flat().find((r) => r.includes("项目联系人信息"));
    expect(contact).toEqual(["项目联系人信息", "姓名", display(full, "contact-name"), "工作单位", display(full, "contact-employer")]);
    expect(rowAfter(doc, "项目总投资（万元）")).toEqual([plain(full, "total-investment")]);
    expect(rowAfter(doc, "合作云平台服务商")).toEqual([display(full, "cloud-provider")]);
    expect(rowAfter(doc, "拥有行业创新相关核心技术专利或软件著作权（项）")).toEqual([display(full, "patents")]);
    expect(rowAfter(doc, "牵动参与制定相关行业级、国家级标准数量（个）")).toEqual([display(full, "standards")]);
    expect(rowAfter(doc, "支持的工业协议数量（个）")).toEqual([display(full, "protocols")]);
    expect(rowAfter(doc, "平台积累的工业数据存量（TB)")).toEqual([display(full, "data-stock")]);
  });

  it("prints the 2017/2018/2019 finance columns in order", async () => {
    const doc = await render(full);
    const header = doc.tables.flat().find((r) => r.includes("2017"));
    expect(header?.slice(-3)).toEqual(["2017", "2018", "2019"]);
    // Plain numbers: the rows say 万元.
    expect(rowAfter(doc, "总资产（万元）")).toEqual(["52000", "61000.5", "70000"]);
    expect(rowAfter(doc, "利润（万元）")?.[2]).toBe("-120");
    expect(rowAfter(doc, byId("fin-debt-ratio").label)).toEqual(["2017", "2018", "2019"].map((y) => display(full, `fin-debt-ratio[${y}]`)));
    for (const id of ["fin-revenue", "fin-tax"]) {
      const label = byId(id).label;
      expect(rowAfter(doc, label), label).toEqual(["2017", "2018", "2019"].map((y) => plain(full, `${id}[${y}]`)));
    }
  });

  it("ticks the printed 项目类别 box formCategoryOf chooses, and only that one", async () => {
    const platform = await categoryLines({ category: "platform", "form-category": "enterprise-platform", "platform-industry": "汽车零部件" });
    expectOnlyTicked(platform, FORM_CATEGORIES.enterprisePlatform.label);
    expect(platform).toContain("☑ 企业级工业互联网平台项目，企业所属行业：汽车零部件");
    expect(platform.find((l) => l.includes("行业级"))).toMatch(/^☐ 行业级工业互联网平台项目，面向行业：＿+$/);

    const industry = await categoryLines({ category: "platform", "form-category": "industry-platform", "platform-industry": "化工" });
    expect(industry).toContain("☑ 行业级工业互联网平台项目，面向行业：化工");
    expectOnlyTicked(industry, FORM_CATEGORIES.industryPlatform.label);

    expectOnlyTicked(await categoryLines({ category: "software" }), FORM_CATEGORIES.software.label);
    expectOnlyTicked(await categoryLines({ category: "servitization" }), FORM_CATEGORIES.servitization.label);
    expectOnlyTicked(
      await categoryLines({ category: { skipped: true }, "form-category": "two-integration" }),
      FORM_CATEGORIES.twoIntegration.label,
    );
    const none = await categoryLines({ category: { skipped: true }, "form-category": { skipped: true } });
    expect(none.filter((l) => l.startsWith("☑"))).toEqual([]);
  });

  it("ticks the chosen service types and writes 其他", async () => {
    const doc = await render(full);
    const cell = rowAfter(doc, "提供服务类型")?.[0] ?? "";
    for (const o of SERVICE_TYPES) {
      const ticked = o.id === "supply-chain" || o.id === "other";
      expect(cell, o.label).toContain(`${ticked ? "☑" : "☐"} ${o.label}`);
      expect(cell, o.label).not.toContain(`${ticked ? "☐" : "☑"} ${o.label}`);
    }
    expect(cell).toContain("☑ 其他（请注明）远程运维&<诊断>");
  });

  it("ticks the capability boxes", async () => {
    const doc = await render(full);
    const cells = doc.tables.flat().flat();
    const find = (s: string) => cells.find((c) => c.startsWith(s)) ?? "";
    expect(find("数据存储与管理")).toBe("数据存储与管理\n☐ 第三方数据存储与管理系统\n☑ 自主研发的数据存储与管理系统");
    expect(find("是否具有完整的云计算架构")).toBe("是否具有完整的云计算架构\n☐ 是\n☑ 否");
    const deployment = find("云部署模式");
    expect(deployment).toContain("☐ 私有云");
    expect(deployment).toContain("☑ 公有云阿里云(服务商名称）");
    expect(deployment).toMatch(/☐ 混合云＿+\(公有云服务商名称\)/);
    expect(find("数据采集解决方案能力")).toContain(`☑ 集成第三方解决方案（请注明厂商）${display(full, "data-collection-vendor")}`);
    const autonomy = rowAfter(doc, "自主可控")?.[0] ?? "";
    expect(autonomy).toBe("☑ 芯片级\n☑ 服务器级\n☐ 数据库级\n☐ 平台级");
  });

  it("prints the 建设方案 chapters: the answer, or the outline's line where skipped", async () => {
    const doc = await render(full);
    expect(doc.paragraphs).toContain(`建设目标：<平台> & "服务" '上云' 🏭`);
    expect(doc.paragraphs).toContain("第二段：A&B<C>");
    expect(doc.paragraphs).toContain(display(full, "plan-needs"));
    expect(doc.body.some((p) => p.text === "2020省级工业互联网及制造业服务化示范项目建设方案")).toBe(true);
    expect(doc.body.some((p) => p.text === "10.附件")).toBe(true);

    const narratives = flow.steps.filter((s) => s.kind === "longText" && s.guidance !== undefined);
    const skipped = await render(fill(Object.fromEntries(narratives.map((s) => [s.id, { skipped: true as const }]))));
    for (const s of narratives) {
      expect(skipped.paragraphs.some((p) => p.includes(`（${s.guidance}）`)), s.id).toBe(true);
    }
    expect(doc.paragraphs.some((p) => p.includes(`（${byId("plan-needs").guidance}）`))).toBe(false);
  });

  it("fills the 绩效目标 table from 「指标名称：指标值」 lines", async () => {
    expect(indicatorLines("a：1\n\n2、b:2\nc")).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["c", ""],
    ]);
    const doc = await render(full);
    expect(rowAfter(doc, "申报项目名称")).toEqual([NASTY]);
    expect(rowAfter(doc, "项目申报单位")).toEqual([display(full, "org-name")]);
    expect(rowAfter(doc, "项目计划总投资")).toEqual([`${plain(full, "total-investment")}万元`]);
    expect(rowAfter(doc, "总体目标")).toEqual([display(full, "perf-overall")]);
    expect(rowAfter(doc, "1. 平台注册企业数")).toEqual(["200家"]);
    expect(rowAfter(doc, "2. 上云企业数")).toEqual(["50家"]);
    expect(rowAfter(doc, "3. 带动效应")).toEqual([""]);
    expect(rowAfter(doc, "定量指标")?.[0]).toBe("1. 平台注册企业数");
    expect(rowAfter(doc, "定性指标")).toBeDefined();
  });

  it("ends with the 真实性承诺书 and blanks for signature and seal", async () => {
    const doc = await render(full);
    const i = doc.body.findIndex((p) => p.text === "项目申报材料及其附属文件真实性承诺书");
    expect(i).toBeGreaterThan(0);
    const after = doc.body.slice(i).map((p) => p.text);
    expect(after).toContain(COMMITMENT);
    expect(after.some((t) => /^法定代表人（授权人）签章：＿{4,}$/.test(t))).toBe(true);
    expect(after.some((t) => /^公章：＿{4,}$/.test(t))).toBe(true);
    expect(after.some((t) => /^年\s+月\s+日$/.test(t))).toBe(true);
    expect(doc.body.some((p) => p.text === "附件4-4")).toBe(true);
  });

  it("uses A4 and Chinese fonts, renders with nothing answered", async () => {
    const doc = await render(full);
    expect(doc.pageSizes.length).toBeGreaterThan(0);
    for (const s of doc.pageSizes) expect(s).toEqual({ width: 11906, height: 16838 });
    for (const f of ["仿宋", "黑体", "楷体"]) expect(doc.fonts.eastAsia).toContain(f);

    const empty = await render({});
    expect(rowAfter(empty, "项目名称")).toEqual([""]);
    expect(rowAfter(empty, "总资产（万元）")).toEqual(["", "", ""]);
    expect(empty.paragraphs.join("\n")).toContain("项目年限：20\u3000\u3000年\u3000\u3000月 至 20\u3000\u3000年\u3000\u3000月");
  });
});
