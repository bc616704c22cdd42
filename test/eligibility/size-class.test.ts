import { describe, expect, it } from "vitest";
import { sizeClassOf, type SizeClass } from "../../src/flows/eligibility/index.ts";

// 《统计上大中小微型企业划分办法（2017）》, industry: a class needs BOTH lower bounds, else it drops a class.
describe("size class for industry", () => {
  const cases: [string, number | undefined, number | undefined, SizeClass | null][] = [
    ["大型：两项恰在下限", 1000, 40000, "large"],
    ["从业人员 999：降为中型", 999, 40000, "medium"],
    ["营业收入 39999 万元：降为中型", 1000, 39999, "medium"],
    ["大型：两项都高于下限", 1001, 40001, "large"],
    ["中型：两项恰在下限", 300, 2000, "medium"],
    ["从业人员 299：降为小型", 299, 2000, "small"],
    ["营业收入 1999 万元：降为小型", 300, 1999, "small"],
    ["从业人员 2000、营业收入 3000 万元：人数够大型，收入只够中型", 2000, 3000, "medium"],
    ["从业人员 1500、营业收入 1500 万元：降两档为小型", 1500, 1500, "small"],
    ["小型：两项恰在下限", 20, 300, "small"],
    ["从业人员 19：微型", 19, 300, "micro"],
    ["营业收入 299 万元：微型", 20, 299, "micro"],
    ["营业收入很高但只有 10 人：微型", 10, 100000, "micro"],
    ["从业人员很多但营业收入 100 万元：微型", 5000, 100, "micro"],
    ["只知道从业人员 10 人：已是微型", 10, undefined, "micro"],
    ["只知道营业收入 100 万元：已是微型", undefined, 100, "micro"],
    ["只知道从业人员 500：无法判断", 500, undefined, null],
    ["只知道营业收入 5000 万元：无法判断", undefined, 5000, null],
    ["都未提供", undefined, undefined, null],
  ];
  it.each(cases)("%s", (_n, employees, revenueLastYearWan, expected) => {
    expect(sizeClassOf({ employees, revenueLastYearWan })).toBe(expected);
  });
});
