/**
 * Staff upload in chat (desk → intake → reminders) and prompt reminder rescheduling after an
 * ingest in another process (`npm run ingest` publishing on Redis; fs.watch on the corpus).
 * Real Redis, real knowledge base in a temp copy of the corpus, the real staff wiring (startStaff).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Outbox } from "../../src/app/outbox.ts";
import { routeInbound } from "../../src/app/route-inbound.ts";
import { parseCorrections } from "../../src/app/staff/desk.ts";
import { publishCorpusChanged, startStaff, watchCorpus, type Staff } from "../../src/app/staff/index.ts";
import { FileTooLargeError, type InboundHandler } from "../../src/bots/port.ts";
import type { InboundMessage, OutboundMessage } from "../../src/flows/engine/messages.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { ingestTexts } from "../../src/knowledge/index.ts";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { loadConfig, projectRoot } from "../../src/shared/config.ts";
import { echoKnowledge, makeEngine, type EngineEnv } from "../support/chat.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";
import { makePdf } from "../support/pdf.ts";
import { RecordingAdapter } from "../support/recording-adapter.ts";
import { TestRedis } from "../support/redis.ts";

const PREFIX = "up";
let server: TestRedis;
let env: EngineEnv;
let kbEnv: Awaited<ReturnType<typeof tempKnowledgeBase>>;
let staff: Staff;
let outbox: Outbox;
let handle: InboundHandler;
const adapter = new RecordingAdapter("telegram");
const logLines: string[] = [];
const log = pino({ level: "info" }, new Writable({ write: (c, _e, cb) => (logLines.push(String(c)), cb()) }));
/** What the fake platform holds: file ref → bytes. */
const files = new Map<string, Buffer>();
let seq = 0;

const xmText = fs.readFileSync(path.join(projectRoot, "test", "fixtures", "notice-xm-2026-5g-factory.txt"));

function fileMsg(userId: string, name: string, bytes: Buffer): InboundMessage {
  seq += 1;
  const ref = `f${seq}`;
  files.set(ref, bytes);
  return { channel: "telegram", chatId: userId, userId, updateId: `u${seq}`, kind: "file", text: "", file: { name, size: bytes.length, ref } };
}

async function deliver(m: InboundMessage): Promise<OutboundMessage[]> {
  const before = adapter.sent.length;
  await handle(m);
  return adapter.sent.slice(before).filter((s) => s.to.chatId === m.chatId).map((s) => s.message);
}

function say(userId: string, text: string, action?: string): Promise<OutboundMessage[]> {
  seq += 1;
  const base = { channel: "telegram" as const, chatId: userId, userId, updateId: `u${seq}`, text };
  return deliver(action ? { ...base, kind: "action", action } : { ...base, kind: "text" });
}

async function until(cond: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function reminderIds(): Promise<string[]> {
  return (await staff.reminders.queue.getDelayed()).map((j) => j.id!).sort();
}

beforeAll(async () => {
  server = await TestRedis.start();
  env = makeEngine(server.url, echoKnowledge, { prefix: PREFIX });
  kbEnv = await tempKnowledgeBase("2026-11-26", { log });
  const config = loadConfig({
    CORPUS_DIR: kbEnv.config.corpusDir,
    INDEX_DIR: kbEnv.config.indexDir,
    DATA_DIR: path.join(kbEnv.dir, "data"),
    REDIS_PREFIX: PREFIX,
    STAFF_USERS: "telegram:99",
    IN_PROCESS_WORKER: "off",
  });
  outbox = new Outbox({ redis: env.redis, prefix: PREFIX, log });
  outbox.register(adapter);
  staff = await startStaff({
    config,
    clock: kbEnv.deps.clock,
    log,
    redis: env.redis,
    connection: { host: "127.0.0.1", port: server.port },
    queuePrefix: `${PREFIX}q`,
    store: env.store,
    catalog,
    notices: async () => (await loadCorpus(config.corpusDir)).map((n) => n.meta),
    outbox,
    kb: kbEnv.kb,
    corpusDebounceMs: 200,
    fetchFile: async (_to, ref, maxBytes) => {
      const b = files.get(ref);
      if (!b) throw new Error("no such file");
      if (b.length > maxBytes) throw new FileTooLargeError(b.length, maxBytes);
      return b;
    },
  });
  handle = routeInbound(env.engine, outbox, log, undefined, staff.intercept);
  await say("e1", "订阅");
});

afterAll(async () => {
  await staff.close();
  await outbox.close();
  await env.close();
  await server.destroy();
  await kbEnv.cleanup();
});

describe("staff upload in chat", () => {
  it("a non-staff user's file gets a polite Chinese message and a log line without who or what", async () => {
    const before = (await loadCorpus(kbEnv.config.corpusDir)).length;
    const out = await deliver(fileMsg("e1", "我的申报书.txt", xmText));
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toContain("抱歉，这里不接收文件");
    expect(out[0]!.text).toContain("资格自测");
    const line = logLines.find((l) => l.includes("file from a non-staff user not accepted"))!;
    expect(line).toBeDefined();
    expect(line).not.toContain("e1");
    expect(line).not.toContain("申报书");
    expect(await staff.intake.list()).toEqual([]);
    expect((await loadCorpus(kbEnv.config.corpusDir)).length).toBe(before);
  });

  it("staff: file → metadata with 确认发布 / 修改 / 取消; 修改 by typing; 确认发布 publishes, schedules reminders, offers a broadcast", async () => {
    const [preview] = await deliver(fileMsg("99", "厦门5G工厂.txt", xmText));
    expect(preview!.text).toContain("已读取「厦门5G工厂.txt」");
    expect(preview!.text).toContain("标题：厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知");
    expect(preview!.text).toContain("文号：厦工信数字〔2026〕58号");
    expect(preview!.text).toContain("发文单位：厦门市工业和信息化局");
    expect(preview!.text).toContain("发文日期：2026-11-02");
    expect(preview!.text).toContain("2026-12-15");
    expect(preview!.text).toContain("陈晓东");
    expect(preview!.buttons.map((b) => b.label)).toEqual(["确认发布", "修改", "取消"]);
    const [, edit] = preview!.buttons;
    const [help] = await say("99", "修改", edit!.id);
    expect(help!.text).toContain("截止 2026-12-31");
    const [bad] = await say("99", "日期 2026-13-01");
    expect(bad!.text).toContain("不是有效日期");
    const [fixed] = await say("99", "截止 2026-12-31 申报单位报送申报材料");
    expect(fixed!.text).toContain("*截止日期：");
    expect(fixed!.text).toContain("2026-12-31：申报单位报送申报材料");
    expect(fixed!.text).not.toContain("2026-12-15");
    const [fixed2] = await say("99", "文号：厦工信数字〔2026〕59号");
    expect(fixed2!.text).toContain("*文号：厦工信数字〔2026〕59号");
    expect(fixed2!.text).toContain("2026-12-31"); // earlier corrections kept
    // Something else typed meanwhile still reaches the engine / desk.
    expect((await say("99", "通知列表"))[0]!.text).toContain("通知列表");
    const confirm = fixed2!.buttons.find((b) => b.label === "确认发布")!;
    const [done] = await say("99", confirm.label, confirm.id);
    expect(done!.text).toContain("已发布《厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知》（厦工信数字〔2026〕59号）");
    expect(done!.text).toContain("已安排 3 条截止提醒"); // 7, 3 and 1 days before 2026-12-31
    const meta = (await loadCorpus(kbEnv.config.corpusDir)).find((n) => n.meta.docNumber === "厦工信数字〔2026〕59号")!.meta;
    expect(meta.deadlines.map((d) => d.date)).toEqual(["2026-12-31"]);
    expect((await reminderIds()).filter((id) => id.startsWith(`rem.${meta.docId}.`))).toEqual([
      `rem.${meta.docId}.2026-12-31.1`,
      `rem.${meta.docId}.2026-12-31.3`,
      `rem.${meta.docId}.2026-12-31.7`,
    ]);
    // Pressing 确认发布 again publishes nothing more.
    expect((await say("99", confirm.label, confirm.id))[0]!.text).toContain("已过期、已发布或已取消");
    // 编写群发: the usual broadcast preview with the count and 确认群发.
    const offer = done!.buttons.find((b) => b.label === "编写群发")!;
    const [bc] = await say("99", offer.label, offer.id);
    expect(bc!.text).toContain("将发送给 1 个对话");
    expect(bc!.text).toContain("新通知：《厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知》");
    expect(bc!.buttons.map((b) => b.label)).toEqual(["确认群发", "取消"]);
    // No contact, file name or content in any log line.
    const all = logLines.join("");
    for (const secret of ["0592-2896512", "xmgxsz@xm.gov.cn", "厦门5G工厂.txt", "5G专网"]) expect(all).not.toContain(secret);
  });

  it("staff: a scanned PDF is refused with the Chinese reason; 取消 drops a staging", async () => {
    const [scan] = await deliver(fileMsg("99", "scan.pdf", makePdf(["扫描件", "第二行"], { textLayer: false })));
    expect(scan!.text).toBe(`未能读取这份通知：${ingestTexts.SCANNED_PDF}`);
    const pdf = makePdf(["杭州市经济和信息化局关于开展2026年度市级智能工厂申报工作的通知", "一、申报条件", "营业收入不低于8000万元。", "请于12月18日前报送。", "杭州市经济和信息化局", "2026年11月20日"]);
    const [preview] = await deliver(fileMsg("99", "hz.pdf", pdf));
    // 「待发布通知」 lists what waits, with its buttons.
    const [head, again] = await say("99", "待发布通知");
    expect(head!.text).toBe("有 1 份通知待确认发布：");
    expect(again!.buttons).toEqual(preview!.buttons);
    expect((await say("e1", "待发布通知"))[0]!.text).toBe("此功能仅限工作人员使用。");
    const cancel = preview!.buttons.find((b) => b.label === "取消")!;
    expect((await say("99", cancel.label, cancel.id))[0]!.text).toBe("已取消，这份通知未发布。");
    expect(await staff.intake.list()).toEqual([]);
    expect((await say("99", "/pending"))[0]!.text).toContain("没有待确认发布的通知");
    // A forged intake button from a non-staff user is refused.
    expect((await say("e1", "确认发布", `staff:in:ok:${cancel.id.split(":")[3]}`))[0]!.text).toBe("此功能仅限工作人员使用。");
  });

  it("staff: a file over the cap is refused before anything is read", async () => {
    const big = fileMsg("99", "big.pdf", Buffer.alloc(1));
    const out = await deliver({ ...big, file: { ...big.file!, size: 31 * 1024 * 1024 } });
    expect(out[0]!.text).toContain("文件超过 30MB");
  });
});

describe("typed corrections", () => {
  it("reads each field, several deadlines, 无, and refuses a bad date", () => {
    expect(parseCorrections("截止 2026-12-31")).toEqual({ value: { deadlines: [{ date: "2026-12-31", what: "申报截止" }] } });
    expect(parseCorrections("截止日期：2026年12月20日 区工信部门初审\n截止 2027/1/5 报送市局")).toEqual({
      value: { deadlines: [{ date: "2026-12-20", what: "区工信部门初审" }, { date: "2027-01-05", what: "报送市局" }] },
    });
    expect(parseCorrections("文号 无\n发文单位 福州市工业和信息化局\n日期 2026-11-20")).toEqual({ value: { docNumber: null, issuer: "福州市工业和信息化局", date: "2026-11-20" } });
    expect(parseCorrections("截止 无")).toEqual({ value: { deadlines: [] } });
    expect(parseCorrections("截止 明年")).toHaveProperty("error");
    expect(parseCorrections("你好")).toBeNull();
  });
});

describe("reminders follow an ingest in another process promptly", () => {
  it("watchCorpus: a published notice and a file written into corpus/notices each trigger one debounced resync", async () => {
    const dir = path.join(kbEnv.dir, "watch-corpus");
    let calls = 0;
    const w = watchCorpus({ corpusDir: dir, redis: env.redis, prefix: "w1", log, debounceMs: 100, onChange: async () => void calls++ });
    try {
      await w.ready;
      const pub = new Redis(server.url);
      for (let i = 0; i < 3; i++) await publishCorpusChanged(pub, "w1", `d${i}`);
      pub.disconnect();
      await until(async () => calls === 1, 5000, "published change");
      for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, "notices", `n${i}.json`), "{}");
      await until(async () => calls === 2, 5000, "file change");
      await new Promise((r) => setTimeout(r, 400));
      expect(calls).toBe(2);
    } finally {
      await w.close();
    }
  });

  it("`npm run ingest` in another process (REDIS_URL set) → the service schedules the new notice's reminders within seconds", async () => {
    const file = path.join(kbEnv.dir, "fz-notice.txt");
    fs.writeFileSync(
      file,
      [
        "福州市工业和信息化局",
        "榕工信数字〔2026〕77号",
        "福州市工业和信息化局关于组织申报2026年度数字化车间的通知",
        "各县（市）区工信局：",
        "一、申报条件",
        "申报企业上年度营业收入不低于3000万元。",
        "二、报送要求",
        "请于2027年1月20日前将申报材料报送市工信局。",
        "联系人：数字化处 林峰 0591-83300001",
        "福州市工业和信息化局",
        "2026年11月25日",
      ].join("\n"),
    );
    const before = await reminderIds();
    const started = Date.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts", "ingest.ts"), file], {
        cwd: projectRoot,
        env: { ...process.env, REDIS_URL: server.url, REDIS_PREFIX: PREFIX, CORPUS_DIR: kbEnv.config.corpusDir, INDEX_DIR: kbEnv.config.indexDir, LOG_LEVEL: "silent" },
        stdio: ["ignore", "ignore", "inherit"],
      });
      child.once("error", reject);
      child.once("exit", resolve);
    });
    expect(code).toBe(0);
    await until(async () => (await reminderIds()).some((id) => id.endsWith(".2027-01-20.7") && !before.includes(id)), 5000, "reminders of the new notice");
    expect(Date.now() - started).toBeLessThan(60_000);
    // The service's own knowledge base answers from it too (the index the CLI saved, reloaded).
    await until(async () => kbEnv.kb.allNotices().some((n) => n.docNumber === "榕工信数字〔2026〕77号"), 5000, "knowledge base refresh");
    expect((await kbEnv.kb.ask("福州数字化车间营业收入要多少")).answer).toContain("不低于3000万元");
  }, 90_000);
});
