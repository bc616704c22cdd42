import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  countSchema,
  creditCodeSchema,
  dateSchema,
  emailSchema,
  moneyWanSchema,
  parseFailureFromZod,
  percentSchema,
  phoneSchema,
  zodParseErrorText,
} from "../../src/flows/parse/index.ts";

const applicant = z.object({
  revenueWan: moneyWanSchema({ defaultUnit: "wan" }),
  creditCode: creditCodeSchema(),
  phone: phoneSchema({ defaultAreaCode: "0591" }),
  email: emailSchema(),
  foundedOn: dateSchema(),
  employees: countSchema({ units: ["人", "名"] }),
  rdShare: percentSchema({ min: 0, max: 100 }),
});

const good = {
  revenueWan: "1.2亿",
  creditCode: "9111 0000 8021 0043 3b",
  phone: "83321894",
  email: "Li@Example.com",
  foundedOn: "2015年3月8日",
  employees: "320人",
  rdShare: "5.5%",
};

describe("zod schemas", () => {
  it("output the parsed values", () => {
    expect(applicant.parse(good)).toEqual({
      revenueWan: 12000,
      creditCode: "91110000802100433B",
      phone: "0591-83321894",
      email: "Li@example.com",
      foundedOn: "2015-03-08",
      employees: 320,
      rdShare: 5.5,
    });
  });

  it.each<[keyof typeof good, string, string, string]>([
    ["revenueWan", "3000多万", "MONEY_APPROXIMATE", "请填写确切金额"],
    ["creditCode", "91110000802100433", "CREDIT_CODE_LENGTH", "您输入了17位"],
    ["creditCode", "91110000802100433C", "CREDIT_CODE_CHECK", "第18位校验不通过"],
    ["phone", "1380013800", "PHONE_MOBILE_LENGTH", "您输入了10位"],
    ["email", "abc@", "EMAIL_DOMAIN_INVALID", "域名"],
    ["foundedOn", "2023年2月29日", "DATE_INVALID_DAY", "2023年2月没有29日"],
    ["employees", "320家", "COUNT_WRONG_UNIT", "“家”"],
    ["rdShare", "120%", "PERCENT_OUT_OF_RANGE", "0%到100%"],
  ])("%s = %j fails with %s and a Chinese message", (field, input, code, fragment) => {
    const r = applicant.safeParse({ ...good, [field]: input });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(1);
    expect(r.error.issues[0]).toMatchObject({ code: "custom", message: code, path: [field] });
    expect(parseFailureFromZod(r.error)).toMatchObject({ ok: false, code });
    expect(zodParseErrorText(r.error)).toContain(fragment);
  });

  it("carries params through the issue", () => {
    const r = creditCodeSchema().safeParse("91A10000802100433B");
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(parseFailureFromZod(r.error)).toEqual({
      ok: false,
      code: "CREDIT_CODE_DIVISION",
      params: { position: 3, char: "A" },
    });
  });

  it("returns undefined for issues that are not parse failures", () => {
    const r = moneyWanSchema().safeParse(3000);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]?.code).toBe("invalid_type");
    expect(parseFailureFromZod(r.error)).toBeUndefined();
    expect(zodParseErrorText(r.error)).toBeUndefined();
  });
});
