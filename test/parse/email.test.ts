import { describe, expect, it } from "vitest";
import { parseEmail, type EmailErrorCode } from "../../src/flows/parse/index.ts";

describe("parseEmail: accepted", () => {
  it.each<[string, string]>([
    ["fjjxzb@gxt.fujian.gov.cn", "fjjxzb@gxt.fujian.gov.cn"],
    ["zhangsan@163.com", "zhangsan@163.com"],
    ["12345678@qq.com", "12345678@qq.com"],
    ["Zhang.San@Example.COM", "Zhang.San@example.com"],
    ["li_si+shenbao@company-name.com.cn", "li_si+shenbao@company-name.com.cn"],
    ["  wangwu@126.com  ", "wangwu@126.com"],
    ["abc＠qq．com", "abc@qq.com"],
    ["ａｂｃ＠ＱＱ．ＣＯＭ", "abc@qq.com"],
    ["abc@qq。com", "abc@qq.com"],
    ["mailto:abc@qq.com", "abc@qq.com"],
    ["a@b.co", "a@b.co"],
    ["service@xn--fiqs8s.xn--fiqs8s", "service@xn--fiqs8s.xn--fiqs8s"],
  ])("%j → %s", (input, value) => {
    expect(parseEmail(input)).toEqual({ ok: true, value });
  });
});

describe("parseEmail: rejected", () => {
  it.each<[string, EmailErrorCode]>([
    ["", "EMAIL_EMPTY"],
    ["  ", "EMAIL_EMPTY"],
    ["abc @qq.com", "EMAIL_HAS_SPACES"],
    ["abc@qq .com", "EMAIL_HAS_SPACES"],
    ["abc", "EMAIL_MISSING_AT"],
    ["abc.qq.com", "EMAIL_MISSING_AT"],
    ["a@b@qq.com", "EMAIL_MULTIPLE_AT"],
    ["@qq.com", "EMAIL_LOCAL_INVALID"],
    [".abc@qq.com", "EMAIL_LOCAL_INVALID"],
    ["abc.@qq.com", "EMAIL_LOCAL_INVALID"],
    ["a..b@qq.com", "EMAIL_LOCAL_INVALID"],
    ["张三@qq.com", "EMAIL_LOCAL_INVALID"],
    ["a(b)@qq.com", "EMAIL_LOCAL_INVALID"],
    [`${"a".repeat(65)}@qq.com`, "EMAIL_LOCAL_INVALID"],
    ["abc@", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq", "EMAIL_DOMAIN_INVALID"],
    ["abc@.com", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq.", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq..com", "EMAIL_DOMAIN_INVALID"],
    ["abc@-qq.com", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq-.com", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq.c", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq.com1", "EMAIL_DOMAIN_INVALID"],
    ["abc@qq_mail.com", "EMAIL_DOMAIN_INVALID"],
    ["abc@192.168.1.1", "EMAIL_DOMAIN_INVALID"],
    ["abc@例子.中国", "EMAIL_DOMAIN_INVALID"],
    [`abc@${"a".repeat(64)}.com`, "EMAIL_DOMAIN_INVALID"],
    [`${"a".repeat(64)}@${Array.from({ length: 4 }, () => "b".repeat(60)).join(".")}.cn`, "EMAIL_TOO_LONG"],
  ])("%j → %s", (input, code) => {
    expect(parseEmail(input)).toEqual({ ok: false, code });
  });
});
