import { describe, expect, it } from "vitest";
import { generator } from "../../src/flows/programs/fj-2023-cross-industry-platform/document.ts";
import type { DocumentInput } from "../../src/documents/types.ts";
import { expandSteps } from "../../src/flows/forms/expand.ts";
import type { Answers, AnswerValue } from "../../src/flows/forms/types.ts";
import { flow } from "../../src/flows/programs/fj-2023-cross-industry-platform/questions.ts";
import { fillFlow, type Filled } from "../support/fill.ts";
import { openDocx, rowAfter, type DocxContent } from "../support/docx.ts";

const NASTY = `福州"星火"&<云>'科技🚀有限公司`;
const NASTY_TEXT = `平台采用 <微服务> & "云原生" 架构，'边缘'协同 🏭\n第二段：A&B<C>`;

const byId = (id: string) => {
  const s = flow.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

/** Answers for every step the flow asks, `overrides` (by key) first. */
function fill(overrides: Record<string, AnswerValue | { skipped: true }>): Filled {
  return fillFlow(flow, { overrides: overrides, multiChoice: 2 }).answers;
}

const input = (answers: Answers): DocumentInput => ({
  programId: flow.programId,
  draftId: "draft-1",
  draftVersion: 1,
  answers,
  profile: {},
  generatedAt: "2023-06-01T02:00:00.000Z",
});

const display = (answers: Answers, key: string): string => {
  const a = answers[key];
  if (!a || !("value" in a)) throw new Error(`no answer ${key}`);
  return a.display;
};

/** What the document prints for an answer: amounts as the plain number of 万元, else the display. */
const shown = (answers: Answers, key: string): string => {
  const a = answers[key];
  if (a && "value" in a && typeof a.value === "number" && flow.steps.find((x) => x.id === key.replace(/\[[^\]]*\]$/, ""))?.kind === "money") {
    return String(a.value);
  }
  return display(answers, key);
};

async function render(answers: Answers): Promise<DocxContent> {
  return openDocx(await generator.render(input(answers)));
}

const allText = (doc: DocxContent) => doc.paragraphs.join("\n");

describe("fj-2023-cross-industry-platform 申报书 generator", () => {
  const full = fill({
    "company-name": NASTY,
    "build-mode": "joint",
    "build-partner": "合作伙伴&<甲>",
    iaas: "rented",
    "iaas-provider": "华为云",
    "security[data]": false,
    "killer-cross-platform": false,
    "listed-or-vc": true,
    "solution-technologies": ["5g", "ai"],
    architecture: NASTY_TEXT,
  });

  it("is the generator of its program and names the file after the company", () => {
    expect(generator.programId).toBe("fj-2023-cross-industry-platform");
    const name = generator.fileName(input(full));
    expect(name.startsWith(`${flow.formTitle}-`)).toBe(true);
    expect(name.endsWith(".docx")).toBe(true);
    expect(name).not.toMatch(/[<>"]/);
  });

  it("prints the cover with the project, the company and the date", async () => {
    const doc = await render(full);
    const text = allText(doc);
    expect(doc.body.some((p) => p.text === flow.formTitle)).toBe(true);
    expect(text).toContain(`项 目 名 称：${display(full, "project-name")}`);
    expect(text).toContain(`申 报 单 位（盖 章）：${NASTY}`);
    // The date is the applicant's to write when filing.
    expect(text).toMatch(/申 报 日 期：＿+/);
    expect(text).not.toContain("2023年6月1日");
    expect(text).toContain("工业和信息化部编制");
  });

  it("fills 一、申报企业基本信息 by the form's row labels", async () => {
    const doc = await render(full);
    expect(rowAfter(doc, "企业名称")).toEqual([NASTY]);
    expect(rowAfter(doc, "组织机构代码")).toEqual([display(full, "org-code"), "成立时间", display(full, "founded")]);
    expect(rowAfter(doc, "单位地址")).toEqual([display(full, "address")]);
    expect(rowAfter(doc, "姓名")).toEqual([display(full, "contact-name"), "电话", display(full, "contact-phone")]);
    expect(rowAfter(doc, "职务")).toEqual([display(full, "contact-title"), "手机", display(full, "contact-mobile")]);
    expect(rowAfter(doc, "传真")).toEqual([display(full, "contact-fax")]);
    expect(rowAfter(doc, "E-mail")).toEqual([display(full, "contact-email")]);
    expect(rowAfter(doc, "总资产（万元）")).toEqual([shown(full, "total-assets"), "负债率", display(full, "debt-ratio")]);
    expect(rowAfter(doc, "信用等级")).toEqual([display(full, "credit-rating"), "上年销售（万元）", shown(full, "sales-last-year")]);
    expect(rowAfter(doc, "上年税金（万元）")).toEqual([shown(full, "tax-last-year"), "上年利润（万元）", shown(full, "profit-last-year")]);
    const intro = rowAfter(doc, "企业简介")?.[0] ?? "";
    expect(intro).toContain("（一）申报单位情况介绍");
    expect(intro).toContain(display(full, "intro-overview"));
    expect(intro).toContain(display(full, "intro-competence"));
    expect(rowAfter(doc, "真实性承诺")?.[0]).toContain("我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。");
    expect(rowAfter(doc, "推荐单位")?.[0]).toContain("同意推荐该单位申报 2023 年跨行业跨领域工业互联网平台。");
  });

  it("fills 平台基本信息 and ticks 建设方式 / IaaS", async () => {
    const doc = await render(full);
    expect(rowAfter(doc, "平台名称")).toEqual([display(full, "platform-name")]);
    expect(rowAfter(doc, "建设时间")).toEqual(["2019年6月"]);
    expect(rowAfter(doc, "投资金额")).toEqual([`${shown(full, "platform-investment")}万元`]);
    const mode = rowAfter(doc, "建设方式")?.[0] ?? "";
    expect(mode).toContain("☐ 自建");
    expect(mode).toContain("☑ 合作共建 请注明合作企业名称合作伙伴&<甲>");
    const iaas = rowAfter(doc, "IaaS 基础设施")?.[0] ?? "";
    expect(iaas).toContain("☐ 自建");
    expect(iaas).toContain("☑ 租用 请注明服务商名称华为云");

    const self = await render(fill({ "build-mode": "self", iaas: "self" }));
    expect(rowAfter(self, "建设方式")?.[0]).toMatch(/☑ 自建\n☐ 合作共建 请注明合作企业名称＿+/);
    expect(rowAfter(self, "IaaS 基础设施")?.[0]).toMatch(/☑ 自建\n☐ 租用/);
  });

  it("puts each indicator answer next to its label", async () => {
    const doc = await render(full);
    const cases: [string, string][] = [
      ["可连接的工业设备/产品/产线种类及数量（台/套）", "devices-total"],
      ["运行设备", "devices-by-type[running]"],
      ["其它设备", "devices-by-type[other]"],
      ["工业协议兼容适配数量（种）", "protocols"],
      ["数据算法模型", "models-by-type[dataAlgorithm]"],
      ["生态伙伴工业 APP 数量", "apps-by-source[partner]"],
      ["传统工业软件云化 APP 数量", "apps-by-origin[cloudified]"],
      ["运维服务", "apps-by-domain[maintenance]"],
      ["其中，付费工业企业数（个）", "paying-enterprises"],
      ["平台核心软硬件技术获得的软著数量（个）", "software-copyrights"],
      ["杀手锏 APP 订阅量", "killer-subscriptions"],
      ["覆盖的行业数量（个）", "solution-industries"],
      ["累计服务中小企业合同金额（万元）", "sme-contract"],
      ["投资回报率", "roi"],
      ["从业人员数量（人）", "staff"],
    ];
    for (const [label, key] of cases) expect(rowAfter(doc, label), label).toEqual([shown(full, key)]);

    // Grouped rows: the group label spans its parts.
    const std = doc.tables.flat().find((r) => r[0] === "国家标准（个）");
    expect(std).toEqual(["国家标准（个）", "总数", display(full, "standards-national")]);
    expect(rowAfter(doc, "2022 年平台相关的业务成本")).toEqual([shown(full, "platform-cost-2022")]);
    const rd = doc.tables.flat().find((r) => r[0] === "企业研发投入（万元）");
    expect(rd).toEqual(["企业研发投入（万元）", "2021 年", shown(full, "rd-spend[2021]")]);
  });

  it("ticks 是/否 and the technologies as answered", async () => {
    const doc = await render(full);
    expect(rowAfter(doc, "具有设备和数据接入安全防护手段")).toEqual(["☑ 是\u3000\u3000☐ 否"]);
    expect(rowAfter(doc, "具有数据安全防护")).toEqual(["☐ 是\u3000\u3000☑ 否"]);
    expect(rowAfter(doc, "支持跨平台调用")).toEqual(["☐ 是\u3000\u3000☑ 否"]);
    expect(rowAfter(doc, "企业已上市或已获得 VC/PE 投资")).toEqual(["☑ 是\u3000\u3000☐ 否"]);
    const tech = rowAfter(doc, "运用以下技术")?.[0] ?? "";
    expect(tech).toContain("☑ 5G");
    expect(tech).toContain("☑ 人工智能");
    for (const t of ["大数据", "数字孪生", "区块链", "工业 AR/VR 技术"]) expect(tech).toContain(`☐ ${t}`);

    const none = await render(fill({ "security[access]": { skipped: true } }));
    expect(rowAfter(none, "具有设备和数据接入安全防护手段")).toEqual(["☐ 是\u3000\u3000☐ 否"]);
  });

  it("prints every answered value somewhere, and the headings 1.1 … 5.3", async () => {
    const doc = await render(full);
    const text = allText(doc);
    for (const inst of expandSteps(flow.steps, full)) {
      if (["choice", "multiChoice", "yesNo"].includes(inst.step.kind)) continue;
      const d = shown(full, inst.key);
      for (const line of d.split("\n")) expect(text, inst.key).toContain(line);
    }
    for (const h of ["1.1 工业设备数量*", "2.2 平台产品可靠性和安全防护能力", "3.5 国际业务拓展能力*", "4.4 部重点工作参与情况", "5.2 公司资源调配能力*"]) {
      expect(doc.paragraphs.some((p) => p.startsWith(h)), h).toBe(true);
    }
    expect(text).toContain("附件 13：其他说明材料");
  });

  it("prints the form's guidance where a narrative was skipped, and not where answered", async () => {
    const narratives = flow.steps.filter((s) => s.kind === "longText");
    const skipped = fill(Object.fromEntries(narratives.map((s) => [s.id, { skipped: true as const }])));
    const doc = await render(skipped);
    for (const s of narratives) {
      expect(doc.paragraphs.some((p) => p.includes(`（${s.guidance}）`)), s.id).toBe(true);
    }
    const answered = await render(full);
    expect(answered.paragraphs.some((p) => p.includes(`（${byId("devices-notes").guidance}）`))).toBe(false);
  });

  it("keeps XML specials and emoji, uses A4 and Chinese fonts", async () => {
    const doc = await render(full);
    expect(doc.paragraphs).toContain(`平台采用 <微服务> & "云原生" 架构，'边缘'协同 🏭`);
    expect(doc.paragraphs).toContain("第二段：A&B<C>");
    expect(doc.pageSizes.length).toBeGreaterThan(0);
    for (const s of doc.pageSizes) expect(s).toEqual({ width: 11906, height: 16838 });
    for (const f of ["仿宋", "黑体", "楷体"]) expect(doc.fonts.eastAsia).toContain(f);
  });

  it("renders with nothing answered", async () => {
    const doc = await render({});
    expect(rowAfter(doc, "企业名称")).toEqual([""]);
    expect(doc.paragraphs.some((p) => p.includes(`（${byId("architecture").guidance}）`))).toBe(true);
  });
});
