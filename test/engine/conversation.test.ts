import { describe, expect, it } from "vitest";
import { catalog } from "../../src/flows/programs/index.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { ChatUser, type EngineEnv } from "../support/chat.ts";
import { currentStep, sampleAnswer, VALID_CREDIT_CODE } from "./auto-answer.ts";
import { engineHarness } from "./harness.ts";

const harness = engineHarness();
const env = (prefix?: string): EngineEnv => harness.env(prefix ? { prefix } : {});

/** Answer every question of the current draft until the review (optional ones skipped unless `answerOptional`). */
async function fillToReview(e: EngineEnv, user: ChatUser, opts: { answerOptional?: boolean; maxSteps?: number } = {}): Promise<number> {
  let steps = 0;
  for (;;) {
    const cur = await currentStep(e.store, user.userId);
    if (!cur) return steps;
    if (++steps > (opts.maxSteps ?? 400)) throw new Error(`flow did not end; at ${cur.key}`);
    const { state } = await e.store.load({ channel: "console", userId: user.userId });
    const mode = state!.session.mode;
    const draft = mode.kind === "filling" ? state!.drafts[mode.draftId]! : undefined;
    if (cur.step.optional && !opts.answerOptional) await user.say("跳过");
    else await user.say(sampleAnswer(cur.step, draft?.answers ?? {}));
    const after = await currentStep(e.store, user.userId);
    if (after?.key === cur.key) throw new Error(`answer not accepted at ${cur.key}: ${user.lastText()}`);
  }
}

describe("eligibility questionnaire", () => {
  it("asks only facts that matter, then shows verdicts with citations and apply buttons", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我们公司能报什么？");
    expect(user.lastText()).toContain("资格自测");
    const asked: string[] = [];
    const answers: Record<string, string> = {
      省份: "福建省",
      城市: "福州市",
      独立法人: "是",
      分支机构: "否",
      类型: "1",
      行业: "装备制造",
      从业人员: "450",
      营业收入: "2.5亿",
      利润: "1800万",
      失信: "否",
      违法违规: "否",
      事故: "否",
      成熟度: "3",
      基础级: "是",
      环节: "全部",
      两化融合: "是",
      建成: "是",
    };
    for (let i = 0; i < 40; i++) {
      const text = user.last().text;
      if (text.includes("资格自测结果") || user.lastText().includes("资格自测结果")) break;
      const key = Object.keys(answers).find((k) => text.split("\n").slice(-8).join("").includes(k));
      asked.push(text.split("\n")[1] ?? text);
      await user.say(key ? answers[key]! : "不清楚");
    }
    const all = user.transcript.map((m) => m.text).join("\n");
    expect(all).toContain("资格自测结果");
    // Only decisive facts: far fewer questions than profile fields, and a Jilin-only fact never asked.
    expect(asked.length).toBeLessThan(25);
    // One line per program and category: verdict, deciding reason, deadline (往年 here).
    expect(all).toMatch(/✅ 先进级智能工厂：硬性条件均满足（往年通知，截止 2025-04-10 已过/);
    expect(all).not.toContain("依据：");
    const applyButtons = user.last().buttons.filter((b) => b.label.startsWith("按往年通知准备："));
    expect(applyButtons.map((b) => b.label)).toContain("按往年通知准备：先进级智能工厂");
    // The full cited reasons are one tap away.
    await user.press("查看详细理由");
    expect(user.lastText()).toContain("依据：闽工信函装备〔2025〕123号");
    await user.say("资格自测");
    await user.press("查看结论");
    // The verdict button starts the flow, with the profile pre-filling the company facts.
    await user.press("按往年通知准备：先进级智能工厂");
    expect(user.lastText()).toContain("福建省先进级智能工厂申报书");
  });

  it("an enterprise outside Fujian is told plainly and not asked Fujian-only facts", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("资格自测");
    const questions: string[] = [];
    for (let i = 0; i < 30 && !user.lastText().includes("资格自测结果"); i++) {
      const t = user.last().text;
      questions.push(t);
      if (t.includes("省份")) await user.say("广东省");
      else await user.say("不清楚");
    }
    const all = user.transcript.map((m) => m.text).join("\n");
    expect(all).toMatch(/❌ .*不在福建省/);
    expect(questions.some((q) => q.includes("平台连接服务企业数"))).toBe(false);
    expect(questions.some((q) => q.includes("智能制造能力成熟度"))).toBe(false);
  });
});

describe("application flows", () => {
  it.each(catalog.applications.map((a) => [a.program.id, a.shortName] as const))(
    "%s: every question to review and confirm queues one document",
    async (programId, shortName) => {
      const e = env();
      const user = new ChatUser(e.engine);
      await user.say("申报填报");
      await user.press(`填报：${shortName}`);
      const steps = await fillToReview(e, user);
      expect(steps).toBeGreaterThan(5);
      const review = user.transcript.slice(-4).map((m) => m.text).join("\n");
      expect(review).toContain("请核对");
      await user.press("确认提交");
      expect(user.lastText()).toContain("正在生成申报书");
      expect(e.documents.requests).toHaveLength(1);
      expect(e.documents.requests[0]).toMatchObject({ programId, draftId: "d1" });
      // A double click on 确认提交 has one effect.
      await user.say("确认提交");
      expect(e.documents.requests).toHaveLength(1);
    },
  );

  it("smart factory: answers with optional ones, KPIs with computed change, review shows them", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    expect(user.lastText()).toContain("截止日期 2025-04-10 已过");
    await fillToReview(e, user, { answerOptional: true });
    const review = user.transcript.slice(-6).map((m) => m.text).join("\n");
    expect(review).toContain(VALID_CREDIT_CODE);
    expect(review).toMatch(/建设前 80.*建成后 90.*变化率 \+12\.5%/);
  });
});

describe("controls", () => {
  it("back, skip (optional only), edit from review, progress, pause and resume", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    // Step 1 (推荐单位) is optional: skip it. Step 2 (企业名称) is required: cannot skip.
    await user.say("跳过");
    expect(user.lastText()).toContain("已跳过");
    await user.say("跳过");
    expect(user.lastText()).toContain("必填项，不能跳过");
    await user.say("福州测试智能装备有限公司");
    await user.say("上一步");
    expect(user.lastText()).toContain("当前答案：福州测试智能装备有限公司");
    await user.press("保持");
    expect(user.lastText()).toContain("统一社会信用代码");
    await user.say("进度");
    expect(user.lastText()).toMatch(/已完成 2\/\d+ 项/);
    await user.say("暂停");
    expect(user.lastText()).toContain("已暂停");
    await user.say("先进级智能工厂对成熟度有什么要求？");
    expect(user.lastText()).toContain("【问答】");
    await user.say("继续");
    expect(user.lastText()).toContain("统一社会信用代码");
    await user.say(VALID_CREDIT_CODE);
    await user.say("修改");
    expect(user.lastText()).toContain("请回复要修改的项目编号");
    await user.say("2");
    expect(user.lastText()).toContain("当前答案：福州测试智能装备有限公司");
    await user.say("福州新名称智能装备有限公司");
    // After the edit it returns to the first open question, not to the start.
    expect(user.lastText()).toContain("成立");
    await user.say("我的草稿");
    expect(user.lastText()).toMatch(/先进级智能工厂（d1）· 填写中 · 3\/\d+ 项 · 更新于 2026-11-22/);
  });

  it("invalid answers get a specific message and the same question again", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过");
    await user.say("福州测试智能装备有限公司");
    const bad = VALID_CREDIT_CODE.slice(0, 17) + (VALID_CREDIT_CODE.endsWith("0") ? "1" : "0");
    await user.say(bad);
    expect(user.lastText()).toContain("统一社会信用代码第18位校验不通过");
    expect(user.lastText()).toContain("统一社会信用代码");
    await user.say("x".repeat(5000));
    expect(user.lastText()).toMatch(/统一社会信用代码/);
    await user.say(VALID_CREDIT_CODE);
    expect(user.lastText()).not.toContain("校验不通过");
    // A 5,000-character answer to a short text field is refused with the limit.
    const { state } = await e.store.load({ channel: "console", userId: user.userId });
    expect(state).not.toBeNull();
  });

  it("a question about the current step is answered from the notices, then the step is asked again", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("资格自测");
    await user.say("福建省");
    // Now on some later fact; ask about revenue instead of answering.
    const out = await user.say("营业收入按哪一年算？");
    expect(out[0]!.text).toBe("【问答】营业收入按哪一年算？");
    expect(out.at(-1)!.text).toContain("请继续回答当前问题");
  });

  it("stickers and photos get a polite text-only note and keep the question", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    const sticker: InboundMessage = { channel: "console", chatId: user.userId, userId: user.userId, updateId: "s1", kind: "unsupported", text: "", unsupported: "sticker" };
    const out: string[] = [];
    await e.engine.handle(sticker, async (m) => void out.push(m.text));
    expect(out[0]).toContain("暂时只能处理文字消息");
    expect(out[1]).toContain("推荐单位");
  });
});

describe("state that is never lost", () => {
  it("resumes after the engine restarts and after Redis restarts (AOF)", async () => {
    const prefix = `r${Date.now()}`;
    const e1 = env(prefix);
    const user = new ChatUser(e1.engine);
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过");
    await user.say("福州测试智能装备有限公司");
    await e1.close();

    // A new process: same Redis, new engine.
    const e2 = env(prefix);
    user.useEngine(e2.engine);
    await user.say("继续");
    expect(user.lastText()).toContain("继续填写《福建省先进级智能工厂申报书》（已完成 2/");
    expect(user.lastText()).toContain("统一社会信用代码");

    // Redis restarts mid-conversation: the client reconnects, nothing is lost.
    await harness.redis().restart();
    await user.say(VALID_CREDIT_CODE);
    expect(user.lastText()).toContain("成立");
    const e3 = env(prefix);
    user.useEngine(e3.engine);
    await user.say("我的草稿");
    expect(user.lastText()).toMatch(/· 3\/\d+ 项/);
  });

  it("two messages from one user at once are applied one after the other", async () => {
    const prefix = `c${Date.now()}`;
    const a = env(prefix);
    const b = env(prefix); // two engine instances: only Redis orders them
    const user = new ChatUser(a.engine);
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过");
    const base = { channel: "console" as const, chatId: user.userId, userId: user.userId, kind: "text" as const };
    const replies: string[] = [];
    const collect = async (m: { text: string }) => void replies.push(m.text);
    await Promise.all([
      a.engine.handle({ ...base, updateId: "c1", text: "福州甲公司" }, collect),
      b.engine.handle({ ...base, updateId: "c2", text: VALID_CREDIT_CODE }, collect),
    ]);
    const { state } = await a.store.load({ channel: "console", userId: user.userId });
    const draft = Object.values(state!.drafts)[0]!;
    const values = Object.values(draft.answers).map((x) => ("value" in x ? x.value : null));
    // Whichever arrived first answered 企业名称 (any text is a name); the other was read
    // against the next step. Neither was lost: name first → both saved; code first → the
    // code is the name and 「福州甲公司」 was refused as a credit code.
    if (values.includes("福州甲公司")) {
      expect(values).toContain(VALID_CREDIT_CODE);
      expect(Object.keys(draft.answers)).toHaveLength(3);
    } else {
      expect(values).toContain(VALID_CREDIT_CODE);
      expect(Object.keys(draft.answers)).toHaveLength(2);
      expect(replies.join("\n")).toContain("统一社会信用代码");
    }
  });

  it("the same update delivered twice has one effect; a stale button does nothing", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    const msg: InboundMessage = { channel: "console", chatId: user.userId, userId: user.userId, updateId: "dup-1", kind: "text", text: "跳过" };
    const first: string[] = [];
    const second: string[] = [];
    await e.engine.handle(msg, async (m) => void first.push(m.text));
    await e.engine.handle(msg, async (m) => void second.push(m.text));
    expect(first.join()).toContain("已跳过");
    expect(second).toEqual([]);
    // Press 上一步 twice from the same message: the second press is stale.
    const backButton = user.last().buttons.find((b) => b.label === "上一步");
    const out1 = await user.say("上一步");
    expect(out1.at(-1)!.text).toContain("推荐单位");
    const press: InboundMessage = { channel: "console", chatId: user.userId, userId: user.userId, updateId: "dup-2", kind: "action", text: "", action: backButton?.id ?? "0.back" };
    const out2: string[] = [];
    await e.engine.handle(press, async (m) => void out2.push(m.text));
    expect(out2[0]).toContain("按钮已失效");
  });

  it("删除我的数据 removes everything of that user", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("订阅");
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过");
    const key = e.store.keyOf({ channel: "console", userId: user.userId });
    expect(await e.redis.exists(key)).toBe(1);
    expect(await e.redis.sismember(e.store.subscribersKey(), `console:${user.userId}`)).toBe(1);
    await user.say("删除我的数据");
    expect(user.lastText()).toContain("无法恢复");
    await user.press("确认删除");
    expect(user.lastText()).toContain("已删除您的全部数据");
    expect(await e.redis.exists(key)).toBe(0);
    expect(await e.redis.sismember(e.store.subscribersKey(), `console:${user.userId}`)).toBe(0);
    await user.say("我的草稿");
    expect(user.lastText()).toContain("您还没有草稿");
  });
});
