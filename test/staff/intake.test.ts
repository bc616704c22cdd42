import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NoticeIntake, cleanFileName } from "../../src/app/staff/intake.ts";
import { ingestTexts, type IngestResult } from "../../src/knowledge/index.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";
import { makePdf } from "../support/pdf.ts";
import { TestRedis } from "../support/redis.ts";

let server: TestRedis;
let redis: Redis;
let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
let intake: NoticeIntake;
let stagingDir: string;
const ingested: IngestResult[] = [];
const logLines: string[] = [];
const log = pino({ level: "info" }, new Writable({ write: (c, _e, cb) => (logLines.push(String(c)), cb()) }));

const xmText = fs.readFileSync(path.join(projectRoot, "test", "fixtures", "notice-xm-2026-5g-factory.txt"));
const corpusFiles = () => fs.readdirSync(path.join(env.config.corpusDir, "notices")).sort();

function hzPdf(): Buffer {
  return makePdf([
    "杭州市经济和信息化局",
    "杭经信技术〔2026〕12号",
    "杭州市经济和信息化局关于开展2026年度市级智能工厂申报工作的通知",
    "各区、县（市）经信局：",
    "一、申报条件",
    "申报企业上年度营业收入不低于8000万元，关键设备联网率达到65%以上。",
    "二、报送要求",
    "请各区县经信局于12月18日前将推荐文件报送市经信局技术创新处，纸质材料一式两份。",
    "联系人：技术创新处 钱伟 0571-85250001",
    "杭州市经济和信息化局",
    "2026年11月20日",
  ]);
}

async function nbDocx(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    sections: [
      {
        children: [
          p("宁波市经济和信息化局关于组织申报2026年工业互联网平台培育项目的通知"),
          p("各区（县、市）经信局："),
          p("一、申报条件"),
          p("申报单位平台连接工业设备不少于5000台（套），服务企业不少于50家。"),
          p("二、报送时间"),
          p("请于12月20日前将申报材料一式三份报送市经信局数字经济处。"),
          p("联系人：数字经济处 孔明 0574-89180001"),
          p("宁波市经济和信息化局"),
          p("2026年11月16日"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

beforeAll(async () => {
  server = await TestRedis.start();
  redis = new Redis(server.url);
  env = await tempKnowledgeBase("2026-11-26", { log });
  stagingDir = path.join(env.dir, "data", "intake");
  intake = new NoticeIntake({
    kb: env.kb,
    redis,
    prefix: "it",
    dir: stagingDir,
    clock: env.deps.clock,
    log,
    onIngested: async (r) => void ingested.push(r),
  });
});

afterAll(async () => {
  redis.disconnect();
  await server.destroy();
  await env.cleanup();
});

describe("notice intake", () => {
  it("stages a .txt notice: metadata for confirmation, nothing live yet", async () => {
    const before = corpusFiles();
    const s = await intake.stage({ fileName: "厦门5G工厂.txt", bytes: xmText, by: "telegram:99" });
    expect(s).toMatchObject({
      fileName: "厦门5G工厂.txt",
      stagedBy: "telegram:99",
      stagedAt: env.deps.clock.now().toISOString(),
      title: "厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知",
      docNumber: "厦工信数字〔2026〕58号",
      issuer: "厦门市工业和信息化局",
      date: "2026-11-02",
      deadlines: [{ date: "2026-12-15" }, { date: "2026-12-25" }],
    });
    expect(s.id).toMatch(/^[0-9a-f]{12}$/);
    expect(s.chunks).toBeGreaterThan(3);
    expect(s.contacts[0]).toMatchObject({ name: "陈晓东" });
    expect(corpusFiles()).toEqual(before);
    expect(fs.existsSync(path.join(stagingDir, s.id))).toBe(true);
    expect(await intake.get(s.id)).toEqual(s);
    expect((await intake.list()).map((x) => x.id)).toContain(s.id);
    // The same file again while it waits: the same staging, not a second one.
    expect((await intake.stage({ fileName: "again.txt", bytes: xmText, by: "web:boss" })).id).toBe(s.id);
    // No file content, no contact in the log.
    const all = logLines.join("");
    expect(all).not.toContain("0592-2896512");
    expect(all).not.toContain("5G专网");
    expect(all).not.toContain("telegram:99");
  });

  it("confirms with corrections: validated, ingested into corpus and index, onIngested called, staging gone", async () => {
    const [s] = await intake.list();
    await expect(intake.confirm(s!.id, { date: "2026-13-01" }, "telegram:99")).rejects.toMatchObject({ code: "BAD_CORRECTION" });
    await expect(intake.confirm(s!.id, { title: "" }, "telegram:99")).rejects.toMatchObject({ code: "BAD_CORRECTION" });
    await expect(intake.confirm(s!.id, { deadlines: [{ date: "2026/12/31", what: "报送" }] }, "telegram:99")).rejects.toMatchObject({ code: "BAD_CORRECTION" });
    expect(ingestTexts.BAD_CORRECTION).toContain("YYYY-MM-DD");
    expect(await intake.get(s!.id)).not.toBeNull(); // a refused correction keeps the staging
    const r = await intake.confirm(s!.id, { deadlines: [{ date: "2026-12-31", what: "申报单位报送申报材料" }], issuer: "厦门市工信局" }, "telegram:99");
    expect(r).toMatchObject({ docNumber: "厦工信数字〔2026〕58号", issuer: "厦门市工信局", deadlines: [{ date: "2026-12-31", what: "申报单位报送申报材料" }] });
    expect(ingested.map((x) => x.docId)).toEqual([r.docId]);
    const meta = JSON.parse(fs.readFileSync(path.join(env.config.corpusDir, "notices", `${r.docId}.json`), "utf8"));
    expect(meta.deadlines).toEqual([{ date: "2026-12-31", what: "申报单位报送申报材料" }]);
    expect(meta.source).toBe("厦门5G工厂.txt");
    // Live: answers come from it.
    const a = await env.kb.ask("厦门5G工厂试点营业收入要多少");
    expect(a.citations[0]!.docNumber).toBe("厦工信数字〔2026〕58号");
    expect(await intake.get(s!.id)).toBeNull();
    expect(await intake.list()).toEqual([]);
    expect(fs.existsSync(path.join(stagingDir, s!.id))).toBe(false);
    // Twice: the staging is gone.
    await expect(intake.confirm(s!.id, {}, "telegram:99")).rejects.toMatchObject({ code: "NOT_STAGED" });
    // Uploading it again: already in the corpus.
    await expect(intake.stage({ fileName: "x.txt", bytes: xmText, by: "telegram:99" })).rejects.toMatchObject({ code: "DUPLICATE" });
  });

  it("stages a PDF with a text layer and a .docx, and confirms the .docx with a corrected date and 文号", async () => {
    const pdf = await intake.stage({ fileName: "hz.pdf", bytes: hzPdf(), by: "feishu:ou_1" });
    expect(pdf).toMatchObject({ docNumber: "杭经信技术〔2026〕12号", date: "2026-11-20", deadlines: [{ date: "2026-12-18" }] });
    expect(pdf.warnings.some((w) => w.includes("12月18日"))).toBe(true);
    const docx = await intake.stage({ fileName: "nb.docx", bytes: await nbDocx(), by: "feishu:ou_1" });
    expect(docx).toMatchObject({ docNumber: null, date: "2026-11-16", deadlines: [{ date: "2026-12-20" }] });
    expect(docx.warnings.some((w) => w.includes("文号"))).toBe(true);
    expect((await intake.list()).map((x) => x.id).sort()).toEqual([pdf.id, docx.id].sort());
    const r = await intake.confirm(docx.id, { docNumber: "甬经信数字〔2026〕31号", date: "2026-11-17" }, "feishu:ou_1");
    expect(r).toMatchObject({ docNumber: "甬经信数字〔2026〕31号", date: "2026-11-17" });
    expect(r.docId).toMatch(/^notice-2026-11-17-/);
    expect(r.warnings.some((w) => w.includes("文号"))).toBe(false);
    await intake.discard(pdf.id, "feishu:ou_1");
    expect(await intake.list()).toEqual([]);
    expect(fs.readdirSync(stagingDir)).toEqual([]);
    expect(corpusFiles()).toContain(`${r.docId}.json`);
  });

  it.each([
    ["scan.pdf", "SCANNED_PDF", () => makePdf(["扫描件", "第二行"], { textLayer: false })],
    ["broken.docx", "BAD_DOCUMENT", () => Buffer.from("PK\u0003\u0004 not a real zip")],
    ["english.txt", "NOT_TEXT", () => Buffer.from("Notice about smart factories\nApply before 2026-12-01\n")],
    ["empty.txt", "EMPTY", () => Buffer.alloc(0)],
    ["huge.pdf", "FILE_TOO_LARGE", () => Buffer.alloc(31 * 1024 * 1024)],
  ])("refuses %s with %s (Chinese text), staging nothing", async (name, code, make) => {
    await expect(intake.stage({ fileName: name, bytes: make(), by: "web:boss" })).rejects.toMatchObject({ code });
    expect(ingestTexts[code as keyof typeof ingestTexts]).toMatch(/[\u4e00-\u9fa5]/);
    expect(await intake.list()).toEqual([]);
  });

  it("a staging expires with its file, and concurrent confirmations publish once", async () => {
    const short = new NoticeIntake({ kb: env.kb, redis, prefix: "it2", dir: stagingDir, clock: env.deps.clock, log, ttlSeconds: 1 });
    const s = await short.stage({ fileName: "hz.pdf", bytes: hzPdf(), by: "web:boss" });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await short.get(s.id)).toBeNull();
    expect(await short.list()).toEqual([]);
    expect(fs.existsSync(path.join(stagingDir, s.id))).toBe(false);
    await expect(short.confirm(s.id, {}, "web:boss")).rejects.toMatchObject({ code: "NOT_STAGED" });

    const again = await intake.stage({ fileName: "hz.pdf", bytes: hzPdf(), by: "web:boss" });
    const results = await Promise.allSettled([intake.confirm(again.id, {}, "web:boss"), intake.confirm(again.id, {}, "web:boss")]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((x) => x.status === "rejected").map((x) => (x as PromiseRejectedResult).reason.code)).toEqual(["NOT_STAGED"]);
  });

  it("file names are cleaned", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\docs\\通知.pdf")).toBe("通知.pdf");
    expect(cleanFileName("")).toBe("notice.txt");
    expect([...cleanFileName(`${"长".repeat(300)}.docx`)]).toHaveLength(120);
  });
});
