import fs from "node:fs";
import path from "node:path";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileText } from "../../src/knowledge/file-text.ts";
import { ingestTexts } from "../../src/knowledge/index.ts";
import { makePdf } from "../support/pdf.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";

let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
beforeAll(async () => {
  env = await tempKnowledgeBase("2026-11-22");
});
afterAll(() => env.cleanup());

const write = (name: string, data: Buffer | string) => {
  const file = path.join(env.dir, name);
  fs.writeFileSync(file, data);
  return file;
};

describe("ingest of PDF and Word notices", () => {
  it("reads a PDF's text layer: metadata, a table kept row by row, and answers from it", async () => {
    const file = write(
      "hz-notice.pdf",
      makePdf([
        "杭州市经济和信息化局",
        "杭经信技术〔2026〕12号",
        "杭州市经济和信息化局关于开展2026年度市级智能工厂申报工作的通知",
        "各区、县（市）经信局：",
        "根据《浙江省智能工厂（数字化车间）认定管理办法》（浙经信技术〔2023〕9号）要求，现开展申报。",
        "一、申报条件",
        "申报企业上年度营业收入不低于8000万元，关键设备联网率达到65%以上。",
        "二、推荐名额",
        ["区县", "智能工厂", "数字化车间"],
        ["萧山区", "6", "12"],
        "三、报送要求",
        "请各区县经信局于9月18日前将推荐文件报送市经信局技术创新处，纸质材料一式两份。",
        "联系人：技术创新处 钱伟 0571-85250001，吴丽 0571-85250002",
        "杭州市经济和信息化局",
        "2026年8月20日",
      ]),
    );
    const r = await env.kb.ingest(file);
    expect(r).toMatchObject({
      title: "杭州市经济和信息化局关于开展2026年度市级智能工厂申报工作的通知",
      docNumber: "杭经信技术〔2026〕12号",
      issuer: "杭州市经济和信息化局",
      date: "2026-08-20",
      deadlines: [{ date: "2026-09-18" }],
      contacts: [
        { name: "钱伟", phone: "0571-85250001" },
        { name: "吴丽", phone: "0571-85250002" },
      ],
    });
    expect(r.warnings.some((w) => w.includes("9月18日"))).toBe(true);
    const stored = fs.readFileSync(path.join(env.config.corpusDir, "notices", `${r.docId}.txt`), "utf8");
    expect(stored).toContain("萧山区 | 6 | 12");
    const a = await env.kb.ask("杭州智能工厂营收要多少");
    expect(a.citations[0]!.docNumber).toBe("杭经信技术〔2026〕12号");
    expect(a.answer).toContain("不低于8000万元");
  });

  it("reads a .docx (paragraphs and a table) built with the docx package", async () => {
    const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    const cell = (text: string) => new TableCell({ children: [p(text)], width: { size: 3000, type: WidthType.DXA } });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun("宁波市经济和信息化局")] }),
            p("甬经信数字〔2026〕31号"),
            p("宁波市经济和信息化局关于组织申报2026年工业互联网平台培育项目的通知"),
            p("各区（县、市）经信局："),
            p("一、申报条件"),
            p("申报单位平台连接工业设备不少于5000台（套），服务企业不少于50家。"),
            new Table({ rows: [new TableRow({ children: [cell("类别"), cell("补助上限")] }), new TableRow({ children: [cell("行业级平台"), cell("200万元")] })] }),
            p("二、报送时间"),
            p("请于10月15日前将申报材料一式三份报送市经信局数字经济处。"),
            p("联系人：数字经济处 孔明 0574-89180001"),
            p("宁波市经济和信息化局"),
            p("2026年9月1日"),
          ],
        },
      ],
    });
    const file = write("nb-notice.docx", await Packer.toBuffer(doc));
    const r = await env.kb.ingest(file);
    expect(r).toMatchObject({
      title: "宁波市经济和信息化局关于组织申报2026年工业互联网平台培育项目的通知",
      docNumber: "甬经信数字〔2026〕31号",
      date: "2026-09-01",
      deadlines: [{ date: "2026-10-15" }],
      contacts: [{ name: "孔明", phone: "0574-89180001" }],
    });
    const stored = fs.readFileSync(path.join(env.config.corpusDir, "notices", `${r.docId}.txt`), "utf8");
    expect(stored).toContain("行业级平台 | 200万元");
    const a = await env.kb.ask("宁波工业互联网平台培育项目平台要连接多少台设备？");
    expect(a.answer).toContain("不少于5000台");
  });

  it("reads a .doc through word-extractor (a Word 2007 body under a .doc name, as some sites publish)", async () => {
    const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    const doc = new Document({
      sections: [
        {
          children: [
            p("温州市经济和信息化局关于开展2026年数字化车间申报的通知"),
            p("温经信〔2026〕5号"),
            p("一、申报条件"),
            p("车间关键设备联网率达到55%以上。"),
            p("二、报送时间"),
            p("请于11月30日前报送。"),
            p("温州市经济和信息化局"),
            p("2026年10月8日"),
          ],
        },
      ],
    });
    const r = await env.kb.ingest(write("wz-notice.doc", await Packer.toBuffer(doc)));
    expect(r).toMatchObject({ docNumber: "温经信〔2026〕5号", deadlines: [{ date: "2026-11-30" }] });
    expect((await env.kb.ask("温州数字化车间联网率要多少")).answer).toContain("55%以上");
  });

  it.each([
    ["scan.pdf", "SCANNED_PDF", () => makePdf(["扫描件", "第二行"], { textLayer: false })],
    ["broken.pdf", "BAD_DOCUMENT", () => Buffer.from("%PDF-1.4\n1 0 obj\n<< broken")],
    ["broken.docx", "BAD_DOCUMENT", () => Buffer.from("PK\u0003\u0004 not a real zip")],
    ["broken.doc", "BAD_DOCUMENT", () => Buffer.from("not an OLE compound document")],
  ])("refuses %s with %s and a Chinese message, writing nothing", async (name, code, make) => {
    const file = write(name, make());
    const before = fs.readdirSync(path.join(env.config.corpusDir, "notices")).sort();
    await expect(env.kb.ingest(file)).rejects.toMatchObject({ code });
    expect(fs.readdirSync(path.join(env.config.corpusDir, "notices")).sort()).toEqual(before);
    expect(ingestTexts[code as keyof typeof ingestTexts]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("says a scanned PDF has no text layer", () => {
    expect(ingestTexts.SCANNED_PDF).toContain("没有文字层");
  });
});

describe("lines a PDF's layout wrapped", () => {
  // A paragraph set in lines of 34 characters, as a word processor wraps it at the right margin.
  const wrap = (s: string, width = 34) => [...s].reduce<string[]>((rows, c, i) => (i % width === 0 ? [...rows, c] : [...rows.slice(0, -1), rows[rows.length - 1] + c]), []);
  const text = async (lines: Array<string | string[]>) => fileText("x.pdf", makePdf(lines));

  it("joins a line running to the margin with the line it continues on", async () => {
    const out = await text([
      "某某市工业和信息化局关于开展2026年度市级专精特新中小企业认定工作的通知",
      "各县（市、区）工信局：",
      ...wrap("申报企业应在本市依法注册、具有独立法人资格，上年度营业收入不低于1000万元，研发投入占营业收入比重不低于3%，且近三年未发生重大安全、环保、质量事故，未被列入严重失信主体名单。"),
      "二、申报材料",
      ...wrap("申报材料一式两份，按目录顺序装订成册，于2026年9月30日前报送市工信局中小企业科，逾期不予受理。"),
    ]);
    expect(out).toContain("上年度营业收入不低于1000万元，研发投入占营业收入比重不低于3%");
    expect(out).toContain("未被列入严重失信主体名单。\n二、申报材料\n申报材料一式两份");
    // A title and an addressee line end their paragraphs, whatever their length.
    expect(out.split("\n").slice(0, 2)).toEqual(["某某市工业和信息化局关于开展2026年度市级专精特新中小企业认定工作的通知", "各县（市、区）工信局："]);
  });

  it("keeps the breaks of table rows, list items and short lines", async () => {
    const out = await text([
      ...wrap("各区县推荐名额如下表所列，超出名额的不予受理，请各区县严格按照名额推荐并做好审核把关工作。"),
      ["区县", "名额"],
      ["城关区", "6"],
      "（一）申报主体",
      "（二）申报条件",
    ]);
    expect(out).toContain("\n区县 | 名额\n城关区 | 6\n（一）申报主体\n（二）申报条件");
  });
});
