import { describe, expect, it } from "vitest";
import {
  CONTENT_WIDTH,
  PAGE,
  changeRate,
  checkbox,
  checkboxLine,
  checkOptions,
  chineseDate,
  cleanText,
  commitmentPage,
  createDocument,
  docxFileName,
  formTable,
  heading1,
  heading2,
  kpiRow,
  kpiTable,
  labelCell,
  labelledTable,
  narrative,
  packDocx,
  paragraph,
  paragraphs,
  title,
  widthsOf,
  type Block,
} from "../../src/documents/docx-kit.ts";
import { openDocx, rowAfter, type DocxContent } from "../support/docx.ts";

const render = async (children: Block[], footnotes?: Record<number, string>): Promise<DocxContent> =>
  openDocx(await packDocx(createDocument({ title: "测试", children, ...(footnotes ? { footnotes } : {}) })));

const SPECIAL = `A&B <tag attr="x"> "双引号" 'single' &amp; 🏭😀👨‍👩‍👧 ☑☐`;

describe("docx-kit", () => {
  it("makes an A4 document with 仿宋 body, 黑体 title and heading 1, 楷体 heading 2, single spacing", async () => {
    const doc = await render([title("福建省某某申报书"), heading1("一、基本情况"), heading2("（一）概况"), paragraph("正文")]);
    expect(doc.pageSizes).toEqual([{ width: 11906, height: 16838 }]);
    expect(PAGE.width - PAGE.margin.left - PAGE.margin.right).toBe(CONTENT_WIDTH);
    expect(doc.styles["#default"]).toEqual({ eastAsia: "仿宋", ascii: "Times New Roman", size: 32 });
    expect(doc.styles.Title).toMatchObject({ eastAsia: "黑体" });
    expect(doc.styles.Heading1).toEqual({ eastAsia: "黑体", ascii: "Times New Roman", size: 32 });
    expect(doc.styles.Heading2).toEqual({ eastAsia: "楷体", ascii: "Times New Roman", size: 32 });
    expect(doc.fonts.eastAsia).toEqual(expect.arrayContaining(["仿宋", "黑体", "楷体"]));
    expect(doc.stylesXml).toMatch(/<w:rPrDefault>.*w:eastAsia="仿宋"/);
    expect(doc.stylesXml).toMatch(/<w:pPrDefault><w:pPr><w:spacing[^>]*w:line="240"[^>]*w:lineRule="auto"/);
    expect(doc.body.map((p) => [p.style, p.text])).toEqual([
      ["Title", "福建省某某申报书"],
      ["Heading1", "一、基本情况"],
      ["Heading2", "（一）概况"],
      [undefined, "正文"],
    ]);
  });

  it("keeps XML-special characters and emoji through a round trip, in paragraphs, tables and footnotes", async () => {
    const doc = await render(
      [paragraph(SPECIAL), labelledTable([["名称 & <标签>", SPECIAL]]), paragraph([])],
      { 1: SPECIAL },
    );
    expect(doc.paragraphs[0]).toBe(SPECIAL);
    expect(rowAfter(doc, "名称 & <标签>")).toEqual([SPECIAL]);
    expect(doc.footnotes).toEqual([SPECIAL]);
    expect(doc.documentXml).toContain("&lt;tag attr=");
    expect(doc.documentXml).not.toContain("<tag");
  });

  it("drops characters XML cannot carry, keeps everything else", async () => {
    expect(cleanText("a\u0000b\u0007c\u001Fd\uFFFEe")).toBe("abcde");
    expect(cleanText("lone \uD83D high, lone \uDE00 low, pair 😀")).toBe("lone  high, lone  low, pair 😀");
    expect(cleanText("tab\tline\r\nnext\rlast")).toBe("tab\tline\nnext\nlast");
    const doc = await render([paragraph("控制\u0001字符\u000B删除 😀")]);
    expect(doc.paragraphs[0]).toBe("控制字符删除 😀");
  });

  it("renders checkboxes as ☑ / ☐ before the label", () => {
    expect(checkbox({ label: "民营", checked: true })).toBe("☑ 民营");
    expect(checkbox({ label: "是", checked: false, suffix: "（事故名称：）" })).toBe("☐ 是（事故名称：）");
    const options = [
      { id: "a", label: "中央企业" },
      { id: "b", label: "民营" },
      { id: "c", label: "三资" },
    ];
    expect(checkboxLine(checkOptions(options, ["b"]))).toBe("☐ 中央企业　　☑ 民营　　☐ 三资");
    expect(checkboxLine(checkOptions(options, []))).toBe("☐ 中央企业　　☐ 民营　　☐ 三资");
  });

  it("prints a narrative's text, or the guidance in parentheses where it was skipped", async () => {
    const doc = await render([
      ...narrative({ heading: "1. 背景", text: "第一段\n第二段", guidance: "说明背景" }),
      ...narrative({ heading: "2. 方案", text: undefined, guidance: "包括总体架构" }),
      ...narrative({ heading: "3. 其他", text: "  ", guidance: "（已带括号）" }),
      ...narrative({ heading: "4. 计划", text: "" }),
    ]);
    expect(doc.paragraphs).toEqual(["1. 背景", "第一段", "第二段", "2. 方案", "（包括总体架构）", "3. 其他", "（已带括号）", "4. 计划", ""]);
  });

  it("builds form tables with column and row spans", async () => {
    const doc = await render([
      formTable(widthsOf([2, 1, 2, 1, 2]), [
        [labelCell("企业名称", { span: 2 }), { text: "某某公司", span: 3 }],
        [labelCell("联系人", { rowSpan: 2 }), labelCell("姓名"), "李明", labelCell("电话"), "0591-1"],
        [labelCell("职务"), "主任", labelCell("手机"), "138"],
      ]),
    ]);
    expect(doc.tables).toEqual([
      [
        ["企业名称", "某某公司"],
        ["联系人", "姓名", "李明", "电话", "0591-1"],
        ["", "职务", "主任", "手机", "138"],
      ],
    ]);
    expect(doc.documentXml).toContain('<w:gridSpan w:val="3"/>');
    expect(doc.documentXml).toContain('<w:vMerge w:val="restart"/>');
    expect(widthsOf([2, 1, 2, 1, 2]).reduce((a, b) => a + b, 0)).toBe(CONTENT_WIDTH);
  });

  it("reads KPI rows from the confirmed display, or from the value", async () => {
    expect(kpiRow("关键设备数控化率(%)", { value: { before: 60, after: 90 }, display: "建设前 60，建成后 90，变化率 +50%" })).toEqual({
      label: "关键设备数控化率(%)",
      before: "60",
      after: "90",
      change: "+50%",
    });
    expect(kpiRow("研制周期", { value: { before: 180, after: 120 }, display: "180→120" })).toEqual({
      label: "研制周期",
      before: "180",
      after: "120",
      change: "-33.33%",
    });
    expect(kpiRow("未选", undefined)).toEqual({ label: "未选" });
    expect(changeRate(0, 12)).toBe("—");
    expect(changeRate(5, 5)).toBe("0%");
    const doc = await render([kpiTable([kpiRow("A", { value: { before: 2, after: 1.2 }, display: "建设前 2，建成后 1.2，变化率 -40%" }), { label: "B" }])]);
    expect(doc.tables[0]).toEqual([
      ["指标", "建设前", "建成后", "变化率"],
      ["A", "2", "1.2", "-40%"],
      ["B", "", "", ""],
    ]);
  });

  it("puts the 承诺书 on a new page with its text and signature blanks", async () => {
    const doc = await render([paragraph("前文"), ...commitmentPage({ title: "承诺书", paragraphs: ["本单位承诺：", "1. 内容真实。"] })]);
    expect(doc.paragraphs).toEqual(["前文", "承诺书", "本单位承诺：", "1. 内容真实。", "法定代表人（签字）：＿＿＿＿", "（单位盖章）", "年　　月　　日"]);
    expect(doc.documentXml).toMatch(/<w:pageBreakBefore\/>.*?承诺书/);
  });

  it("splits multi-line text into paragraphs", async () => {
    const doc = await render(paragraphs("一\n\n二\n"));
    expect(doc.paragraphs).toEqual(["一", "", "二"]);
  });

  it("makes file names safe", () => {
    expect(docxFileName("福建省先进级智能工厂申报书", "福州某某公司")).toBe("福建省先进级智能工厂申报书-福州某某公司.docx");
    expect(docxFileName("申报书", 'a/b\\c:d*e?f"g<h>i|j\u0001k')).toBe("申报书-a_b_c_d_e_f_g_h_i_jk.docx");
    expect(docxFileName("申报书", "  .. 名称\n换行 .")).toBe("申报书-名称 换行.docx");
    expect(docxFileName("申报书", "")).toBe("申报书-申报书.docx");
    expect(Array.from(docxFileName("申报书", "长".repeat(500))).length).toBeLessThanOrEqual(125);
  });

  it("dates in China time", () => {
    expect(chineseDate("2025-03-31T17:00:00Z")).toBe("2025年4月1日");
    expect(chineseDate("2025-03-31T15:59:59Z")).toBe("2025年3月31日");
    expect(chineseDate("not a date")).toBe("");
  });

  it("packs the same content for the same blocks", async () => {
    const build = () => [title("标题"), labelledTable([["名称", SPECIAL]]), ...commitmentPage({ title: "承诺书", paragraphs: ["承诺"] })];
    const a = await render(build(), { 1: "注" });
    const b = await render(build(), { 1: "注" });
    expect(a.documentXml).toBe(b.documentXml);
    expect(a.stylesXml).toBe(b.stylesXml);
  });
});
