import { describe, expect, it } from "vitest";
import { escapeHtml, splitText } from "../../src/bots/telegram/html.ts";
import { inlineKeyboard } from "../../src/bots/telegram/keyboard.ts";
import { redactError } from "../../src/bots/telegram/redact.ts";
import { telegramTexts } from "../../src/bots/telegram/texts.ts";
import { COMMANDS } from "../../src/flows/engine/messages.ts";
import { ConfigError, loadConfig } from "../../src/shared/config.ts";

const TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

describe("Telegram configuration (TELEGRAM_*)", () => {
  it("defaults: no bot, polling, the public Bot API", () => {
    const c = loadConfig({});
    expect([c.TELEGRAM_BOT_TOKEN, c.TELEGRAM_MODE, c.TELEGRAM_API_ROOT]).toEqual([undefined, "polling", "https://api.telegram.org"]);
  });

  it("a self-hosted Bot API root loses its trailing slash", () => {
    expect(loadConfig({ TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).TELEGRAM_API_ROOT).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "TELEGRAM_BOT_TOKEN"],
    [{ TELEGRAM_API_ROOT: "ftp://example.cn" }, "TELEGRAM_API_ROOT"],
    [{ TELEGRAM_MODE: "push" }, "TELEGRAM_MODE"],
    [{ TELEGRAM_WEBHOOK_URL: "http://bot.example.cn/hook" }, "TELEGRAM_WEBHOOK_URL"],
    [{ TELEGRAM_WEBHOOK_SECRET: "short" }, "TELEGRAM_WEBHOOK_SECRET"],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: "webhook" }, "TELEGRAM_WEBHOOK_URL: required when TELEGRAM_MODE=webhook"],
  ])("%o is refused, naming %s", (env, named) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(named);
  });

  it("a bad token is named, never shown", () => {
    const bad = "123:short-secret-value";
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: bad })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: bad })).not.toThrow(/short-secret-value/);
  });

  it("webhook mode with URL and secret", () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.cn/telegram/hook", TELEGRAM_WEBHOOK_SECRET: "0123456789abcdef" });
    expect([c.TELEGRAM_MODE, c.TELEGRAM_WEBHOOK_URL]).toEqual(["webhook", "https://bot.example.cn/telegram/hook"]);
  });
});

describe("HTML text and splitting", () => {
  it("escapes what parse_mode HTML requires", () => {
    expect(escapeHtml("a<b>&c\"'")).toBe("a&lt;b&gt;&amp;c\"'");
  });

  it("keeps text up to 4,096 characters whole", () => {
    const t = "字".repeat(4096);
    expect(splitText(t)).toEqual([t]);
  });

  it("splits at the last paragraph break, then a line break, then hard", () => {
    const a = "甲".repeat(3000);
    const b = "乙".repeat(3000);
    expect(splitText(`${a}\n\n${b}`)).toEqual([a, b]);
    expect(splitText(`${a}\n${b}`)).toEqual([a, b]);
    const long = "丙".repeat(9000);
    expect(splitText(long).map((p) => p.length)).toEqual([4096, 4096, 808]);
  });

  it("never cuts a surrogate pair", () => {
    const t = `${"x".repeat(4095)}😀tail`;
    const parts = splitText(t);
    expect(parts[0]).toBe("x".repeat(4095));
    expect(parts.join("")).toBe(t);
  });
});

describe("inline keyboards", () => {
  const b = (text: string) => ({ text, callback_data: text });
  it("packs short labels three a row and gives long ones their own", () => {
    expect(inlineKeyboard([b("是"), b("否"), b("跳过"), b("上一步"), b("沿用：福建省福州市"), b("暂停")]).inline_keyboard.map((r) => r.map((x) => x.text))).toEqual([
      ["是", "否", "跳过"],
      ["上一步"],
      ["沿用：福建省福州市"],
      ["暂停"],
    ]);
  });
});

describe("token redaction", () => {
  it("removes the token from message, stack, wrapped error and cause", () => {
    const inner = new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`);
    const outer = Object.assign(new Error("Network request for 'getMe' failed!", { cause: new Error(`at /bot${TOKEN}/`) }), { error: inner });
    redactError(outer, TOKEN);
    expect([inner.message, inner.stack, (outer.cause as Error).message, outer.stack].join("\n")).not.toContain(TOKEN);
    expect(inner.message).toContain("/bot<token>/getMe");
  });
});

it("every command has a Chinese description within Telegram's limits", () => {
  for (const c of COMMANDS) {
    const d = telegramTexts.commands[c];
    expect(d.length).toBeGreaterThan(0);
    expect(d.length).toBeLessThanOrEqual(256);
  }
});
