import { describe, expect, it } from "vitest";
import { catalog } from "../../src/flows/programs/index.ts";
import { ChatUser } from "../support/chat.ts";
import { currentStep, sampleAnswer } from "./auto-answer.ts";
import { engineHarness } from "./harness.ts";

const { env } = engineHarness();

const startIn = {
  idle: [] as string[],
  questionnaire: ["资格自测"],
  ...Object.fromEntries(catalog.applications.map((a) => [a.program.id, ["申报填报", `填报：${a.shortName}`]])),
} as Record<string, string[]>;

describe("every message gets a reply", () => {
  // Words that name Object.prototype members: a plain-object command table answered them with nothing.
  const words = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "？？", "1"];
  it.each(Object.keys(startIn).flatMap((where) => words.map((w) => [where, w] as const)))("in %s, 「%s」 gets a reply", async (where, word) => {
    const user = new ChatUser(env().engine);
    for (const line of startIn[where]!) await (line.startsWith("填报：") ? user.press(line) : user.say(line));
    const out = await user.say(word);
    expect(out.length).toBeGreaterThan(0);
    expect(out.map((m) => m.text).join("")).not.toBe("");
  });

  it("a second 确认提交 after submitting says it is already submitted, not a policy answer", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    const { state } = await e.store.load({ channel: "console", userId: user.userId });
    // Jump to the review: answer everything required through the engine would be long; use 修改-free path.
    expect(state).not.toBeNull();
    await user.say("暂停");
    const out = await user.say("确认提交");
    expect(out.map((m) => m.text).join("\n")).not.toContain("【问答】");
  });

  it("a second 确认提交 after submitting, typed outside the review, says already submitted", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("申报填报");
    await user.press("填报：跨行业跨领域");
    for (let i = 0; i < 400; i++) {
      const cur = await currentStep(e.store, user.userId);
      if (!cur) break;
      await user.say(cur.step.optional ? "跳过" : sampleAnswer(cur.step, {}));
    }
    await user.press("确认提交");
    expect(user.lastText()).toContain("正在生成申报书");
    const out = await user.say("确认提交");
    expect(out.map((m) => m.text).join("\n")).toContain("已提交");
    expect(e.documents.requests).toHaveLength(1);
  });

  it("确认删除 pressed after the deletion was cancelled deletes nothing and says so", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("资格自测");
    await user.say("福建省");
    await user.say("删除我的数据");
    const confirmLabel = "确认删除";
    const stale = user.last().buttons.find((b) => b.label === confirmLabel)!;
    await user.press("取消");
    expect(user.lastText()).toContain("已取消删除");
    // The old button, pressed later (the console sends its payload as it was).
    const out: string[] = [];
    await e.engine.handle(
      { channel: "console", chatId: user.userId, userId: user.userId, updateId: "late-delyes", kind: "action", text: confirmLabel, action: stale.id },
      async (m) => void out.push(m.text),
    );
    expect(out.join("\n")).toContain("删除已取消");
    const { state } = await e.store.load({ channel: "console", userId: user.userId });
    expect(state?.session.profile).toMatchObject({ province: "福建省" });
    // Typed, too.
    await user.say("确认删除");
    expect(user.lastText()).toContain("删除已取消");
  });
});

describe("buttons never collide with typed answers (console)", () => {
  it("a typed number is the answer where numbers are answers; [n] presses the button", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过"); // 推荐单位 (optional)
    // 企业名称 (text) with buttons [1] 上一步 [2] 暂停: 「1」 is a name, not 上一步.
    await user.say("1");
    const cur = await currentStep(e.store, user.userId);
    expect(cur?.step.label).toBe("统一社会信用代码");
    // [1] presses button 1 (上一步).
    await user.say("[1]");
    expect((await currentStep(e.store, user.userId))?.step.label).toBe("企业名称");
    expect(user.lastText()).toContain("当前答案：1");
  });

  it("where no typed number means anything (yes/no), a bare number presses the button", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("资格自测");
    await user.say("福建省");
    const { state } = await e.store.load({ channel: "console", userId: user.userId });
    const field = state!.session.mode.kind === "questionnaire" ? state!.session.mode.field : null;
    expect(field).toBe("independentLegalEntity");
    expect(user.last().buttons[0]?.label).toBe("是");
    await user.say("1");
    const after = await e.store.load({ channel: "console", userId: user.userId });
    expect(after.state!.session.profile).toMatchObject({ independentLegalEntity: true });
  });

  it("修改 then 「1」 edits item 1 instead of pressing 取消", async () => {
    const e = env();
    const user = new ChatUser(e.engine);
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过");
    await user.say("福州甲公司");
    await user.say("修改");
    expect(user.lastText()).toContain("请回复要修改的项目编号");
    await user.say("2");
    expect((await currentStep(e.store, user.userId))?.step.label).toBe("企业名称");
  });
});
