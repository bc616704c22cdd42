import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { KnowledgeBase, QuestionError } from "../../src/knowledge/index.ts";
import { normalizeForMatch } from "../../src/knowledge/text-clean.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";

let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
beforeAll(async () => {
  env = await tempKnowledgeBase("2026-11-22");
});
afterAll(() => env.cleanup());

const fixture = (name: string) => path.join(projectRoot, "test", "fixtures", name);

describe("policy Q&A", () => {
  it("quotes 「二级及以上」 from the smart-factory notice with its 文号", async () => {
    const a = await env.kb.ask("先进级智能工厂对成熟度有什么要求？");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("二级及以上");
    const c = a.citations[0]!;
    expect(c.docId).toBe("fj-2025-smart-factory-advanced");
    expect(c.docNumber).toBe("闽工信函装备〔2025〕123号");
    expect(c.noticeDocNumber).toBe("榕工信装备〔2025〕30号");
    expect(c.text).toContain("二级及以上");
    expect(a.citations).toHaveLength(3);
  });

  it("says plainly that the notice's deadlines have passed", async () => {
    const a = await env.kb.ask("融合发展项目推荐汇总表什么时候前报送？");
    expect(a.answer).toContain("5月30日前报送我厅");
    expect(a.answer).toContain("截止时间（2024年5月30日）已过");
  });

  it("uses the injected clock: on 2024-05-01 the same deadline is still open", async () => {
    const early = await tempKnowledgeBase("2024-05-01");
    try {
      const a = await early.kb.ask("融合发展项目推荐汇总表什么时候前报送？");
      expect(a.answer).toContain("截止时间为2024年5月30日");
    } finally {
      await early.cleanup();
    }
  });

  it.each(fs.readFileSync(fixture("out-of-domain.txt"), "utf8").trim().split("\n").filter((q) => !/^\p{Extended_Pictographic}+$/u.test(q)))(
    "refuses an out-of-domain question: %s",
    async (q) => {
      const a = await env.kb.ask(q);
      expect(a.answerable).toBe(false);
      expect(a.answer).toContain("没有找到");
      expect(a.citations).toEqual([]);
    },
  );

  it.each(
    fs.readFileSync(fixture("in-domain-paraphrases.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { q: string; must: string[] }).map((x) => [x.q, x] as const),
  )("answers a paraphrased question: %s", async (_q, item) => {
    const a = await env.kb.ask(item.q);
    expect(a.answerable).toBe(true);
    const hay = normalizeForMatch([a.answer, ...a.citations.map((c) => c.text)].join(""));
    expect(item.must.some((m) => hay.includes(normalizeForMatch(m)))).toBe(true);
  });

  it.each([
    ["", "EMPTY_QUESTION"],
    ["   \n\t ", "EMPTY_QUESTION"],
    ["😀😀😀", "NO_CONTENT"],
    ["。。。？？", "NO_CONTENT"],
    ["问".repeat(10_000), "QUESTION_TOO_LONG"],
  ])("rejects bad input %#", async (q, code) => {
    await expect(env.kb.ask(q)).rejects.toMatchObject({ code });
    const err = await env.kb.ask(q).catch((e: QuestionError) => e);
    expect((err as QuestionError).userMessage()).toMatch(/[\u4e00-\u9fff]/);
  });

  it("answers through emoji, markup and mixed English", async () => {
    const a = await env.kb.ask("<b>标识解析</b>的解析量要超过多少？🤔 please");
    expect(a.answerable).toBe(true);
    expect(normalizeForMatch(a.answer + a.citations.map((c) => c.text).join(""))).toContain("1亿次");
  });
});

describe("ingest", () => {
  it("makes a new notice answerable at once, with metadata read from its text", async () => {
    const kb = env.kb;
    const before = await kb.ask("厦门5G工厂试点项目单个项目最高补助多少？");
    expect(before.citations.every((c) => !c.title.includes("5G工厂试点"))).toBe(true);

    const result = await kb.ingest(fixture("notice-xm-2026-5g-factory.txt"));
    expect(result).toMatchObject({
      title: "厦门市工业和信息化局关于组织开展2026年度5G工厂试点项目申报工作的通知",
      issuer: "厦门市工业和信息化局",
      docNumber: "厦工信数字〔2026〕58号",
      date: "2026-11-02",
      deadlines: [
        { date: "2026-12-15", what: expect.stringContaining("报送所在区工信部门") },
        { date: "2026-12-25", what: expect.stringContaining("报送市工信局") },
      ],
      contacts: [{ name: "陈晓东", phone: "0592-2896512", email: "xmgxsz@xm.gov.cn" }],
      attachments: ["5G工厂试点项目申报书"],
    });
    expect(result.chunks).toBeGreaterThan(3);

    const after = await kb.ask("厦门5G工厂试点项目单个项目最高补助多少？");
    expect(after.answerable).toBe(true);
    expect(after.citations[0]!.docNumber).toBe("厦工信数字〔2026〕58号");
    expect(after.answer).toContain("最高不超过300万元");
    expect(after.answer).toContain("截止时间为2026年12月15日、2026年12月25日");

    // A fresh process sees it too: the index on disk was updated in place.
    const reopened = await KnowledgeBase.open(env.deps);
    expect(reopened.noticeCount).toBe(6);
    expect((await reopened.ask("5G工厂试点项目5G连接的工业终端要多少台？")).answer).toContain("不少于200台");
  });

  it("refuses the same notice twice and leaves the corpus as it was", async () => {
    const count = env.kb.noticeCount;
    await expect(env.kb.ingest(fixture("notice-xm-2026-5g-factory.txt"))).rejects.toMatchObject({ code: "DUPLICATE" });
    await expect(env.kb.ingest(path.join(projectRoot, "corpus", "notices", "jl-2020-demo.txt"))).rejects.toMatchObject({ code: "DUPLICATE" });
    expect(env.kb.noticeCount).toBe(count);
  });

  it.each([
    ["missing.txt", "FILE_NOT_FOUND", null],
    ["empty.txt", "EMPTY", ""],
    ["blank.txt", "EMPTY", "  \n\n \t\n"],
    ["binary.txt", "NOT_TEXT", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00])],
    ["latin1.txt", "NOT_TEXT", Buffer.from("caf\xe9 notice", "latin1")],
    ["english.txt", "NOT_TEXT", "This is not a notice at all."],
    ["bad-front-matter.txt", "BAD_FRONT_MATTER", "---\ntitle: [unclosed\n---\n福建省工业和信息化厅关于某事的通知\n\n一、内容\n\n正文。"],
  ])("refuses %s (%s) without writing anything", async (name, code, content) => {
    const file = path.join(env.dir, name);
    if (content !== null) fs.writeFileSync(file, content);
    const corpusBefore = fs.readdirSync(path.join(env.config.corpusDir, "notices")).sort();
    await expect(env.kb.ingest(file)).rejects.toMatchObject({ code });
    expect(fs.readdirSync(path.join(env.config.corpusDir, "notices")).sort()).toEqual(corpusBefore);
  });

  it("takes metadata from a front-matter header when given", async () => {
    const file = path.join(env.dir, "with-header.md");
    fs.writeFileSync(
      file,
      "---\ndocId: test-front-matter\ntitle: 测试市工信局关于智能仓储示范申报的通知\nissuer: 测试市工业和信息化局\ndocNumber: null\ndate: 2026-10-01\nregion: 测试市\ndeadlines:\n  - date: 2026-12-01\n    what: 企业报送申报书\n---\n一、申报条件\n\n申报企业须建成智能仓储系统，立体仓库货位不少于1000个。\n",
    );
    const r = await env.kb.ingest(file);
    expect(r).toMatchObject({ docId: "test-front-matter", docNumber: null, deadlines: [{ date: "2026-12-01", what: "企业报送申报书" }] });
    expect((await env.kb.ask("智能仓储示范对立体仓库货位有什么要求？")).answer).toContain("不少于1000个");
  });
});

describe("optional LLM answer", () => {
  const question = "工业互联网平台类的申报主体上一年度营业收入要多少？";

  it("uses the chat model's grounded answer when every figure is in the cited passages", async () => {
    const kb = await KnowledgeBase.open({ ...env.deps, chatModel: new FakeListChatModel({ responses: ["上一年度营业收入不少于3000万元[1]。"] }) });
    const a = await kb.ask(question);
    expect(a.method).toBe("llm");
    expect(a.answer).toMatch(/^上一年度营业收入不少于3000万元\[1\]。/);
  });

  it("falls back to the extractive answer when the model states a figure the notice does not", async () => {
    const kb = await KnowledgeBase.open({ ...env.deps, chatModel: new FakeListChatModel({ responses: ["营业收入不少于5000万元[1]。"] }) });
    const a = await kb.ask(question);
    expect(a.method).toBe("extractive");
    expect(a.answer).toContain("不少于3000万元");
    expect(a.answer).not.toContain("5000");
  });

  it("falls back when the model cites nothing", async () => {
    const kb = await KnowledgeBase.open({ ...env.deps, chatModel: new FakeListChatModel({ responses: ["大概三千万吧。"] }) });
    expect((await kb.ask(question)).method).toBe("extractive");
  });
});
