import { describe, expect, it } from "vitest";
import { parseDate, type DateErrorCode, type DateOptions } from "../../src/flows/parse/index.ts";

describe("parseDate: day precision", () => {
  it.each<[string, string]>([
    ["2024年5月30日", "2024-05-30"],
    ["2024年05月30日", "2024-05-30"],
    ["2024年5月30号", "2024-05-30"],
    ["2024年5月30", "2024-05-30"],
    ["2024 年 5 月 30 日", "2024-05-30"],
    ["２０２４年５月３０日", "2024-05-30"],
    ["2024-05-30", "2024-05-30"],
    ["2024-5-30", "2024-05-30"],
    ["2024/5/30", "2024-05-30"],
    ["2024/05/30", "2024-05-30"],
    ["2024.5.30", "2024-05-30"],
    ["20240530", "2024-05-30"],
    ["2024年5月30日。", "2024-05-30"],
    ["二〇二五年三月二十一日", "2025-03-21"],
    ["二零二五年三月二十一日", "2025-03-21"],
    ["二〇二四年十二月三十一日", "2024-12-31"],
    ["二〇二四年十月十日", "2024-10-10"],
    ["二〇二四年十一月五日", "2024-11-05"],
    ["2024年2月29日", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["2025-01-01", "2025-01-01"],
  ])("%j → %s", (input, iso) => {
    const r = parseDate(input);
    expect(r).toMatchObject({ ok: true, value: iso, precision: "day" });
  });

  it("returns the components", () => {
    expect(parseDate("二〇二五年三月二十一日")).toEqual({
      ok: true,
      value: "2025-03-21",
      precision: "day",
      year: 2025,
      month: 3,
      day: 21,
    });
  });
});

describe("parseDate: month precision", () => {
  it.each<[string, string]>([
    ["2024年5月", "2024-05"],
    ["2024年12月", "2024-12"],
    ["二〇二五年三月", "2025-03"],
    ["2024-05", "2024-05"],
    ["2024/5", "2024-05"],
    ["2024.5", "2024-05"],
  ])("%j → %s", (input, value) => {
    expect(parseDate(input)).toEqual({
      ok: true,
      value,
      precision: "month",
      year: Number(value.slice(0, 4)),
      month: Number(value.slice(5)),
    });
  });
});

describe("parseDate: without a year", () => {
  it.each<[string, DateOptions, string | DateErrorCode]>([
    ["5月30日", {}, "DATE_NEEDS_YEAR"],
    ["5月30日", { referenceYear: 2025 }, "2025-05-30"],
    ["五月三十日", { referenceYear: 2025 }, "2025-05-30"],
    ["5/30", {}, "DATE_NEEDS_YEAR"],
    ["5/30", { referenceYear: 2024 }, "2024-05-30"],
    ["5-30", { referenceYear: 2024 }, "2024-05-30"],
    ["5月", { referenceYear: 2024 }, "2024-05"],
    ["2月29日", { referenceYear: 2024 }, "2024-02-29"],
    ["2月29日", { referenceYear: 2025 }, "DATE_INVALID_DAY"],
    ["2023年5月30日", { referenceYear: 2025 }, "2023-05-30"], // an explicit year wins
  ])("%j with %j → %s", (input, options, expected) => {
    const r = parseDate(input, options);
    if (expected.startsWith("DATE_")) expect(r).toMatchObject({ ok: false, code: expected });
    else expect(r).toMatchObject({ ok: true, value: expected });
  });
});

describe("parseDate: rejected", () => {
  it.each<[string, DateOptions, DateErrorCode, Record<string, number> | undefined]>([
    ["", {}, "DATE_EMPTY", undefined],
    ["  ", {}, "DATE_EMPTY", undefined],
    ["明天", {}, "DATE_INVALID_FORMAT", undefined],
    ["30/5/2024", {}, "DATE_INVALID_FORMAT", undefined],
    ["2024-05/30", {}, "DATE_INVALID_FORMAT", undefined],
    ["2024年5月30日下午", {}, "DATE_INVALID_FORMAT", undefined],
    ["2024-05-30 17:00", {}, "DATE_INVALID_FORMAT", undefined],
    ["2024年五十月", {}, "DATE_INVALID_FORMAT", undefined],
    ["24.5", {}, "DATE_INVALID_MONTH", { month: 24 }],
    ["13/5", {}, "DATE_INVALID_MONTH", { month: 13 }],
    ["24年5月30日", {}, "DATE_TWO_DIGIT_YEAR", undefined],
    ["二五年三月", {}, "DATE_TWO_DIGIT_YEAR", undefined],
    ["24/5/30", {}, "DATE_TWO_DIGIT_YEAR", undefined],
    ["2024年", {}, "DATE_NEEDS_MONTH", undefined],
    ["2024年5月", { requireDay: true }, "DATE_NEEDS_DAY", undefined],
    ["2024-05", { requireDay: true }, "DATE_NEEDS_DAY", undefined],
    ["2024年13月1日", {}, "DATE_INVALID_MONTH", { month: 13 }],
    ["2024-00-10", {}, "DATE_INVALID_MONTH", { month: 0 }],
    ["2024年2月30日", {}, "DATE_INVALID_DAY", { year: 2024, month: 2, day: 30 }],
    ["2023年2月29日", {}, "DATE_INVALID_DAY", { year: 2023, month: 2, day: 29 }],
    ["1900-02-29", {}, "DATE_INVALID_DAY", { year: 1900, month: 2, day: 29 }],
    ["2024-04-31", {}, "DATE_INVALID_DAY", { year: 2024, month: 4, day: 31 }],
    ["2024年5月32日", {}, "DATE_INVALID_DAY", { year: 2024, month: 5, day: 32 }],
    ["2024年5月0日", {}, "DATE_INVALID_DAY", { year: 2024, month: 5, day: 0 }],
    ["1800-01-01", {}, "DATE_YEAR_OUT_OF_RANGE", { min: 1900, max: 2100 }],
    ["2024-05-30", { minYear: 2025, maxYear: 2030 }, "DATE_YEAR_OUT_OF_RANGE", { min: 2025, max: 2030 }],
  ])("%j %j → %s", (input, options, code, params) => {
    expect(parseDate(input, options)).toEqual(params ? { ok: false, code, params } : { ok: false, code });
  });
});
