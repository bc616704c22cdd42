/**
 * The web chat in a real browser: Debian's chromium driven by playwright-core (no browser
 * download; .ci/run installs chromium with apt). Real service, real Redis, real worker.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/app/service.ts";
import { chatIdOf } from "../../src/bots/web/session.ts";
import { expandSteps } from "../../src/flows/forms/expand.ts";
import { RedisStateStore } from "../../src/flows/engine/store.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { createLogger } from "../../src/shared/log.ts";
import { sampleAnswer } from "../engine/auto-answer.ts";
import { artifacts, launchChromium } from "../support/browser.ts";
import { TestRedis } from "../support/redis.ts";
import { inProcessService, serviceEnv } from "../support/service.ts";

// The page functions below run in the browser; the test's own types have no DOM.
declare const document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): { textContent: string | null } | null; documentElement: { scrollWidth: number }; activeElement: unknown };


let redis: TestRedis;
let service: Service;
let dir: string;
let prefix: string;
let browser: Browser;
let store: RedisStateStore;
let storeRedis: Redis;

beforeAll(async () => {
  redis = await TestRedis.start();
  const s = await serviceEnv({ REDIS_URL: redis.url });
  dir = s.dir;
  prefix = s.env.REDIS_PREFIX!;
  service = await inProcessService(s.env);
  storeRedis = new Redis(redis.url);
  store = new RedisStateStore(storeRedis, createLogger("silent"), { prefix });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
  storeRedis?.disconnect();
  await redis?.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A phone-sized page with its own session. */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(service.url);
  await page.locator("#menu button").first().waitFor();
  return page;
}

const bots = (page: Page) => page.locator("#log > li.msg.bot");

/** Wait until the page shows more bot messages than `before`, and the reply request is done. */
async function settled(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll("#log > li.msg.bot").length > n, before);
  await page.locator("#activity").filter({ hasText: "正在回复" }).waitFor({ state: "hidden" });
}

async function typeMessage(page: Page, text: string): Promise<void> {
  const before = await bots(page).count();
  await page.getByLabel("输入消息").fill(text);
  await page.keyboard.press("Enter");
  await settled(page, before);
}

async function click(page: Page, label: string, exact = true): Promise<void> {
  const before = await bots(page).count();
  await bots(page).last().getByRole("button", { name: label, exact }).click();
  await settled(page, before);
}

/** The last bot message's own text (without its buttons or link). */
async function lastText(page: Page): Promise<string> {
  return (await bots(page).last().evaluate((el: { childNodes: ArrayLike<{ textContent: string | null }> }) => el.childNodes[1]?.textContent ?? "")).trim();
}

async function chatIdOfPage(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "sb_sid");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  return chatIdOf(cookie!.value)!;
}

const questionnaire: Record<string, string> = {
  是否运营: "否", // the gate questions: no platform, no identifier node
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

describe("the web chat in a browser", () => {
  it("self-check to verdicts by clicking, then a short application to the document download; reload keeps it all", async () => {
    const page = await phone();
    await expect(page.getByRole("navigation", { name: "常用指令" }).getByRole("button", { name: "资格自测" })).toBeTruthy();
    let before = await bots(page).count();
    await page.getByRole("navigation", { name: "常用指令" }).getByRole("button", { name: "资格自测" }).click();
    await settled(page, before);

    for (let i = 0; i < 40 && !(await page.locator("#log").innerText()).includes("资格自测结果"); i++) {
      const text = await lastText(page);
      const tail = text.split("\n").slice(-8).join("");
      const key = Object.keys(questionnaire).find((k) => tail.includes(k));
      const answer = key ? questionnaire[key]! : "不清楚";
      const buttons = bots(page).last().getByRole("button");
      const labels = await buttons.allInnerTexts();
      if (labels.includes(answer)) await click(page, answer);
      else await typeMessage(page, answer);
    }
    const log = await page.locator("#log").innerText();
    await fs.writeFile(path.join(artifacts, "self-check.txt"), log);
    expect(log).toContain("资格自测结果");
    expect(log).toMatch(/✅ .+：硬性条件均满足/); // one line per program and category
    await page.screenshot({ path: path.join(artifacts, "web-phone-verdicts.png"), fullPage: false });

    // Apply from the verdict's button, answering each step as a careful user would.
    // The seed notices are past their deadlines: the button offers to prepare with last year's notice.
    await click(page, "按往年通知准备：先进级智能工厂");
    const chatId = await chatIdOfPage(page);
    for (let i = 0; i < 200; i++) {
      const { state } = await store.load({ channel: "web", userId: chatId });
      const mode = state?.session.mode;
      if (!state || mode?.kind !== "filling") break;
      const draft = state.drafts[mode.draftId]!;
      const entry = catalog.applications.find((a) => a.program.id === draft.programId)!;
      const step = expandSteps(entry.flow.steps, draft.answers).find((s) => s.key === draft.cursor)!.step;
      const labels = await bots(page).last().getByRole("button").allInnerTexts();
      if (step.optional && labels.includes("跳过")) await click(page, "跳过");
      else if (step.kind === "yesNo" && labels.includes("是")) await click(page, "是");
      else if (step.kind === "choice" && labels.length > 0 && !labels.includes("沿用")) await click(page, labels[0]!);
      else await typeMessage(page, step.optional ? "跳过" : sampleAnswer(step, draft.answers));
    }
    expect(await page.locator("#log").innerText()).toContain("确认提交");
    before = await bots(page).count();
    await bots(page).last().getByRole("button", { name: "确认提交" }).click();
    // The link arrives later over the event stream, pushed when the worker is done.
    const link = page.locator("#log a.file").last();
    await link.waitFor({ timeout: 60_000 });
    expect(await link.innerText()).toMatch(/\.docx$/);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/先进级智能工厂.*\.docx$/);
    const saved = path.join(artifacts, "download.docx");
    await download.saveAs(saved);
    expect((await fs.readFile(saved)).subarray(0, 2).toString()).toBe("PK");

    // Another browser (another session) cannot open the link.
    const other = await phone();
    const href = await link.getAttribute("href");
    const refused = await other.request.get(`${service.url}${href}`);
    expect(refused.status()).toBe(404);

    // Reload: the whole conversation comes back from the server.
    const shown = await page.locator("#log > li").count();
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll("#log > li").length >= n, shown);
    expect(await page.locator("#log > li").count()).toBe(shown);
    expect(await page.locator("#log a.file").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(artifacts, "web-phone.png"), fullPage: false });
    // Phone width: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
    await other.context().close();
  }, 240_000);

  it("is usable with the keyboard alone, and a user can delete their data from the page", async () => {
    const page = await phone();
    await page.getByLabel("输入消息").focus();
    await page.keyboard.type("帮助");
    const before = await bots(page).count();
    await page.keyboard.press("Enter");
    await settled(page, before);
    expect(await lastText(page)).toContain("可用指令");
    // Tab reaches the message's buttons; Enter presses one.
    const first = bots(page).last().getByRole("button").first();
    await first.focus();
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    const n = await bots(page).count();
    await page.keyboard.press("Enter");
    await settled(page, n);

    await page.getByRole("navigation", { name: "常用指令" }).getByRole("button", { name: "删除我的数据" }).click();
    await page.waitForFunction(() => document.querySelector("#log > li.msg.bot:last-child")?.textContent?.includes("确定吗"));
    await bots(page).last().getByRole("button", { name: "确认删除" }).click();
    await page.waitForFunction(() => document.querySelector("#log")?.textContent?.includes("已删除您的全部数据"));
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll("#log > li").length >= 1);
    expect(await page.locator("#log > li").allInnerTexts()).toEqual([expect.stringContaining("已删除您的全部数据")]);
    await page.context().close();
  }, 120_000);
});
