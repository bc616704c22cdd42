import { describe, expect, it } from "vitest";
import { buildCard, foldList, needsCard } from "../../src/bots/feishu/cards.ts";
import { WindowLimiter } from "../../src/bots/feishu/rate-limit.ts";
import { describe as describeLog, Secrets } from "../../src/bots/feishu/secrets.ts";
import { PART_MAX_BYTES, splitText } from "../../src/bots/feishu/split.ts";
import { matchProfile } from "../../src/flows/eligibility/evaluate.ts";
import { chunkLines } from "../../src/flows/engine/review.ts";
import { verdictDetailLines } from "../../src/flows/engine/verdicts.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import type { Profile } from "../../src/flows/eligibility/profile.ts";
import { ConfigError, loadConfig } from "../../src/shared/config.ts";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("splitText: within Feishu's limits", () => {
  it("keeps a short text whole", () => {
    expect(splitText("你好\n世界")).toEqual(["你好\n世界"]);
  });
  it("splits a long text at line breaks; every part fits; nothing is lost", () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i}. ${"政策条款".repeat(20)}`);
    const parts = splitText(lines.join("\n"));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(PART_MAX_BYTES);
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });
  it("cuts a single over-long line between characters (no broken UTF-8)", () => {
    const line = "申".repeat(10_000);
    const parts = splitText(line, 3000);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(3000);
    expect(parts.join("")).toBe(line);
  });
});

describe("cards (JSON 2.0)", () => {
  const profile = {
    province: "福建省",
    city: "福州市",
    independentLegalEntity: true,
    kinds: ["manufacturer"],
    employees: 800,
    revenueLastYearWan: 8000,
    dishonestListed: false,
    illegalRecordLast3Years: false,
    majorAccidentLast3Years: false,
  } as unknown as Profile;
  const verdicts = chunkLines(verdictDetailLines(matchProfile(profile, catalog.programs, "2025-04-01"), () => "截止 2025-05-30"));

  it("a long verdict list folds: one collapsed panel per program with reasons, titled by its first line", () => {
    const text = verdicts[0]!;
    const folded = foldList(text);
    expect(folded).not.toBeNull();
    const panels = folded!.filter((e) => e.tag === "collapsible_panel");
    expect(panels.length).toBeGreaterThanOrEqual(3);
    const first = panels[0] as { expanded: boolean; header: { title: { content: string } }; elements: Array<{ text: { content: string } }> };
    expect(first.expanded).toBe(false);
    expect(first.header.title.content).toMatch(/^\S+ 1\. /);
    expect(first.elements[0]!.text.content).toMatch(/依据：/);
    // Nothing is lost: every line of the text is in a title, a panel or a plain div.
    const shown = JSON.stringify(folded);
    for (const line of text.split("\n").filter((l: string) => l.trim() !== "")) expect(shown).toContain(JSON.stringify(line.trim()).slice(1, -1));
    expect(needsCard(text, [])).toBe(true);
  });

  it("short texts and plain numbered lists stay plain text", () => {
    expect(foldList("1. 甲\n2. 乙\n3. 丙")).toBeNull();
    expect(needsCard("你好", [])).toBe(false);
  });

  it("a pressed card shows the choice and has no buttons", () => {
    const card = buildCard("是否为独立法人？", [{ id: "7.o:yes", label: "是" }], { chosen: "是" });
    expect(JSON.stringify(card)).not.toContain('"button"');
    expect(card.body.elements.at(-1)).toEqual({ tag: "div", text: { tag: "plain_text", content: "✅ 已选择：是", text_color: "green" } });
  });

  it("stays far below Feishu's 30 KB card limit for the engine's largest messages", () => {
    for (const v of verdicts) expect(bytes(JSON.stringify(buildCard(v, [{ id: "9.a:fj-2025-smart-factory-advanced", label: "开始填报：先进级智能工厂" }])))).toBeLessThan(30 * 1024);
  });
});

describe("WindowLimiter: 5 messages/s per chat, 50 requests/s per app", () => {
  it("the sixth message to a chat within a second waits for the first one's second to pass; other chats do not wait", () => {
    let now = 1_000_000;
    const l = new WindowLimiter(5, 1000, () => now);
    expect([1, 2, 3, 4, 5].map(() => l.reserve("oc_a"))).toEqual([0, 0, 0, 0, 0]);
    expect(l.reserve("oc_a")).toBe(1000);
    expect(l.reserve("oc_b")).toBe(0);
    now += 400;
    expect(l.reserve("oc_a")).toBe(600); // the second slot frees at +1000
    now += 5000;
    expect(l.reserve("oc_a")).toBe(0);
  });
  it("50 per second for the app", () => {
    const l = new WindowLimiter(50, 1000, () => 0);
    const waits = Array.from({ length: 120 }, () => l.reserve("app"));
    expect(waits.filter((w) => w === 0)).toHaveLength(50);
    expect(waits.filter((w) => w === 1000)).toHaveLength(50);
    expect(waits.filter((w) => w === 2000)).toHaveLength(20);
  });
});

describe("secrets never reach a log line", () => {
  it("scrubs registered values and any tenant token or bearer header", () => {
    const s = new Secrets();
    s.add("my-app-secret");
    expect(s.scrub("app_secret=my-app-secret x")).toBe("app_secret=[redacted] x");
    expect(s.scrub("Authorization: Bearer t-g1044abcdefghijklmnopqrstu")).not.toContain("t-g1044");
    expect(s.scrub("token t-g1044abcdefghijklmnopqrstuvw")).toBe("token [redacted]");
  });
  it("summarises an axios error without its request body or headers", () => {
    const err = Object.assign(new Error("Request failed with status code 400"), {
      config: { method: "post", url: "http://127.0.0.1:1/open-apis/auth/v3/tenant_access_token/internal?x=1", data: '{"app_secret":"zzz"}', headers: { Authorization: "Bearer t-abc" } },
      response: { status: 400, data: { code: 10014, msg: "app secret invalid" } },
    });
    const line = describeLog([err]);
    expect(line).toBe("Request failed with status code 400 POST /open-apis/auth/v3/tenant_access_token/internal http=400 code=10014 msg=app secret invalid");
  });
});

describe("FEISHU_* configuration", () => {
  const load = (env: Record<string, string>) => () => loadConfig(env);
  it("defaults: long connection on open.feishu.cn", () => {
    const c = loadConfig({ FEISHU_APP_ID: "cli_a1b2c3d4e5f60718", FEISHU_APP_SECRET: "s" });
    expect([c.FEISHU_MODE, c.FEISHU_DOMAIN]).toEqual(["ws", "feishu"]);
    expect(loadConfig({ FEISHU_DOMAIN: "https://open.example.com" }).FEISHU_DOMAIN).toBe("https://open.example.com");
  });
  it.each([
    [{ FEISHU_DOMAIN: "open.feishu.cn" }, "FEISHU_DOMAIN"],
    [{ FEISHU_MODE: "http" }, "FEISHU_MODE"],
    [{ FEISHU_APP_ID: "cli_x" }, "FEISHU_APP_SECRET"],
    [{ FEISHU_APP_ID: "cli_x", FEISHU_APP_SECRET: "s", FEISHU_MODE: "webhook", FEISHU_ENCRYPT_KEY: "k" }, "FEISHU_VERIFICATION_TOKEN"],
  ])("a bad value names the variable: %j", (env, name) => {
    expect(load(env)).toThrow(ConfigError);
    expect(load(env)).toThrow(name);
  });
});
