import { describe, expect, it } from "vitest";
import { parseMoneyWan, type MoneyErrorCode } from "../../src/flows/parse/index.ts";

describe("parseMoneyWan: accepted amounts (万元)", () => {
  it.each<[string, number]>([
    ["3000万", 3000],
    ["3000万元", 3000],
    ["3千万", 3000],
    ["三千万元", 3000],
    ["1.2亿", 12000],
    ["1亿2千万", 12000],
    ["一亿两千万", 12000],
    ["8,000万元", 8000],
    ["8，000万元", 8000],
    ["30000000元", 3000],
    ["3000 万", 3000],
    ["两个亿", 20000],
    ["2个亿", 20000],
    ["0.5亿元", 5000],
    ["500万", 500],
    ["３０００万", 3000],
    ["３０００万元", 3000],
    ["十万", 10],
    ["一百二十万", 120],
    ["二十万", 20],
    ["1,234.5万", 1234.5],
    ["500千元", 50],
    ["1.5千万", 1500],
    ["3000w", 3000],
    ["3000W元", 3000],
    ["¥3000", 0.3],
    ["￥3,000,000", 300],
    ["人民币3000万元", 3000],
    ["3000万元人民币", 3000],
    ["RMB 3000万", 3000],
    ["3000元整", 0.3],
    ["5000块", 0.5],
    ["3000万元。", 3000],
    ["  3000万  ", 3000],
    ["壹仟贰佰万元", 1200],
    ["一千二百三十四万五千六百七十八元", 1234.5678],
    ["一万零五百元", 1.05],
    ["1万零500元", 1.05],
    // colloquial shorthand: the trailing digit takes the next lower unit
    ["一万五", 1.5],
    ["1万5", 1.5],
    ["两亿三", 23000],
    ["1亿2", 12000],
    ["一亿零五百万", 10500],
    ["十亿零五万", 100005],
    ["1亿2千5百万", 12500],
    ["一万二千五", 1.25],
    ["三千五百万", 3500],
    // 点 as the decimal point (speech input)
    ["一点二亿", 12000],
    ["十二点五万", 12.5],
    ["1 亿 2 千万", 12000],
    ["1万亿", 100000000],
    ["0万元", 0],
    ["零元", 0],
  ])("%s → %d 万元", (input, wan) => {
    const r = parseMoneyWan(input);
    expect(r).toMatchObject({ ok: true, value: wan });
  });

  it.each<[string, string]>([
    ["1.2亿", "12000"],
    ["0.1亿", "1000"],
    ["0.3亿", "3000"],
    ["1.23456789亿", "12345.6789"],
    ["30000000元", "3000"],
    ["3元", "0.0003"],
    ["0.07亿", "700"],
  ])("%s is exact: %s 万元", (input, exact) => {
    const r = parseMoneyWan(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.exact).toBe(exact);
    expect(r.value).toBe(Number(exact));
  });

  it.each<[string, number]>([
    ["0.57亿", 5700],
    ["0.07亿", 700],
    ["1.005亿", 10050],
    ["2.3亿", 23000],
  ])("%s is exactly %d although naive float arithmetic is not", (input, wan) => {
    const naive = Number.parseFloat(input) * 1e8 / 1e4;
    expect(naive).not.toBe(wan);
    expect(parseMoneyWan(input)).toMatchObject({ ok: true, value: wan });
  });
});

describe("parseMoneyWan: bare numbers and defaultUnit", () => {
  it.each<[string, "wan" | "yuan" | undefined, number | MoneyErrorCode]>([
    ["1500", undefined, "MONEY_NEEDS_UNIT"],
    ["1500", "wan", 1500],
    ["1500", "yuan", 0.15],
    ["3千", undefined, "MONEY_NEEDS_UNIT"],
    ["3千", "wan", 3000],
    ["0", "wan", 0],
    ["1500万", "wan", 1500], // an explicit 万 wins over the default
    ["1500万", "yuan", 1500],
    ["1500元", "wan", 0.15], // an explicit 元 wins over the default
    ["¥1500", "wan", 0.15],
    ["人民币1500", undefined, "MONEY_NEEDS_UNIT"],
    ["人民币1500", "wan", 1500],
  ])("%s with defaultUnit %s → %s", (input, defaultUnit, expected) => {
    const r = parseMoneyWan(input, defaultUnit ? { defaultUnit } : {});
    if (typeof expected === "number") expect(r).toMatchObject({ ok: true, value: expected });
    else expect(r).toEqual({ ok: false, code: expected });
  });
});

describe("parseMoneyWan: rejections", () => {
  it.each<[string, MoneyErrorCode]>([
    ["", "MONEY_EMPTY"],
    ["   ", "MONEY_EMPTY"],
    ["。", "MONEY_EMPTY"],
    ["-500万", "MONEY_NEGATIVE"],
    ["－500万", "MONEY_NEGATIVE"],
    ["负五百万", "MONEY_NEGATIVE"],
    ["3000多万", "MONEY_APPROXIMATE"],
    ["3000余万元", "MONEY_APPROXIMATE"],
    ["几千万", "MONEY_APPROXIMATE"],
    ["约3000万", "MONEY_APPROXIMATE"],
    ["大约3000万", "MONEY_APPROXIMATE"],
    ["3000万左右", "MONEY_APPROXIMATE"],
    ["近3000万", "MONEY_APPROXIMATE"],
    ["上千万", "MONEY_APPROXIMATE"],
    ["数千万", "MONEY_APPROXIMATE"],
    ["3000万以上", "MONEY_APPROXIMATE"],
    ["超过1亿", "MONEY_APPROXIMATE"],
    ["不到500万", "MONEY_APPROXIMATE"],
    ["500万以内", "MONEY_APPROXIMATE"],
    ["十来万", "MONEY_APPROXIMATE"],
    ["三五千万", "MONEY_APPROXIMATE"],
    ["七八百万", "MONEY_APPROXIMATE"],
    ["1亿+", "MONEY_APPROXIMATE"],
    ["~3000万", "MONEY_APPROXIMATE"],
    ["3千万到5千万", "MONEY_RANGE"],
    ["3000万-5000万", "MONEY_RANGE"],
    ["3000万至5000万元", "MONEY_RANGE"],
    ["3000~5000万", "MONEY_RANGE"],
    ["3-5千万", "MONEY_RANGE"],
    ["3000万 5000万", "MONEY_MULTIPLE"],
    ["3000万,5000万", "MONEY_MULTIPLE"],
    ["3000万、5000万", "MONEY_MULTIPLE"],
    ["3000万或5000万", "MONEY_MULTIPLE"],
    ["3000 5000", "MONEY_MULTIPLE"],
    ["3000,5000", "MONEY_MULTIPLE"],
    ["1亿2000", "MONEY_AMBIGUOUS"],
    ["3000万500", "MONEY_AMBIGUOUS"],
    ["一亿两千", "MONEY_AMBIGUOUS"],
    ["1亿2千5", "MONEY_AMBIGUOUS"],
    ["1亿零500", "MONEY_AMBIGUOUS"],
    ["1亿2.5", "MONEY_AMBIGUOUS"],
    ["abc", "MONEY_NOT_A_NUMBER"],
    ["不知道", "MONEY_NOT_A_NUMBER"],
    ["万", "MONEY_NOT_A_NUMBER"],
    ["万元", "MONEY_NOT_A_NUMBER"],
    ["营收3000万", "MONEY_NOT_A_NUMBER"],
    ["1.2.3亿", "MONEY_NOT_A_NUMBER"],
    ["3万万", "MONEY_NOT_A_NUMBER"],
    ["二百一千万", "MONEY_NOT_A_NUMBER"],
    ["3000万-", "MONEY_NOT_A_NUMBER"],
    ["3000万美元", "MONEY_NOT_RMB"],
    ["500万美金", "MONEY_NOT_RMB"],
    ["$500万", "MONEY_NOT_RMB"],
    ["500万港币", "MONEY_NOT_RMB"],
    ["100万欧元", "MONEY_NOT_RMB"],
    ["USD 5,000,000", "MONEY_NOT_RMB"],
    ["3000刀", "MONEY_NOT_RMB"],
    ["10000000000万", "MONEY_TOO_LARGE"],
    ["1000000亿", "MONEY_TOO_LARGE"],
  ])("%s → %s", (input, code) => {
    expect(parseMoneyWan(input, { defaultUnit: "wan" })).toEqual({ ok: false, code });
  });

  it.each<[string, string]>([
    ["3000人", "人"],
    ["3000万人", "人"],
    ["300家", "家"],
    ["12%", "%"],
    ["50亩", "亩"],
  ])("%s → MONEY_WRONG_UNIT naming %s", (input, unit) => {
    expect(parseMoneyWan(input)).toEqual({ ok: false, code: "MONEY_WRONG_UNIT", params: { unit } });
  });

  it("the 1e9 万元 ceiling is inclusive and configurable", () => {
    expect(parseMoneyWan("100000亿")).toMatchObject({ ok: true, value: 1e9 });
    expect(parseMoneyWan("100000.0001亿")).toEqual({ ok: false, code: "MONEY_TOO_LARGE" });
    expect(parseMoneyWan("2亿", { maxWan: 10000 })).toEqual({ ok: false, code: "MONEY_TOO_LARGE" });
    expect(parseMoneyWan("1亿", { maxWan: 10000 })).toMatchObject({ ok: true, value: 10000 });
  });
});
