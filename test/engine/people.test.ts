import { describe, expect, it } from "vitest";
import type { Step } from "../../src/flows/forms/types.ts";
import type { EngineEnv } from "../support/chat.ts";
import { ChatUser } from "../support/chat.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { currentStep, sampleAnswer } from "./auto-answer.ts";
import { engineHarness } from "./harness.ts";

/**
 * Whole conversations as people type them, in real Redis, written as tables of
 * (what the user types → what the bot must do), on the self-check and every program.
 */
const { user: newUser } = engineHarness();

async function state(e: EngineEnv, u: ChatUser) {
  const { state } = await e.store.load({ channel: "console", userId: u.userId });
  return state!;
}

async function draftAnswers(e: EngineEnv, u: ChatUser): Promise<Record<string, unknown>> {
  const s = await state(e, u);
  const d = Object.values(s.drafts)[0];
  return d ? Object.fromEntries(Object.entries(d.answers).map(([k, a]) => [k, "value" in a ? a.value : null])) : {};
}

/** Open the program's form and answer (samples) until `stop` holds for the current step. */
async function fillUntil(e: EngineEnv, u: ChatUser, shortName: string, stop: (s: Step) => boolean): Promise<Step> {
  await u.say("申报填报");
  await u.press(`填报：${shortName}`);
  for (let i = 0; i < 300; i++) {
    const cur = await currentStep(e.store, u.userId);
    if (!cur) throw new Error("form ended before the wanted step");
    if (stop(cur.step)) return cur.step;
    await u.say(cur.step.optional ? "跳过" : sampleAnswer(cur.step, await draftAnswers(e, u) as never));
  }
  throw new Error("step not reached");
}

const programs = catalog.applications.map((a) => [a.program.id, a.shortName] as const);

describe("not every message is an answer: asides on a narrative and a text step of every program", () => {
  const rows: ReadonlyArray<readonly [typed: string, expect: RegExp]> = [
    ["先这样，我下午再弄", /已暂停，进度已保存/],
    ["算了", /已暂停/],
    ["人工客服", /没有人工客服/],
    ["你好", /我在。我们正在填写/],
    ["在吗", /我在。我们正在填写/],
    ["？？", /我在。我们正在填写/],
    ["帮助", /填写说明|没有额外的填写说明/],
  ];
  const kinds = ["longText", "text"] as const;
  it.each(programs.flatMap(([id, name]) => kinds.flatMap((kind) => rows.map(([typed, want]) => [id, kind, name, typed, want] as const))))(
    "%s, %s step: 「%s」 is not saved",
    async (_id, kind, name, typed, want) => {
      const { e, user } = newUser();
      const step = await fillUntil(e, user, name, (s) => s.kind === kind && (kind === "longText" || !s.optional) && !s.place && !s.checks);
      const before = await draftAnswers(e, user);
      await user.say(typed);
      expect(user.lastText()).toMatch(want);
      expect(await draftAnswers(e, user)).toEqual(before);
      expect(Object.values(await draftAnswers(e, user))).not.toContain(typed);
      if (typed !== "先这样，我下午再弄" && typed !== "算了") expect((await currentStep(e.store, user.userId))?.step.id).toBe(step.id);
    },
  );

  it.each(programs)("%s: a one-word narrative is confirmed before it is saved", async (_id, name) => {
    const { e, user } = newUser();
    const step = await fillUntil(e, user, name, (s) => s.kind === "longText");
    await user.say("好");
    expect(user.lastText()).toContain("确定作为该项内容吗");
    expect((await currentStep(e.store, user.userId))?.step.id).toBe(step.id);
    await user.say("确认");
    expect((await currentStep(e.store, user.userId))?.step.id).not.toBe(step.id);
  });
});

describe("corrections, help and a person, in every form", () => {
  it.each(programs)("%s: 「不对，…应该是…」 changes an earlier answer and stays on the question", async (_id, name) => {
    const { e, user } = newUser();
    const step = await fillUntil(e, user, name, (s) => s.kind === "creditCode" || s.kind === "phone");
    const answered = await draftAnswers(e, user);
    const textKey = Object.keys(answered).find((k) => answered[k] === "测试填写内容");
    expect(textKey).toBeDefined();
    const flowStep = catalog.applications.find((a) => a.shortName === name)!.flow.steps.find((s) => s.id === textKey)!;
    await user.say(`不对，${flowStep.label}应该是福州乙公司`);
    expect(user.lastText()).toContain(`已更正「${flowStep.label}」为：福州乙公司`);
    expect((await draftAnswers(e, user))[textKey!]).toBe("福州乙公司");
    expect((await currentStep(e.store, user.userId))?.step.id).toBe(step.id);
  });

  it.each(programs)("%s: 帮助 explains the step with its clause; the command list is one tap away", async (_id, name) => {
    const { e, user } = newUser();
    await fillUntil(e, user, name, (s) => s.help?.citation !== undefined);
    await user.say("帮助");
    expect(user.lastText()).toContain("填写说明");
    expect(user.lastText()).toContain("出处：");
    await user.press("全部指令");
    expect(user.lastText()).toContain("可用指令");
  });

  it.each(programs)("%s: a request for a person gets the notice's contacts, or says none are printed", async (id, name) => {
    const { e, user } = newUser();
    await fillUntil(e, user, name, () => true);
    await user.say("转人工");
    const program = catalog.programs.find((p) => p.id === id)!;
    if (program.contacts.length > 0) expect(user.lastText()).toContain(program.contacts[0]!.phone!);
    else expect(user.lastText()).toContain("未载明联系人");
  });
});

describe("answers as people give them (self-check)", () => {
  const rows: ReadonlyArray<readonly [asked: string, typed: string, facts: Record<string, unknown>]> = [
    ["province", "厦门的", { province: "福建省", city: "厦门市" }],
    ["province", "福建厦门", { province: "福建省", city: "厦门市" }],
    ["province", "福建省福州市", { province: "福建省", city: "福州市" }],
    ["province", "福州", { province: "福建省", city: "福州市" }],
    ["province", "吉林长春", { province: "吉林省", city: "长春市" }],
    ["province", "晋江", { province: "福建省", city: "泉州市" }],
  ];
  it.each(rows)("%s ← 「%s」", async (_field, typed, facts) => {
    const { e, user } = newUser();
    await user.say("资格自测");
    await user.say(typed);
    expect((await state(e, user)).session.profile).toMatchObject(facts);
  });

  it.each(["无", "不知道啊", "厦门一家公司", "福建长春"])("a place that is not one (「%s」) is re-asked, nothing saved", async (typed) => {
    const { e, user } = newUser();
    await user.say("资格自测");
    await user.say(typed);
    const s = await state(e, user);
    expect(s.session.profile.province).toBeUndefined();
    if (typed !== "不知道啊") expect(user.lastText()).toMatch(/没能识别|对不上/);
  });

  it("rough figures, losses and everyday words through a whole self-check", async () => {
    const { e, user } = newUser();
    await user.say("资格自测");
    const typed: Record<string, string> = {
      province: "吉林长春",
      independentLegalEntity: "是的",
      kinds: "1",
      profitLastYearWan: "亏了200万",
      revenueLastYearWan: "八千万左右",
      employees: "800人左右",
    };
    for (let i = 0; i < 30; i++) {
      const m = (await state(e, user)).session.mode;
      if (m.kind !== "questionnaire" || !m.field) break;
      await user.say(typed[m.field] ?? "不太清楚");
    }
    const p = (await state(e, user)).session.profile;
    expect(p).toMatchObject({ province: "吉林省", city: "长春市", profitLastYearWan: -200 });
    expect(user.transcript.map((x) => x.text).join("\n")).toMatch(/❌ 吉林示范项目/);
  });

  it("a rough figure near a threshold is confirmed before it is saved", async () => {
    const { e, user } = newUser();
    await user.say("资格自测");
    for (let i = 0; i < 20; i++) {
      const m = (await state(e, user)).session.mode;
      if (m.kind !== "questionnaire" || !m.field) break;
      if (m.field === "revenueLastYearWan") break;
      const answers: Record<string, string> = { province: "福州", independentLegalEntity: "是", kinds: "1", dishonestListed: "没有啊" };
      await user.say(answers[m.field] ?? "不清楚");
    }
    expect((await state(e, user)).session.mode).toMatchObject({ field: "revenueLastYearWan" });
    await user.say("三千万左右"); // 3000 万元 is the platform threshold
    expect(user.lastText()).toContain("接近某个项目的门槛");
    expect((await state(e, user)).session.profile.revenueLastYearWan).toBeUndefined();
    await user.say("确认");
    expect((await state(e, user)).session.profile.revenueLastYearWan).toBe(3000);
  });
});

describe("corrections and re-runs in the self-check", () => {
  it("「省份填错了，应该是福建省」 changes the province; the verdicts follow", async () => {
    const { e, user } = newUser();
    await user.say("资格自测");
    await user.say("广东");
    expect(user.lastText()).toContain("不在福建省");
    await user.say("资格自测");
    expect(user.last().buttons.map((b) => b.label)).toContain("修改回答");
    await user.say("省份填错了，应该是福建省");
    expect(user.lastText()).toContain("已更正「所在省份」为：福建省");
    expect((await state(e, user)).session.profile.province).toBe("福建省");
  });

  it("修改 lists the answers; a number re-asks that fact", async () => {
    const { e, user } = newUser();
    await user.say("资格自测");
    await user.say("福建省");
    await user.say("修改");
    expect(user.lastText()).toContain("1. 所在省份：福建省");
    await user.say("1");
    await user.say("吉林");
    expect((await state(e, user)).session.profile.province).toBe("吉林省");
  });
});

describe("returning users, history and naming a program", () => {
  it.each(["你好", "在吗"])("「%s」 after a pause: greeted with the paused form and a resume button", async (hello) => {
    const { e, user } = newUser();
    await user.say("我想申报先进级智能工厂");
    await user.say("跳过");
    await user.say("先这样，我下午再弄");
    expect((await state(e, user)).session.mode.kind).toBe("idle");
    await user.say(hello);
    expect(user.lastText()).toContain("您上次在填写《福建省先进级智能工厂申报书》");
    await user.press("继续填写");
    expect((await currentStep(e.store, user.userId))?.step.label).toBe("企业名称");
  });

  it("a question naming a program does not start its form; a button offers it", async () => {
    const { e, user } = newUser();
    await user.say("吉林示范项目有什么申报要求？");
    expect((await state(e, user)).session.mode.kind).toBe("idle");
    expect(Object.keys((await state(e, user)).drafts)).toHaveLength(0);
    expect(user.last().buttons.map((b) => b.label)).toContain("按往年通知准备：吉林示范项目");
    await user.say("我们公司叫长春甲公司"); // not saved anywhere
    expect(Object.keys((await state(e, user)).drafts)).toHaveLength(0);
  });

  it("「吉林长春的汽车零部件企业能申报啥」 starts the self-check (place taken from the message), not a form", async () => {
    const { e, user } = newUser();
    await user.say("吉林长春的汽车零部件企业能申报啥");
    const s = await state(e, user);
    expect(s.session.mode).toMatchObject({ kind: "questionnaire", field: "independentLegalEntity" });
    expect(s.session.profile).toMatchObject({ province: "吉林省", city: "长春市" });
    expect(user.transcript.map((m) => m.text).join("\n")).toContain("企业所在地：吉林省长春市");
    expect(Object.keys(s.drafts)).toHaveLength(0);
  });

  it("「我们公司能报什么？」 names no place: the self-check asks the province", async () => {
    const { e, user } = newUser();
    await user.say("我们公司能报什么？");
    expect((await state(e, user)).session.mode).toMatchObject({ kind: "questionnaire", field: "province" });
  });

  it("a 2020 notice with no deadline is history in the form's opening note", async () => {
    const { user } = newUser();
    await user.say("我想申报吉林示范项目");
    expect(user.transcript.map((m) => m.text).join("\n")).toContain("已是往年通知");
  });
});

describe("the notice's own constraints, cited", () => {
  it("smart factory: the 项目名称 must end with 智能工厂; the end date cannot precede the start; a worse KPI is confirmed", async () => {
    const { e, user } = newUser();
    await fillUntil(e, user, "先进级智能工厂", (s) => s.id === "project-name");
    await user.say("某某公司新能源电机车间");
    expect(user.lastText()).toContain("应以“智能工厂”结尾");
    expect(user.lastText()).toContain("依据：闽工信函装备〔2025〕123号");
    await user.say("某某公司新能源电机智能工厂");
    for (let i = 0; i < 40; i++) {
      const cur = await currentStep(e.store, user.userId);
      if (!cur || cur.step.id === "start-date") break;
      await user.say(cur.step.optional ? "跳过" : sampleAnswer(cur.step, {}));
    }
    await user.say("2023-06-01");
    await user.say("2022-12-31");
    expect(user.lastText()).toContain("不能早于「起止日期（开始）」");
    await user.say("2024-12-31");
    await user.say("5000万");
    await user.say("5"); // 研制周期缩短(%): a lower value is the improvement
    await user.say("建设前 120 天，建成后 180 天");
    expect(user.lastText()).toContain("指标变差了");
    expect(await draftAnswers(e, user)).not.toHaveProperty(["kpi[rdCycleReduction]"]);
    await user.say("建设前 180 天，建成后 120 天");
    expect((await draftAnswers(e, user))["kpi[rdCycleReduction]"]).toEqual({ before: 180, after: 120 });
  });
});

describe("facts flow both ways between the self-check and the forms", () => {
  it("self-check facts (size class, maturity, revenue) are not asked again in the smart-factory form, and form facts not in the self-check", async () => {
    const { e, user } = newUser();
    await user.say("资格自测");
    const typed: Record<string, string> = {
      province: "福州", independentLegalEntity: "是", kinds: "1", revenueLastYearWan: "8000万", employees: "800",
      dishonestListed: "否", illegalRecordLast3Years: "否", majorAccidentLast3Years: "否", smartMaturityLevel: "2",
      basicSmartFactorySelfAssessed: "是", smartFactoryStages: "全部", projectCompleted: "是", "gate:runs-platform": "否",
    };
    for (let i = 0; i < 30; i++) {
      const m = (await state(e, user)).session.mode;
      if (m.kind !== "questionnaire" || !m.field) break;
      await user.say(typed[m.field] ?? "不清楚");
    }
    await user.press("先进级智能工厂");
    const opening = user.transcript.map((m) => m.text).join("\n");
    expect(opening).toContain("已按您之前提供的企业信息填好");
    expect(opening).toContain("企业类型：中型企业");
    expect(opening).toContain("：二级");
    const asked: string[] = [];
    for (let i = 0; i < 300; i++) {
      const cur = await currentStep(e.store, user.userId);
      if (!cur) break;
      asked.push(cur.step.id);
      await user.say(cur.step.optional ? "跳过" : sampleAnswer(cur.step, (await draftAnswers(e, user)) as never));
    }
    expect(asked).not.toContain("size-class");
    expect(asked).not.toContain("maturity-level");
    expect(asked).not.toContain("major-accident");
    expect(asked).not.toContain("stages");
  });
});

describe("after the verdicts (idle)", () => {
  it.each([
    ["省份填错了，应该是福建省", "福建省"],
    ["不对，省份应该是福州", "福建省"],
  ])("「%s」 changes the province and shows the next question or the verdicts", async (typed, province) => {
    const { e, user } = newUser();
    await user.say("资格自测");
    await user.say("随便写写"); // not a place: asked again
    await user.say("广东");
    expect(user.lastText()).toContain("不在福建省");
    expect((await state(e, user)).session.mode.kind).toBe("idle");
    await user.say(typed);
    expect(user.lastText()).toContain("已更正「所在省份」");
    expect((await state(e, user)).session.profile.province).toBe(province);
    expect((await state(e, user)).session.mode.kind).toBe("questionnaire");
  });

  it("修改 after the verdicts lists the self-check answers", async () => {
    const { user } = newUser();
    await user.say("资格自测");
    await user.say("广东");
    await user.say("修改");
    expect(user.lastText()).toContain("1. 所在省份：广东省");
  });
});

describe("doubtful answers wait for 确认, and only for the question on screen", () => {
  it("a rough figure in the 申报书 is confirmed; after a pause 「确认」 no longer saves it", async () => {
    const { e, user } = newUser();
    await fillUntil(e, user, "先进级智能工厂", (s) => s.id === "investment");
    await user.say("五千万左右");
    expect(user.lastText()).toContain("将按 5000 万元 填写");
    expect(await draftAnswers(e, user)).not.toHaveProperty("investment");
    await user.say("确认");
    expect((await draftAnswers(e, user)).investment).toBe(5000);

    await user.say("上一步");
    await user.say("六千万左右");
    await user.say("暂停");
    await user.say("继续");
    await user.say("确认");
    expect((await draftAnswers(e, user)).investment).toBe(5000);
  });
});
