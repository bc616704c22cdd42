import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  renderSummary,
  summaryFileName,
  summaryFor,
  summaryProgramIds,
  SummaryError,
  type SummaryTableSpec,
} from "../../src/documents/summary/index.ts";
import { GENERIC_NOTE } from "../../src/flows/programs/fj-2025-smart-factory-advanced/summary.ts";
import { STEPS as FJ2023_STEPS } from "../../src/flows/programs/fj-2023-cross-industry-platform/summary.ts";
import { STEPS as FJ2024_STEPS } from "../../src/flows/programs/fj-2024-integration/summary.ts";
import { STEPS as FJ2025_STEPS } from "../../src/flows/programs/fj-2025-smart-factory-advanced/summary.ts";
import { cityOf, STEPS as JL2020_STEPS } from "../../src/flows/programs/jl-2020-demo/summary.ts";
import { display } from "../../src/documents/summary/table.ts";
import type { DocumentInput, SummaryInput } from "../../src/documents/types.ts";
import { answerFromValue } from "../../src/flows/forms/answer-input.ts";
import type { Answer, Answers, ApplicationFlow } from "../../src/flows/forms/types.ts";
import { flow as fj2023Flow } from "../../src/flows/programs/fj-2023-cross-industry-platform/questions.ts";
import { flow as fj2024Flow } from "../../src/flows/programs/fj-2024-integration/questions.ts";
import { flow as fj2025Flow } from "../../src/flows/programs/fj-2025-smart-factory-advanced/questions.ts";
import { flow as jl2020Flow } from "../../src/flows/programs/jl-2020-demo/questions.ts";

const noticeText = (id: string) =>
  readFileSync(path.resolve(import.meta.dirname, `../../corpus/notices/${id}.txt`), "utf8");

const SKIP = "SKIP" as const;

/** Answers as the engine stores them: checked against the flow's step, display as the engine shows it. */
function answersFor(flow: ApplicationFlow, values: Record<string, unknown>): Answers {
  const out: Record<string, Answer | { skipped: true }> = {};
  for (const [key, v] of Object.entries(values)) {
    const step = flow.steps.find((s) => s.id === key.replace(/\[.*\]$/, ""));
    if (!step) throw new Error(`${flow.programId}: no step ${key}`);
    if (v === SKIP) {
      out[key] = { skipped: true };
      continue;
    }
    const a = answerFromValue(step, v, out);
    if (!a) throw new Error(`${flow.programId}: ${JSON.stringify(v)} does not fit ${key}`);
    out[key] = a;
  }
  return out;
}

function application(flow: ApplicationFlow, n: number, values: Record<string, unknown>): DocumentInput {
  return {
    programId: flow.programId,
    draftId: `draft-${n}`,
    draftVersion: 1,
    answers: answersFor(flow, values),
    profile: {},
    generatedAt: `2025-03-2${n}T08:00:00.000Z`,
  };
}

interface Sheet {
  ws: ExcelJS.Worksheet;
  /** Row number of the header (first cell 序号). */
  headerRow: number;
  headers: string[];
  /** Body rows after the header, as plain values (null for empty), until the table ends. */
  body: (string | number | null)[][];
  /** Full-width text lines above the header. */
  above: string[];
  /** Full-width text lines under the table. */
  below: string[];
}

const plain = (v: ExcelJS.CellValue): string | number | null =>
  v === null || v === undefined ? null : typeof v === "number" || typeof v === "string" ? v : String(v);

async function open(buf: Buffer, ncol: number): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow === 0 && row.getCell(1).value === "序号") headerRow = n;
  });
  expect(headerRow).toBeGreaterThan(0);
  const cells = (n: number) => Array.from({ length: ncol }, (_, i) => plain(ws.getRow(n).getCell(i + 1).value));
  const above: string[] = [];
  for (let n = 1; n < headerRow; n++) above.push(String(ws.getRow(n).getCell(1).value ?? ""));
  const body: (string | number | null)[][] = [];
  const below: string[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    // Notes are merged across the whole width; table rows are not.
    if (ws.getRow(n).getCell(1).isMerged) below.push(String(ws.getRow(n).getCell(1).value ?? ""));
    else body.push(cells(n));
  }
  return { ws, headerRow, headers: cells(headerRow).map((h) => String(h)), body, above, below };
}

const headersOf = (spec: SummaryTableSpec) => spec.columns.map((c) => c.header);

function specOf(id: string): SummaryTableSpec {
  const spec = summaryFor(id);
  if (!spec) throw new Error(`no table for ${id}`);
  return spec;
}

const TRICKY = `A&B <智能> "工厂" 'x' ]]> &amp;`;

function expectCommonLayout(sheet: Sheet) {
  const { ws, headerRow } = sheet;
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  const h = ws.getRow(headerRow);
  for (let i = 1; i <= sheet.headers.length; i++) {
    const cell = h.getCell(i);
    expect(cell.border?.top?.style).toBe("thin");
    expect(cell.border?.left?.style).toBe("thin");
    expect(cell.font?.name).toMatch(/宋体|仿宋/);
    expect(ws.getColumn(i).width ?? 0).toBeGreaterThanOrEqual(6);
  }
  for (let n = headerRow + 1; n < headerRow + 1 + sheet.body.length; n++) {
    const cell = ws.getRow(n).getCell(1);
    expect(cell.border?.bottom?.style).toBe("thin");
    expect(cell.font?.name).toBe("仿宋_GB2312");
  }
}

describe("summary tables: registry", () => {
  it("has a table for each of the four application programs", () => {
    expect(summaryProgramIds().sort()).toEqual(
      ["fj-2023-cross-industry-platform", "fj-2024-integration", "fj-2025-smart-factory-advanced", "jl-2020-demo"].sort(),
    );
  });

  it("throws NO_SUMMARY_TABLE for a program without one", async () => {
    expect(summaryFor("fj-2018-industrial-internet-opinion")).toBeUndefined();
    const err = await renderSummary({ programId: "fj-2018-industrial-internet-opinion", applications: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SummaryError);
    expect((err as SummaryError).code).toBe("NO_SUMMARY_TABLE");
  });

  it("throws PROGRAM_MISMATCH for an application of another program", async () => {
    const app = application(fj2023Flow, 1, { "project-name": "X平台" });
    const err = await renderSummary({ programId: "jl-2020-demo", applications: [app] }).catch((e: unknown) => e);
    expect((err as SummaryError).code).toBe("PROGRAM_MISMATCH");
  });

  it.each([
    ["fj-2024-integration", fj2024Flow, FJ2024_STEPS],
    ["fj-2023-cross-industry-platform", fj2023Flow, FJ2023_STEPS],
    ["jl-2020-demo", jl2020Flow, JL2020_STEPS],
    ["fj-2025-smart-factory-advanced", fj2025Flow, FJ2025_STEPS],
  ] as const)("%s: every step id the table reads exists in the flow", (_id, flow, steps) => {
    const ids = new Set(flow.steps.map((s) => s.id));
    for (const id of Object.values(steps)) expect(ids.has(id), id).toBe(true);
  });
});

describe("fj-2024-integration 附件 2 项目推荐汇总表", () => {
  const spec = specOf("fj-2024-integration");
  const notice = noticeText("fj-2024-integration");
  const base = (n: number, name: string) => ({
    "applicant-name": name,
    "contact-name": ["张明", "李华", "王芳"][n - 1],
    "contact-mobile": ["13800000001", "13800000002", "13800000003"][n - 1],
  });
  const apps = [
    application(fj2024Flow, 1, {
      ...base(1, "福建某某电机股份有限公司"),
      "project-name": "新能源电机数字化标杆工厂",
      "total-investment": 12000,
      "revenue-last-year": 56000.5,
      category: "benchmark-digital",
      "benchmark-digital-5g": true,
      "benchmark-digital-innovation-areas": ["smart-manufacturing", "digital-management"],
    }),
    application(fj2024Flow, 2, {
      ...base(2, TRICKY),
      "project-name": "纺织行业工业互联网平台",
      "total-investment": 3500,
      "revenue-last-year": 8200,
      category: "platform-demo",
      "platform-demo-type": "industry-region",
    }),
    application(fj2024Flow, 3, {
      ...base(3, "泉州某某鞋业有限公司"),
      "contact-mobile": SKIP,
      "project-name": "鞋服智能制造标杆项目",
      "total-investment": 800,
      "revenue-last-year": 15000,
      category: "benchmark-digital",
      "benchmark-digital-5g": false,
      "benchmark-digital-innovation-areas": SKIP,
    }),
  ];
  const input: SummaryInput = { programId: "fj-2024-integration", applications: apps, compiler: "泉州市工业和信息化局" };

  it("prints the notice's title lines and header row verbatim", async () => {
    const sheet = await open(await renderSummary(input), spec.columns.length);
    expect(sheet.above).toEqual(["附件 2", "项目推荐汇总表", "推荐单位（盖章）：泉州市工业和信息化局", "联系人：", "联系电话："]);
    for (const line of ["附件 2", "项目推荐汇总表", "推荐单位（盖章）：", "联系人：", "联系电话："]) expect(notice).toContain(line);
    expect(sheet.headers).toEqual([
      "序号",
      "项目名称",
      "企业名称",
      "申报类别 (可多选)",
      "项目 总投 (万元)",
      "上年 营收 (万元)",
      "推荐理由 (突出主要场景、特点、成效、 推广价值等，100 字以内)",
      "联系方式",
      "所属 县区",
    ]);
    expect(notice).toContain(sheet.headers.join("\t"));
    expect(sheet.below).toHaveLength(1);
    expect(notice).toContain(sheet.below[0]);
    expectCommonLayout(sheet);
  });

  it("groups rows under the five printed headings, 序号 1..n in printed order", async () => {
    const sheet = await open(await renderSummary(input), spec.columns.length);
    const rows = sheet.body;
    // Group rows are those whose 序号 cell is a heading marker; the notice prints all five.
    expect(rows.map((r) => r[0])).toEqual(["(一)", 1, "(二)", "(三)", 2, 3, "(四)", "(五)"]);
    expect(rows.filter((r) => typeof r[0] === "string").map((r) => r[1])).toEqual([
      "工业互联网示 范平台类",
      "平台赋能类",
      "数字化标杆企 业类",
      "工业数据安全 标杆企业类",
      "标识解析类",
    ]);
    for (const r of rows.filter((x) => typeof x[0] === "string")) {
      expect(notice).toContain(`${String(r[0])}\t${String(r[1])}\t`);
    }
    expect(rows[1]).toEqual([1, "纺织行业工业互联网平台", TRICKY, "重点行业、重点区域特色型平台", 3500, 8200, null, "李华 13800000002", null]);
    expect(rows[4]).toEqual([
      2,
      "新能源电机数字化标杆工厂",
      "福建某某电机股份有限公司",
      "智能化制造、数字化管理、5G 全连接工厂",
      12000,
      56000.5,
      null,
      "张明 13800000001",
      null,
    ]);
    // Innovation areas skipped, no 5G: the direction itself; mobile skipped: the name alone.
    expect(rows[5]).toEqual([3, "鞋服智能制造标杆项目", "泉州某某鞋业有限公司", "数字化标杆企业（含5G全连接工厂）", 800, 15000, null, "王芳", null]);
  });

  it("names the file after the title and the 推荐单位", () => {
    expect(summaryFileName(input)).toBe("项目推荐汇总表-泉州市工业和信息化局.xlsx");
  });

  it("renders the empty template when there are no applications", async () => {
    const sheet = await open(await renderSummary({ programId: "fj-2024-integration", applications: [] }), spec.columns.length);
    expect(sheet.above[2]).toBe("推荐单位（盖章）：");
    expect(sheet.body.map((r) => r[0])).toEqual(["(一)", "(二)", "(三)", "(四)", "(五)"]);
  });
});

describe("fj-2023-cross-industry-platform 附件 3 推荐信息汇总表", () => {
  const spec = specOf("fj-2023-cross-industry-platform");
  const notice = noticeText("fj-2023-cross-industry-platform");
  const apps = [
    application(fj2023Flow, 1, {
      recommender: "福州市工业和信息化局",
      "platform-name": "海创工业互联网平台",
      "company-name": "福建海创数字科技有限公司",
      "contact-name": "陈静",
      "contact-mobile": "13905910001",
    }),
    application(fj2023Flow, 2, {
      recommender: "福州市工业和信息化局",
      "platform-name": TRICKY,
      "company-name": "福州某某软件股份有限公司",
      "contact-name": "林涛",
      "contact-mobile": "13905910002",
    }),
    application(fj2023Flow, 3, {
      recommender: "福州市工业和信息化局",
      "platform-name": "闽江云制造平台",
      "company-name": "福建闽江云科技有限公司",
      "contact-name": SKIP,
      "contact-mobile": "13905910003",
    }),
  ];

  it("prints the notice's lines and columns; the 推荐单位 header is staff's, not the applicants' own text", async () => {
    const sheet = await open(await renderSummary({ programId: spec.programId, applications: apps }), spec.columns.length);
    // Every application names 福州市工业和信息化局 as its 推荐单位, but no compiler is given: blank.
    expect(apps.every((a) => display(a.answers, "recommender") === "福州市工业和信息化局")).toBe(true);
    expect(sheet.above).toEqual([
      "附件 3",
      "2023 年跨行业跨领域工业互联网平台推荐信息汇总表",
      "推荐单位（盖章）：",
      "联系人：",
      "联系方式：",
    ]);
    for (const line of sheet.above.slice(0, 2)) expect(notice).toContain(line);
    expect(sheet.headers).toEqual(["序号", "工业互联网平台名称", "依托企业", "联系人", "联系方式（手机）"]);
    expect(notice).toContain(sheet.headers.join("\t"));
    expect(sheet.body).toEqual([
      [1, "海创工业互联网平台", "福建海创数字科技有限公司", "陈静", "13905910001"],
      [2, TRICKY, "福州某某软件股份有限公司", "林涛", "13905910002"],
      [3, "闽江云制造平台", "福建闽江云科技有限公司", null, "13905910003"],
    ]);
    expect(sheet.below).toEqual([]);
    expectCommonLayout(sheet);
  });

  it("the compiler given fills the header; without one it stays blank whatever the applications say", async () => {
    const given = await open(
      await renderSummary({ programId: spec.programId, applications: apps, compiler: "平潭综合实验区经济发展局" }),
      spec.columns.length,
    );
    expect(given.above[2]).toBe("推荐单位（盖章）：平潭综合实验区经济发展局");
    const other = application(fj2023Flow, 4, { recommender: "厦门市工业和信息化局", "platform-name": "鹭岛平台" });
    const mixed = await open(await renderSummary({ programId: spec.programId, applications: [...apps, other] }), spec.columns.length);
    expect(mixed.above[2]).toBe("推荐单位（盖章）：");
    expect(mixed.body).toHaveLength(4);
  });
});

describe("jl-2020-demo 附件4-5 申报信息汇总表", () => {
  const spec = specOf("jl-2020-demo");
  const notice = noticeText("jl-2020-demo");
  const apps = [
    application(jl2020Flow, 1, {
      "project-name": "汽车零部件行业工业互联网平台建设项目",
      category: "platform",
      "form-category": "industry-platform",
      "org-name": "长春某某汽车零部件有限公司",
      "contact-name": "赵磊",
      "contact-mobile": "13604310001",
    }),
    application(jl2020Flow, 2, {
      "project-name": `工业软件 ${TRICKY}`,
      category: "software",
      "org-name": "吉林某某软件有限公司",
      "contact-name": "孙悦",
      "contact-mobile": "13604310002",
    }),
    application(jl2020Flow, 3, {
      "project-name": "两化融合管理体系贯标示范项目",
      category: SKIP,
      "form-category": "two-integration",
      "org-name": "吉林某某化工股份有限公司",
      "contact-name": "周琳",
      "contact-mobile": "13604310003",
    }),
  ];

  it("prints the notice's lines and columns; 项目类别 is the box the 申报书 ticks", async () => {
    const sheet = await open(
      await renderSummary({ programId: spec.programId, applications: apps, compiler: "长春市工业和信息化局" }),
      spec.columns.length,
    );
    expect(sheet.above).toEqual(["附件4-5", "长春市省级工业互联网及制造业服务化示范项目申报信息汇总表", "推荐单位（盖章）：长春市工业和信息化局"]);
    expect(notice).toContain("附件4-5");
    expect(notice).toContain("XX市省级工业互联网及制造业服务化示范项目申报信息汇总表");
    expect(sheet.headers).toEqual(["序号", "项目名称", "依托企业", "项目类别", "联系人", "联系方式（手机）"]);
    // The notice prints this header one cell per line.
    expect(notice).toContain(sheet.headers.map((h) => `\t${h}`).join("\n"));
    expect(sheet.body).toEqual([
      [1, "汽车零部件行业工业互联网平台建设项目", "长春某某汽车零部件有限公司", "行业级工业互联网平台项目", "赵磊", "13604310001"],
      [2, `工业软件 ${TRICKY}`, "吉林某某软件有限公司", "工业软件项目", "孙悦", "13604310002"],
      [3, "两化融合管理体系贯标示范项目", "吉林某某化工股份有限公司", "两化融合创新示范项目", "周琳", "13604310003"],
    ]);
    expectCommonLayout(sheet);
  });

  it("keeps 「XX市」 without a compiler naming a city", async () => {
    const sheet = await open(await renderSummary({ programId: spec.programId, applications: apps }), spec.columns.length);
    expect(sheet.above[1]).toBe("XX市省级工业互联网及制造业服务化示范项目申报信息汇总表");
    expect(cityOf("吉林省延边朝鲜族自治州工业和信息化局")).toBe("延边朝鲜族自治州");
    expect(cityOf("吉林市工业和信息化局")).toBe("吉林市");
    expect(cityOf("吉林省工业和信息化厅")).toBeUndefined();
  });
});

describe("fj-2025-smart-factory-advanced 附件4 项目推荐表 (generic columns)", () => {
  const spec = specOf("fj-2025-smart-factory-advanced");
  const notice = noticeText("fj-2025-smart-factory-advanced");
  const common = (n: number) => ({ recommender: ["福州市鼓楼区工业和信息化局", "福清市工业和信息化局", "福州市鼓楼区工业和信息化局"][n - 1] });
  const apps = [
    application(fj2025Flow, 1, {
      ...common(1),
      "company-name": "福建某某新能源科技有限公司",
      "project-name": "新能源电池智能工厂",
      "factory-industry": "electronics",
      "sub-industry": "锂离子电池制造",
      "maturity-level": "3",
      investment: 26800,
      "build-address": "福州市鼓楼区某某路1号",
      "contact-name": "黄欣",
      "contact-mobile": "13705910001",
    }),
    application(fj2025Flow, 2, {
      ...common(2),
      "company-name": TRICKY,
      "project-name": "高端医疗器械智能工厂",
      "factory-industry": "other",
      "factory-industry-other": "医药",
      "sub-industry": "医疗器械",
      "maturity-level": "2",
      investment: 5200.25,
      "build-address": "福清市融侨经济开发区",
      "contact-name": "吴迪",
      "contact-mobile": "13705910002",
    }),
    application(fj2025Flow, 3, {
      ...common(3),
      "company-name": "福州某某纺织有限公司",
      "project-name": "功能性面料智能工厂",
      "factory-industry": "consumer-goods",
      "sub-industry": SKIP,
      "maturity-level": "4",
      investment: 9000,
      "contact-name": "郑洁",
      "contact-mobile": "13705910003",
    }),
  ];

  it("prints the notice's lines, a 推荐顺序 = row order, and labels the columns as its own", async () => {
    const sheet = await open(await renderSummary({ programId: spec.programId, applications: apps }), spec.columns.length);
    // The applications name different 推荐单位 and no compiler is given: left blank.
    expect(sheet.above).toEqual(["附件4", "先进级智能制造工厂项目推荐表", "推荐单位（盖章）：", "推荐单位联系人："]);
    for (const line of sheet.above) expect(notice).toContain(line);
    expect(sheet.headers).toEqual([
      "序号",
      "企业名称",
      "项目名称",
      "所属行业",
      "细分行业",
      "智能制造能力成熟度评估结果",
      "项目投资(万元)",
      "建设地址",
      "联系人",
      "手机",
      "推荐顺序",
    ]);
    // The columns are the 申报书's (附件3) own labels.
    for (const h of sheet.headers.filter((x) => x !== "推荐顺序")) expect(notice).toContain(h);
    expect(sheet.below).toEqual([GENERIC_NOTE]);
    expect(sheet.below[0]).toContain("未印表格栏目");
    expect(sheet.body).toEqual([
      [1, "福建某某新能源科技有限公司", "新能源电池智能工厂", "电子信息", "锂离子电池制造", "三级", 26800, "福州市鼓楼区某某路1号", "黄欣", "13705910001", 1],
      [2, TRICKY, "高端医疗器械智能工厂", "医药", "医疗器械", "二级", 5200.25, "福清市融侨经济开发区", "吴迪", "13705910002", 2],
      [3, "福州某某纺织有限公司", "功能性面料智能工厂", "消费品", null, "四级", 9000, null, "郑洁", "13705910003", 3],
    ]);
    expectCommonLayout(sheet);
  });

  it("uses the compiler given in the header and the file name", async () => {
    const input: SummaryInput = { programId: spec.programId, applications: apps, compiler: "福州市工业和信息化局" };
    const sheet = await open(await renderSummary(input), spec.columns.length);
    expect(sheet.above[2]).toBe("推荐单位（盖章）：福州市工业和信息化局");
    expect(summaryFileName(input)).toBe("先进级智能制造工厂项目推荐表-福州市工业和信息化局.xlsx");
  });

  it("survives characters XML cannot carry and very long text", async () => {
    const app = application(fj2025Flow, 4, { "company-name": "某某\u0001公司\u000b", "project-name": "智能工厂" });
    const sheet = await open(await renderSummary({ programId: spec.programId, applications: [app] }), spec.columns.length);
    expect(sheet.body[0]?.[1]).toBe("某某公司");
  });
});
