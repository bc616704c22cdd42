import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askOf, carriesAsk, placesIn } from "../../src/knowledge/question-analysis.ts";
import { words } from "../../src/knowledge/tokenize.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";

let env: Awaited<ReturnType<typeof tempKnowledgeBase>>;
beforeAll(async () => {
  env = await tempKnowledgeBase("2026-11-22");
});
afterAll(() => env.cleanup());

describe("question analysis", () => {
  it.each([
    ["跨行业平台的推荐材料要报几份纸质的？", "copies"],
    ["融合发展项目材料最晚啥时候交上去", "date"],
    ["跨行业跨领域平台咨询找谁", "contact"],
    ["单位简介最多能写多少字", "words"],
    ["标杆工厂奖补比例是多少", "percent"],
    ["先进级智能工厂成熟度要达到几级", "level"],
    ["深圳中小企业数字化转型最多资助多少", "amount"],
    ["泉州能推荐几个数字化标杆企业", "count"],
    ["跨行业平台材料报送到省工信厅哪个处", "place"],
    ["深圳数字化转型试点要准备哪些材料", "materials"],
    // The head noun the question word governs decides (哪些文件 is a document, not a list of materials).
    ["江苏标杆工厂是依据哪些文件开展的", "document"],
    ["融合发展项目电子材料发到哪个邮箱", "email"],
    ["省工信厅装备处管智能工厂的是谁", "contact"],
    ["融合发展项目纸质材料寄到哪个地址", "place"],
    ["吉林示范项目审计报告要包含哪年的财务审计", "date"],
  ])("%s asks for %s", (q, ask) => {
    expect(askOf(q)).toBe(ask);
  });

  it("finds the sentence that carries the ask", () => {
    expect(carriesAsk("copies", "项目申报书（纸质一式三份）于5月30日前报送")).toBe(true);
    expect(carriesAsk("date", "申报单位对材料真实性负责。")).toBe(false);
    expect(carriesAsk("contact", "联系人：孙 哲 0591-87430181")).toBe(true);
  });

  it("cuts 市工信局 as one word (jieba user dictionary)", () => {
    expect(words("报送市工信局")).toContain("市工信局");
    expect(words("报送市工信局")).not.toContain("信局");
  });

  it("reads place names as selectors, longest form first", () => {
    expect(placesIn("央企在江苏的子公司申报标杆工厂营收要多少")).toEqual(["江苏"]);
    expect(placesIn("吉林示范项目")).toEqual(["吉林"]);
  });
});

describe("three outcomes", () => {
  it("answers a colloquial copies question with the sentence that prints the number", async () => {
    const a = await env.kb.ask("跨行业平台的推荐材料要报几份纸质的？");
    expect(a.outcome).toBe("answer");
    expect(a.answer).toContain("一式三份");
    expect(a.citations[0]!.docId).toBe("fj-2023-cross-industry-platform");
  });

  it("quotes the place's own sentence for a per-city quota", async () => {
    const a = await env.kb.ask("平潭综合实验区能推荐多少家");
    expect(a.answer).toContain("平潭综合实验区推荐数量自行确定");
  });

  it("ignores filler: 那个, 最晚, 交上去", async () => {
    const a = await env.kb.ask("2024融合发展项目材料那个最晚啥时候交上去");
    expect(a.answerable).toBe(true);
    expect(a.answer).toContain("5月30日");
  });

  it("refuses a question about a place no notice covers", async () => {
    const a = await env.kb.ask("上海市智能工厂申报什么时候截止？");
    expect(a).toMatchObject({ answerable: false, outcome: "refusal", citations: [] });
  });

  it("refuses when the question's words only meet scattered over a passage (研发 here, 费用 there)", async () => {
    for (const q of ["研发费用加计扣除比例是多少", "国家级专精特新小巨人营收要求多少"]) {
      expect((await env.kb.ask(q)).outcome).toBe("refusal");
    }
  });

  it("quotes the list for a materials question, not one item", async () => {
    const a = await env.kb.ask("深圳数字化转型试点要准备哪些材料");
    // Seed corpus only: Shenzhen is no notice here.
    expect(a.outcome).toBe("refusal");
    const b = await env.kb.ask("吉林服务化示范要交哪些材料");
    expect(b.answerable).toBe(true);
    expect(b.answer).toMatch(/1\.[^「」]*2\./);
  });

  it("reads a deadline from a day, not from a period 「2022年1月以来」", async () => {
    const a = await env.kb.ask("融合发展项目材料最晚哪天交到省工信厅");
    expect(a.answer).toContain("5月30日");
  });

  it("refuses when the question's most specific term is in no passage", async () => {
    for (const q of ["专精特新小巨人申报需要什么条件？", "如何申请信用卡？", "怎么办理出口退税？"]) {
      expect((await env.kb.ask(q)).outcome).toBe("refusal");
    }
  });

  it("shows the most relevant passages under 「通知中最相关的原文如下」 when the fact is not certain", async () => {
    // The notice says when materials are due, not when results are published.
    const a = await env.kb.ask("跨行业平台什么时候公布结果");
    expect(a).toMatchObject({ answerable: true, outcome: "passages" });
    expect(a.answer).toMatch(/^通知中最相关的原文如下/);
    expect(a.citations[0]!.docId).toBe("fj-2023-cross-industry-platform");
  });

  it("keeps the previous method reachable for comparison", async () => {
    const a = await env.kb.ask("先进级智能工厂对成熟度有什么要求？", { method: "v1" });
    expect(a.answer).toContain("二级及以上");
  });
});

describe("eval fixtures", () => {
  const dir = path.join(import.meta.dirname, "..", "fixtures", "qa");
  const texts = [
    ...fs.readdirSync(path.join(dir, "..", "..", "..", "corpus", "notices")).filter((f) => f.endsWith(".txt")).map((f) => path.join(dir, "..", "..", "..", "corpus", "notices", f)),
    ...fs.readdirSync(path.join(dir, "notices")).filter((f) => f.endsWith(".txt")).map((f) => path.join(dir, "notices", f)),
  ].flatMap((f) => {
    const raw = fs.readFileSync(f, "utf8");
    // Table rows are quoted as 「a | b | c」.
    return [raw.replace(/\s+/g, ""), raw.replace(/\t/g, "|").replace(/\s+/g, "")];
  });

  it.each(["seed-questions.jsonl", "fresh-questions.jsonl", "tuning-extra.jsonl"])("%s: every expected fact is printed in a notice", (file) => {
    const items = fs.readFileSync(path.join(dir, file), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(items.length).toBeGreaterThan(50);
    for (const it of items) for (const m of it.must as string[]) expect(texts.some((t) => t.includes(m.replace(/\s+/g, "")))).toBe(true);
  });
});
