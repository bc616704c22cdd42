import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMITMENT, generator } from "../../src/flows/programs/fj-2024-integration/document.ts";
import { generatorFor } from "../../src/flows/programs/index.ts";
import type { DocumentInput } from "../../src/documents/types.ts";
import { answerFromValue } from "../../src/flows/forms/answer-input.ts";
import { expandSteps } from "../../src/flows/forms/expand.ts";
import type { Answer, Answers } from "../../src/flows/forms/types.ts";
import { flow } from "../../src/flows/programs/fj-2024-integration/questions.ts";
import { indexOfParagraph, openDocx, rowAfter, type DocxContent } from "../support/docx.ts";

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
  const asked = expandSteps(flow.steps, out);
  const keys = new Set(asked.map((i) => i.key));
  for (const key of Object.keys(out)) if (!keys.has(key)) throw new Error(`${key} is not asked for these answers`);
  const missing = asked.filter((i) => !i.step.optional && !(i.key in out)).map((i) => i.key);
  if (missing.length > 0) throw new Error(`required answers missing: ${missing.join(", ")}`);
  return out;
}

const BASIC: Record<string, unknown> = {
  "applicant-name": "福建泉能电气科技有限公司",
  address: "福建省泉州市丰泽区某某路88号",
  "project-name": "电气成套设备5G全连接工厂建设项目",
  "total-investment": 1200,
  "period-start": "2022-03",
  "period-end": "2023-12",
  "credit-code": "91350100M000100Y43",
  established: "2010-06",
  industry: "电气机械和器材制造业",
  ownership: "民营企业",
  "legal-representative": "王海峰",
  "legal-representative-phone": "0595-22334455",
  "contact-name": "赵敏",
  "contact-mobile": "13900000000",
  "contact-email": "zhaomin@example.com",
  "revenue-last-year": 15000,
  "revenue-prior[2022]": 13000,
  "revenue-prior[2021]": 12000,
  "profit-last-year": 900,
  "profit-prior[2022]": SKIP,
  "rd-spending[2023]": 600,
  "rd-spending[2022]": 520,
  "rd-spending[2021]": 480,
  commitment: true,
};

const BENCHMARK_5G: Record<string, unknown> = {
  ...BASIC,
  "unit-profile": "公司主营高低压成套设备，拥有发明专利12项，参与制定行业标准2项。",
  category: "benchmark-digital",
  "benchmark-digital-5g": true,
  "benchmark-digital-completed": true,
  "benchmark-digital-5g-scenarios": 6,
  "benchmark-digital-innovation-areas": ["smart-manufacturing", "networked-collaboration"],
  "benchmark-digital-effects": ["efficiency", "defect-rate", "data-security"],
  "benchmark-digital-kpi[efficiency]": { before: 85, after: 120 },
  "benchmark-digital-kpi[defect-rate]": { before: 1.5, after: 0.9 },
  "benchmark-digital-payback": 3.5,
  "benchmark-digital-intro-overview": "企业于2021年启动数字化改造 & 5G 专网建设，覆盖 <装配> 与测试。\n已建成 5G 基站 12 个。",
  "benchmark-digital-intro-innovation": SKIP,
  "benchmark-digital-intro-effectiveness": "生产效率提升 41%。",
  "benchmark-digital-attachments": "2023年度财务审计报告、营业执照、专利证书",
  "commitment-date": "2024-05-20",
};

const input = (values: Record<string, unknown>, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  programId: flow.programId,
  draftId: "draft-2024-01",
  draftVersion: 1,
  answers: answersOf(values),
  profile: {},
  generatedAt: "2024-05-21T02:00:00.000Z",
  ...extra,
});

const NOTICE = path.resolve(import.meta.dirname, "../../corpus/notices/fj-2024-integration.txt");

let doc: DocxContent;
let full: DocumentInput;

beforeAll(async () => {
  full = input(BENCHMARK_5G);
  doc = openDocx(await generator.render(full));
});

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

const CATEGORY_LABEL = "申报类别\n（请√选一项）";
const ALL_BOXES = ["省级工业互联网示范平台", "平台赋能中小企业数字化转型", "数字化标杆企业", "工业数据安全标杆企业", "5G 全连接工厂", "标识解析类"];

describe("fj-2024-integration 申报书", () => {
  it("is the registered generator and names the file after the form and the applicant", () => {
    expect(generatorFor(flow.programId)).toBe(generator);
    expect(generator.fileName(full)).toBe("福建省省级新一代信息技术与制造业融合发展项目申报书-福建泉能电气科技有限公司.docx");
    expect(generator.fileName({ ...full, answers: {} })).toBe("福建省省级新一代信息技术与制造业融合发展项目申报书-draft-2024-01.docx");
  });

  it("is A4 with 仿宋 / 黑体 / 楷体 styles and the form's title and sections", () => {
    expect(doc.pageSizes).toEqual([{ width: 11906, height: 16838 }]);
    expect(doc.fonts.eastAsia).toEqual(expect.arrayContaining(["仿宋", "黑体", "楷体"]));
    expect(doc.styles["#default"]).toMatchObject({ eastAsia: "仿宋", size: 32 });
    expect(doc.styles.Heading1).toMatchObject({ eastAsia: "黑体", size: 32 });
    expect(doc.styles.Heading2).toMatchObject({ eastAsia: "楷体", size: 32 });
    expect(doc.body[0]).toEqual({ style: "Title", text: "福建省省级新一代信息技术与制造业\n融合发展项目申报书" });
    expect(doc.body.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([
      "一、申报单位基本信息",
      "二、申报项目基本信息",
      "三、申报单位承诺和各地工信部门推荐意见",
    ]);
  });

  it("puts the basic information in the form's rows", () => {
    const a = full.answers as Record<string, Answer>;
    expect(rowAfter(doc, "申报单位")).toEqual(["福建泉能电气科技有限公司"]);
    expect(rowAfter(doc, "单位详细地址")).toEqual(["福建省泉州市丰泽区某某路88号"]);
    expect(rowAfter(doc, "申报项目名称")).toEqual(["电气成套设备5G全连接工厂建设项目"]);
    expect(rowAfter(doc, "项目总投资")).toEqual(["1200万元", "项目实施周期", "2022年3月--2023年12月"]);
    expect(rowAfter(doc, "统一社会信用代码")).toEqual(["91350100M000100Y43", "注册成立时间", "2010年6月"]);
    expect(rowAfter(doc, "所属行业")).toEqual(["电气机械和器材制造业", "单位性质", "民营企业"]);
    expect(rowAfter(doc, "法定代表人")).toEqual(["王海峰", "联系电话", a["legal-representative-phone"]!.display]);
    expect(rowAfter(doc, "申报联系人")).toEqual(["赵敏", "手机号码", a["contact-mobile"]!.display]);
    // Its own row: an e-mail must fit on one line.
    expect(rowAfter(doc, "电子邮箱")).toEqual(["zhaomin@example.com"]);
  });

  it("writes 单位简介 with its figures for the last three years as a table", () => {
    const profile = rowAfter(doc, "单位简介")![0]!;
    expect(profile.startsWith("公司主营高低压成套设备，拥有发明专利12项，参与制定行业标准2项。\n2、近三年营业收入、利润、研发投入金额等财务指标情况。")).toBe(true);
    expect(rowAfter(doc, "指标")).toEqual(["2021年", "2022年", "2023年"]);
    // Plain numbers: the row says 万元.
    expect(rowAfter(doc, "营业收入（万元）")).toEqual(["12000", "13000", "15000"]);
    expect(rowAfter(doc, "利润（万元）")).toEqual(["", "", "900"]);
    expect(rowAfter(doc, "研发投入（万元）")).toEqual(["480", "520", "600"]);
  });

  it("ticks 5G 全连接工厂 (not 数字化标杆企业) for a 5G factory, and no other box", () => {
    const boxes = rowAfter(doc, CATEGORY_LABEL)![0]!;
    expectBoxes(boxes, ["5G 全连接工厂"], ALL_BOXES.filter((b) => b !== "5G 全连接工厂"));
    expect(boxes.split("\n")).toEqual([
      "平台类：☐ 省级工业互联网示范平台　　☐ 平台赋能中小企业数字化转型",
      "标杆企业类：☐ 数字化标杆企业　　☐ 工业数据安全标杆企业　　☑ 5G 全连接工厂",
      "☐ 标识解析类",
    ]);
  });

  it("ticks 数字化标杆企业 when the applicant does not file as a 5G factory", async () => {
    const d = openDocx(await generator.render(input({ ...BASIC, category: "benchmark-digital", "benchmark-digital-5g": false, "benchmark-digital-completed": true })));
    expectBoxes(rowAfter(d, CATEGORY_LABEL)![0]!, ["数字化标杆企业"], ALL_BOXES.filter((b) => b !== "数字化标杆企业"));
  });

  it("prints the chosen direction's 项目介绍 only: figures, KPI table, items with answer or guidance, attachments", () => {
    const intro = rowAfter(doc, "项目介绍")![0]!;
    expect(intro.startsWith("注：数字化标杆企业方向填报(5000 字以内)")).toBe(true);
    expect(intro).not.toContain("示范平台方向填报");
    expect(intro).not.toContain("标识解析方向填报");

    expect(rowAfter(doc, "项目已经建成")).toEqual(["是"]);
    expect(rowAfter(doc, "5G 全连接工厂关键环节场景应用数")).toEqual(["6 个"]);
    expect(rowAfter(doc, "创新应用方面")).toEqual(["智能化制造、网络化协同"]);
    expect(rowAfter(doc, "投资收益周期")).toEqual(["3.5 年"]);

    expect(doc.tables.some((t) => t[0]?.join("|") === "指标|建设前|建成后|变化率")).toBe(true);
    expect(rowAfter(doc, "生产效率")).toEqual(["85", "120", "+41.18%"]);
    expect(rowAfter(doc, "产品不良率")).toEqual(["1.5", "0.9", "-40%"]);

    const p = doc.paragraphs;
    const after = (heading: string) => p[indexOfParagraph(doc, heading) + 1];
    expect(p.slice(indexOfParagraph(doc, "一、项目概述") + 1).slice(0, 2)).toEqual([
      "企业于2021年启动数字化改造 & 5G 专网建设，覆盖 <装配> 与测试。",
      "已建成 5G 基站 12 个。",
    ]);
    // Skipped and absent items: the item's guidance, in parentheses.
    expect(after("二、项目实施的创新性")).toBe(
      "（在平台化设计、智能化制造、数字化管理、个性化定制、网络化协同、服务化延伸等方面具有创新应用内容，新一代信息技术应用创新情况。5G 全连接工厂须满足 5 个以上关键环节的场景应用）",
    );
    expect(after("三、项目实施的有效性")).toBe("生产效率提升 41%。");
    expect(after("五、项目实施的安全性")).toBe("（重点介绍项目建设是否采取一定的工业互联网安全措施）");
    expect(after("六、附件及佐证材料")).toBe("2023年度财务审计报告、营业执照、专利证书");
  });

  it("prints every item's guidance, and the form's attachment list, when a direction's narratives are skipped", async () => {
    const d = openDocx(
      await generator.render(
        input({
          ...BASIC,
          category: "platform-demo",
          "platform-demo-type": "industry-region",
          "platform-demo-connected-enterprises": 120,
          "platform-demo-connected-devices": 12000,
        }),
      ),
    );
    expectBoxes(rowAfter(d, CATEGORY_LABEL)![0]!, ["省级工业互联网示范平台"], ALL_BOXES.filter((b) => b !== "省级工业互联网示范平台"));
    expect(rowAfter(d, "平台类型")).toEqual(["重点行业、重点区域特色型平台"]);
    expect(rowAfter(d, "连接服务企业用户数")).toEqual(["120 家"]);
    const steps = flow.steps.filter((s) => s.id.startsWith("platform-demo-intro-"));
    expect(steps).toHaveLength(6);
    for (const s of steps) expect(d.paragraphs[indexOfParagraph(d, s.label) + 1]).toBe(`（${s.guidance}）`);
    expect(d.paragraphs[indexOfParagraph(d, "七、附件及佐证材料") + 1]).toMatch(/^（1\. 企业上一年度财务审计报告没有的.*其他企业认为需要补充的材料）$/);
    // 单位简介 skipped: the form's item 1 and its note.
    const profile = rowAfter(d, "单位简介")![0]!;
    expect(profile.startsWith("1、主营业务、主要产品、主要市场和客户")).toBe(true);
    expect(profile.endsWith("单位简介不超过 500 字，需附相关佐证材料")).toBe(true);
  });

  it("leaves an empty line under outline items the form prints without guidance (标识解析)", async () => {
    const d = openDocx(
      await generator.render(
        input({
          ...BASIC,
          category: "identifier",
          "identifier-national-platform": true,
          "identifier-registered-enterprises": 320,
          "identifier-registrations": 35_000_000,
          "identifier-resolutions": 120_000_000,
        }),
      ),
    );
    expect(rowAfter(d, "项目介绍")![0]!.startsWith("注：标识解析方向填报(2000字以内)")).toBe(true);
    expect(d.paragraphs[indexOfParagraph(d, "一、项目建设背景和意义") + 1]).toBe("");
    expect(d.paragraphs[indexOfParagraph(d, "五、项目实施成效") + 1]).toBe(
      "（是否与国家平台对接、企业注册数、标识注册量、标识解析量，项目主要解决的问题，项目实施前与实施后效果比较）",
    );
    expect(rowAfter(d, "与国家平台对接")).toEqual(["是"]);
    expectBoxes(rowAfter(d, CATEGORY_LABEL)![0]!, ["标识解析类"], ALL_BOXES.filter((b) => b !== "标识解析类"));
  });

  it("puts the 申报主体承诺书 on its own page, verbatim, with the places to sign and seal", () => {
    const i = indexOfParagraph(doc, "三、申报单位承诺和各地工信部门推荐意见");
    expect(doc.paragraphs.slice(i + 1, i + 2 + COMMITMENT.length)).toEqual(["申报主体承诺书", ...COMMITMENT]);
    expect(doc.paragraphs.slice(i)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^申报单位（盖章）：/),
        "法定代表人（签字）：＿＿＿＿",
        "日期：2024年5月20日",
        "设区市工信局、平潭综合实验区经发局意见：",
        expect.stringMatching(/^推荐单位（公章）：/),
      ]),
    );
    expect(doc.documentXml).toMatch(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>.*?三、申报单位承诺/);
    // The notice's text, except the extraction's 「申报资料 and 文件」 (和 in the printed form).
    const notice = readFileSync(NOTICE, "utf8").replaceAll(" and ", "和");
    for (const line of COMMITMENT) expect(notice).toContain(line);
  });

  it("leaves the date blank when the commitment date was skipped", async () => {
    const d = openDocx(await generator.render(input({ ...BASIC, category: "identifier", "identifier-national-platform": false, "identifier-registered-enterprises": 1, "identifier-registrations": 1, "identifier-resolutions": 1, "commitment-date": SKIP })));
    expect(d.paragraphs.filter((p) => /^日期：\s+年\s+月\s+日$/.test(p))).toHaveLength(2);
  });

  it("keeps XML-special characters and emoji", async () => {
    const name = `泉州"能"&<电气>科技'有限'公司⚡️`;
    const d = openDocx(await generator.render(input({ ...BASIC, "applicant-name": name, category: "identifier", "identifier-national-platform": true, "identifier-registered-enterprises": 320, "identifier-registrations": 35_000_000, "identifier-resolutions": 120_000_000, "identifier-intro-goals": "目标 A&B <1> 😀" })));
    expect(rowAfter(d, "申报单位")).toEqual([name]);
    expect(d.paragraphs[indexOfParagraph(d, "二、项目建设目标和主要任务") + 1]).toBe("目标 A&B <1> 😀");
  });

  it("renders the same content for the same input", async () => {
    const again = openDocx(await generator.render(full));
    expect(again.documentXml).toBe(doc.documentXml);
    expect(again.stylesXml).toBe(doc.stylesXml);
  });
});
