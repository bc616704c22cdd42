import { describe, expect, it } from "vitest";
import { parsePercent, type PercentErrorCode, type PercentOptions } from "../../src/flows/parse/index.ts";

describe("parsePercent: accepted", () => {
  it.each<[string, PercentOptions, number]>([
    ["12.5%", {}, 12.5],
    ["12.5", {}, 12.5],
    ["12.5 %", {}, 12.5],
    ["１２．５％", {}, 12.5],
    ["0%", {}, 0],
    ["100%", {}, 100],
    ["150%", {}, 150],
    ["0.35%", {}, 0.35],
    ["百分之十二点五", {}, 12.5],
    ["百分之五", {}, 5],
    ["百分之一百", {}, 100],
    ["-3%", { allowNegative: true }, -3],
    ["负3%", { allowNegative: true }, -3],
    ["负百分之三", { allowNegative: true }, -3],
    ["-0", { allowNegative: true }, 0],
    ["100", { min: 0, max: 100 }, 100],
  ])("%j %j → %d", (input, options, value) => {
    const r = parsePercent(input, options);
    expect(r).toEqual({ ok: true, value });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });
});

describe("parsePercent: rejected", () => {
  it.each<[string, PercentOptions, PercentErrorCode, Record<string, string | number> | undefined]>([
    ["", {}, "PERCENT_EMPTY", undefined],
    ["abc", {}, "PERCENT_NOT_A_NUMBER", undefined],
    ["增长12%", {}, "PERCENT_NOT_A_NUMBER", undefined],
    ["12万%", {}, "PERCENT_NOT_A_NUMBER", undefined],
    ["-3%", {}, "PERCENT_NEGATIVE", undefined],
    ["负3%", {}, "PERCENT_NEGATIVE", undefined],
    ["约12%", {}, "PERCENT_APPROXIMATE", undefined],
    ["12%左右", {}, "PERCENT_APPROXIMATE", undefined],
    ["10%以上", {}, "PERCENT_APPROXIMATE", undefined],
    ["10%-20%", {}, "PERCENT_RANGE", undefined],
    ["10到20", {}, "PERCENT_RANGE", undefined],
    ["10%、20%", {}, "PERCENT_MULTIPLE", undefined],
    ["12.5‰", {}, "PERCENT_WRONG_UNIT", { unit: "‰" }],
    ["12%%", {}, "PERCENT_WRONG_UNIT", { unit: "%%" }],
    ["12元", {}, "PERCENT_WRONG_UNIT", { unit: "元" }],
    ["百分之五%", {}, "PERCENT_WRONG_UNIT", { unit: "%" }],
    ["150%", { min: 0, max: 100 }, "PERCENT_OUT_OF_RANGE", { min: 0, max: 100 }],
    ["-5%", { allowNegative: true, min: -3 }, "PERCENT_OUT_OF_RANGE", { min: -3 }],
    ["101", { max: 100 }, "PERCENT_OUT_OF_RANGE", { max: 100 }],
  ])("%j %j → %s", (input, options, code, params) => {
    expect(parsePercent(input, options)).toEqual(params ? { ok: false, code, params } : { ok: false, code });
  });
});
