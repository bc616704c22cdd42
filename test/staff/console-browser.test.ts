/**
 * The staff console in a real browser (Debian's chromium driven by playwright-core, as the web
 * chat's browser test): sign in, upload a notice and confirm it (it then shows in 通知), preview
 * and send a broadcast to two web-chat users who subscribed to 福州市, and read the live report
 * showing both sent. Real service, Redis, broadcast worker. Screenshots in test-artifacts/.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { Redis } from "ioredis";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/app/service.ts";
import { hashPassword } from "../../src/app/staff/console/password.ts";
import { projectRoot } from "../../src/shared/config.ts";
import { artifacts, launchChromium } from "../support/browser.ts";
import { TestRedis } from "../support/redis.ts";
import { inProcessService, serviceEnv } from "../support/service.ts";

declare const document: { querySelectorAll(s: string): { length: number }; documentElement: { scrollWidth: number } };

const PASSWORD = "bureau-console-密码-2026";
const UNIT = "福州市工业和信息化局";

let redis: TestRedis;
let service: Service;
let dir: string;
let prefix: string;
let browser: Browser;
let r: Redis;

beforeAll(async () => {
  redis = await TestRedis.start();
  const s = await serviceEnv({ REDIS_URL: redis.url });
  dir = s.dir;
  prefix = s.env.REDIS_PREFIX!;
  const corpus = path.join(dir, "corpus");
  await fs.cp(path.join(projectRoot, "corpus"), corpus, { recursive: true });
  service = await inProcessService({ ...s.env, CORPUS_DIR: corpus, STAFF_CONSOLE_USERS: `wang:${await hashPassword(PASSWORD)}:${UNIT}` });
  r = new Redis(redis.url);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
  r?.disconnect();
  await redis?.destroy();
  await fs.rm(dir, { recursive: true, force: true });
});

async function phone(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** A web-chat user who types 「订阅 福州市」 and waits for the answer. */
async function subscriber(): Promise<Page> {
  const page = await phone(service.url);
  await page.locator("#menu button").first().waitFor();
  const before = await page.locator("#log > li.msg.bot").count();
  await page.getByLabel("输入消息").fill("订阅 福州市");
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelectorAll("#log > li.msg.bot").length > n, before);
  await expect.poll(() => page.locator("#log").innerText()).toContain("已订阅「福州市」");
  return page;
}

describe("the staff console in a browser", () => {
  it("sign in, upload and confirm a notice, broadcast to two subscribers and read the report", async () => {
    const users = [await subscriber(), await subscriber()];

    // Sign in (the console redirects there first).
    const page = await phone(`${service.url}/staff`);
    await expect.poll(() => page.url()).toMatch(/\/staff\/login$/);
    await page.getByLabel("用户名").fill("wang");
    await page.getByLabel("密码").fill("wrong password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").filter({ hasText: "用户名或密码错误" }).waitFor();
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("heading", { name: "通知与截止日期" }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === "sb_staff")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    const timeline = page.getByRole("list", { name: "截止日期时间线" });
    expect(await timeline.innerText()).toContain("今天 2026-11-22");
    expect(await timeline.innerText()).toContain("已截止"); // the seed notices' deadlines are past
    expect(await page.locator("main").innerText()).not.toContain("5G工厂试点");

    // Upload a notice: its metadata comes back in an editable form; correct the title, confirm.
    await page.getByRole("navigation", { name: "控制台导航" }).getByRole("link", { name: "上传通知" }).click();
    await page.getByLabel("通知文件（txt、pdf、docx）").setInputFiles(path.join(projectRoot, "test/fixtures/notice-xm-2026-5g-factory.txt"));
    await page.getByRole("button", { name: "上传并识别" }).click();
    await page.getByRole("heading", { name: "核对通知信息" }).waitFor();
    const title = page.getByLabel("标题");
    expect(await title.inputValue()).toContain("5G工厂试点项目申报工作的通知");
    expect(await page.getByLabel("文号").inputValue()).toBe("厦工信数字〔2026〕58号");
    expect(await page.getByLabel(/截止日期/).inputValue()).toContain("2026-12-15");
    await page.screenshot({ path: path.join(artifacts, "staff-console-upload.png"), fullPage: true });
    await page.getByRole("button", { name: "确认发布" }).click();
    await page.getByRole("status").filter({ hasText: "已发布" }).waitFor();
    await page.getByRole("navigation", { name: "控制台导航" }).getByRole("link", { name: "通知", exact: true }).click();
    const notices = await page.locator("main").innerText();
    expect(notices).toContain("5G工厂试点项目申报工作的通知");
    expect(notices).toMatch(/2026-12-15 还有 23 天/);
    await page.screenshot({ path: path.join(artifacts, "staff-console-notices.png"), fullPage: true });

    // Broadcast to the region: preview with the count, then send; the report fills in live.
    await page.getByRole("navigation", { name: "控制台导航" }).getByRole("link", { name: "群发", exact: true }).click();
    await page.getByLabel("正文").fill("厦门市5G工厂试点项目开始申报，截止 2026-12-15。");
    await page.getByLabel("地区的订阅者").check();
    await page.getByLabel("地区（如 福州市）").fill("福州市");
    await page.getByRole("button", { name: "预览覆盖人数" }).click();
    await page.getByRole("status").filter({ hasText: "将发送给 2 个对话（受众：地区「福州市」）" }).waitFor();
    await page.getByRole("button", { name: "确认群发" }).click();
    await page.getByRole("heading", { name: /群发报告/ }).waitFor();
    await expect.poll(() => page.locator('[data-field="sent"]').innerText(), { timeout: 30_000 }).toBe("2");
    await expect.poll(() => page.locator('[data-field="state"]').innerText(), { timeout: 30_000 }).toBe("已完成");
    expect(await page.locator('[data-field="failed"]').innerText()).toBe("0");
    expect(await page.locator('[data-field="blocked"]').innerText()).toBe("0");
    expect(await page.locator('[data-field="queued"]').innerText()).toBe("2");
    await page.screenshot({ path: path.join(artifacts, "staff-console-report.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Both chats got it, with how to unsubscribe.
    for (const u of users) {
      await expect.poll(() => u.locator("#log").innerText(), { timeout: 30_000 }).toContain("厦门市5G工厂试点项目开始申报");
      expect(await u.locator("#log").innerText()).toContain("退订");
    }

    // The audit log shows who did what.
    await page.getByRole("navigation", { name: "控制台导航" }).getByRole("link", { name: "审计日志" }).click();
    const log = await page.locator("main").innerText();
    for (const action of ["登录", "登录失败", "上传通知", "确认发布通知", "群发"]) expect(log).toContain(action);
    expect(log).toContain("wang");
    await page.screenshot({ path: path.join(artifacts, "staff-console-audit.png"), fullPage: false });

    // Signing out ends the session: the console sends the browser back to the sign-in.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("status").filter({ hasText: "已退出登录" }).waitFor();
    await page.goto(`${service.url}/staff/broadcasts`);
    await expect.poll(() => page.url()).toMatch(/\/staff\/login$/);
    for (const p of [page, ...users]) await p.context().close();
  }, 180_000);
});
