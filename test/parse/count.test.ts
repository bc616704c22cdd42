import { describe, expect, it } from "vitest";
import { parseCount, type CountErrorCode, type CountOptions } from "../../src/flows/parse/index.ts";

describe("parseCount: accepted", () => {
  it.each<[string, number]>([
    ["300家", 300],
    ["300", 300],
    ["1万套", 10000],
    ["1.5万", 15000],
    ["1.5万台套", 15000],
    ["一千", 1000],
    ["两百", 200],
    ["十二", 12],
    ["一百零五人", 105],
    ["三千五", 3500],
    ["一万五", 15000],
    ["200人", 200],
    ["200 人", 200],
    ["300个", 300],
    ["一个", 1],
    ["1,200家", 1200],
    ["３００家", 300],
    ["0", 0],
    ["2.0", 2],
    ["12.5万", 125000],
    ["20项", 20],
  ])("%j → %d", (input, value) => {
    expect(parseCount(input)).toEqual({ ok: true, value });
  });

  it("uses the caller's measure words when given", () => {
    const headcount: CountOptions = { units: ["人", "名"] };
    expect(parseCount("86名", headcount)).toEqual({ ok: true, value: 86 });
    expect(parseCount("86", headcount)).toEqual({ ok: true, value: 86 });
    expect(parseCount("86家", headcount)).toEqual({ ok: false, code: "COUNT_WRONG_UNIT", params: { unit: "家" } });
  });
});

describe("parseCount: rejected", () => {
  it.each<[string, CountOptions, CountErrorCode, Record<string, string> | undefined]>([
    ["", {}, "COUNT_EMPTY", undefined],
    ["很多", {}, "COUNT_APPROXIMATE", undefined],
    ["abc", {}, "COUNT_NOT_A_NUMBER", undefined],
    ["共300家", {}, "COUNT_NOT_A_NUMBER", undefined],
    ["-3", {}, "COUNT_NEGATIVE", undefined],
    ["负3家", {}, "COUNT_NEGATIVE", undefined],
    ["1.5", {}, "COUNT_NOT_INTEGER", undefined],
    ["1.23456万", {}, "COUNT_NOT_INTEGER", undefined],
    ["二点五", {}, "COUNT_NOT_INTEGER", undefined],
    ["300多家", {}, "COUNT_APPROXIMATE", undefined],
    ["上百家", {}, "COUNT_APPROXIMATE", undefined],
    ["百余家", {}, "COUNT_APPROXIMATE", undefined],
    ["近百家", {}, "COUNT_APPROXIMATE", undefined],
    ["几十个", {}, "COUNT_APPROXIMATE", undefined],
    ["3-5家", {}, "COUNT_RANGE", undefined],
    ["30到50人", {}, "COUNT_RANGE", undefined],
    ["300 400", {}, "COUNT_MULTIPLE", undefined],
    ["300家、400家", {}, "COUNT_MULTIPLE", undefined],
    ["1万2000", {}, "COUNT_AMBIGUOUS", undefined],
    ["300元", {}, "COUNT_WRONG_UNIT", { unit: "元" }],
    ["30%", {}, "COUNT_WRONG_UNIT", { unit: "%" }],
    ["300家企业", {}, "COUNT_WRONG_UNIT", { unit: "家企业" }],
    ["10000000000000000", {}, "COUNT_TOO_LARGE", undefined],
    ["1001", { max: 1000 }, "COUNT_TOO_LARGE", undefined],
  ])("%j %j → %s", (input, options, code, params) => {
    expect(parseCount(input, options)).toEqual(params ? { ok: false, code, params } : { ok: false, code });
  });

  it("max is inclusive", () => {
    expect(parseCount("1000", { max: 1000 })).toEqual({ ok: true, value: 1000 });
  });
});
