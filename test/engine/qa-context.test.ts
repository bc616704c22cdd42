import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knowledgePort } from "../../src/app/knowledge-port.ts";
import { QA_CONTEXT_MS } from "../../src/flows/engine/store.ts";
import { qaTexts } from "../../src/knowledge/texts.ts";
import { fixedClock, type Clock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";
import { ChatUser } from "../support/chat.ts";
import { tempKnowledgeBase } from "../support/knowledge.ts";
import { engineHarness } from "./harness.ts";

/** Follow-up questions in a chat: what people type after a first answer, naming no notice. */
const h = engineHarness();
let kb: Awaited<ReturnType<typeof tempKnowledgeBase>>;
beforeAll(async () => {
  kb = await tempKnowledgeBase("2026-11-22");
});
afterAll(() => kb.cleanup());

/** A clock the test moves forward. */
function movingClock(iso: string): Clock & { advance(ms: number): void } {
  let now = new Date(`${iso}T02:00:00Z`).getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const knowledge = () => knowledgePort(kb.kb, createLogger("silent"), fixedClock("2026-11-22"));

describe("a follow-up question naming no notice", () => {
  it("is answered from the notice the last answer quoted", async () => {
    const { user } = h.user({ knowledge: knowledge() });
    await user.say("先进级智能工厂是哪天截止的");
    expect(user.lastText()).toContain("先进级智能工厂");
    await user.say("那纸质材料要交几份");
    expect(user.lastText()).toContain("一式四份");
    expect(user.lastText()).not.toContain(qaTexts.severalNotices);
  });

  it("without a conversation before it, quotes every notice that answers it", async () => {
    const { user } = h.user({ knowledge: knowledge() });
    await user.say("纸质材料要交几份");
    expect(user.lastText()).toContain(qaTexts.severalNotices);
  });

  it("a question naming another program leaves the conversation's notice", async () => {
    const { user } = h.user({ knowledge: knowledge() });
    await user.say("先进级智能工厂是哪天截止的");
    await user.say("融合发展项目纸质申报书要几份");
    expect(user.lastText()).toContain("纸质一式三份");
    await user.say("那电子版发到哪");
    expect(user.lastText()).toContain("融合发展");
  });

  it("forgets the notice after half an hour", async () => {
    const clock = movingClock("2026-11-22");
    const { user } = h.user({ knowledge: knowledge(), clock });
    await user.say("先进级智能工厂是哪天截止的");
    clock.advance(QA_CONTEXT_MS + 60_000);
    await user.say("纸质材料要交几份");
    expect(user.lastText()).toContain(qaTexts.severalNotices);
  });

  it("while filling a 申报书, a question is about that program's notice", async () => {
    const { user } = h.user({ knowledge: knowledge() });
    await user.say("我想申报先进级智能工厂");
    await user.say("纸质材料要交几份？");
    expect(user.lastText()).toContain("一式四份");
    expect(user.lastText()).not.toContain(qaTexts.severalNotices);
  });

  it("is dropped with 删除我的数据", async () => {
    const e = h.env({ knowledge: knowledge() });
    const user = new ChatUser(e.engine);
    await user.say("先进级智能工厂是哪天截止的");
    const key = e.store.keyOf({ channel: "console", userId: user.userId });
    expect(await e.redis.hget(key, "q")).toContain("fj-2025-smart-factory-advanced");
    await user.say("删除我的数据");
    await user.press("确认删除");
    expect(await e.redis.exists(key)).toBe(0);
  });
});
