import { describe, expect, it } from "vitest";
import {
  answerForOption,
  answerForOptions,
  answerFromValue,
  changeRatePercent,
  displayProfileValue,
  formatMoneyWan,
  readAnswer,
} from "../../src/flows/forms/answer-input.ts";
import type { StepInstance } from "../../src/flows/forms/expand.ts";
import type { Answers, AnswerValue, ChoiceOption, Step } from "../../src/flows/forms/types.ts";

function step(partial: Partial<Step> & Pick<Step, "kind">): Step {
  return { id: "q", section: "一、测试", label: "测试项", prompt: "请回答", field: "test.field", ...partial };
}
const inst = (s: Step): StepInstance => ({ key: s.id, step: s, field: s.field });
const read = (s: Step, input: string, answers: Answers = {}) => readAnswer(inst(s), input, answers);

const KINDS: readonly ChoiceOption[] = [
  { id: "manufacturer", label: "工业（制造业）企业" },
  { id: "it", label: "信息技术企业" },
  { id: "internet", label: "互联网企业" },
  { id: "automation", label: "自动化企业" },
  { id: "identifier-operator", label: "标识解析二级节点建设运营单位" },
];

const S = {
  text: step({ kind: "text" }),
  shortText: step({ kind: "text", maxLength: 10 }),
  longText: step({ kind: "longText" }),
  number: step({ kind: "number", unit: "人" }),
  numberBounded: step({ kind: "number", unit: "%", min: 0, max: 100 }),
  storage: step({ kind: "number", unit: "TB", min: 0 }),
  count: step({ kind: "count", unit: "家", min: 0 }),
  level: step({ kind: "count", unit: "级", min: 0, max: 5 }),
  money: step({ kind: "money", unit: "万元", min: 0 }),
  moneyMin: step({ kind: "money", unit: "万元", min: 3000 }),
  profit: step({ kind: "money", unit: "万元", min: Number.NEGATIVE_INFINITY }),
  percent: step({ kind: "percent", min: 0, max: 100 }),
  growth: step({ kind: "percent", min: -100 }),
  choice: step({ kind: "choice", options: KINDS }),
  multi: step({ kind: "multiChoice", options: KINDS }),
  multiNone: step({ kind: "multiChoice", options: KINDS, minChoices: 0 }),
  multiMax2: step({ kind: "multiChoice", options: KINDS, maxChoices: 2 }),
  date: step({ kind: "date" }),
  month: step({ kind: "date", monthPrecision: true }),
  creditCode: step({ kind: "creditCode" }),
  phone: step({ kind: "phone" }),
  email: step({ kind: "email" }),
  yesNo: step({ kind: "yesNo" }),
  kpi: step({ kind: "beforeAfter" }),
  kpiPercent: step({ kind: "beforeAfter", unit: "%" }),
  kpiPeople: step({ kind: "beforeAfter", unit: "人", min: 0 }),
} satisfies Record<string, Step>;
type StepName = keyof typeof S;

const VALID_CODE = "91350100M000100Y43";

describe("readAnswer: accepted answers", () => {
  it.each<[StepName, string, AnswerValue, string]>([
    // text
    ["text", "  福建某某科技有限公司  ", "福建某某科技有限公司", "福建某某科技有限公司"],
    ["text", "某某公司😀", "某某公司😀", "某某公司😀"],
    ["text", "第一行\n第二行", "第一行 第二行", "第一行 第二行"],
    ["shortText", "一二三四五六七八九十", "一二三四五六七八九十", "一二三四五六七八九十"],
    // longText keeps emoji and line breaks, only trims
    ["longText", "  项目介绍 🚀\n第二段  ", "项目介绍 🚀\n第二段", "项目介绍 🚀\n第二段"],
    // number
    ["number", "85", 85, "85 人"],
    ["number", "85人", 85, "85 人"],
    ["number", "８５", 85, "85 人"],
    ["number", "1,200", 1200, "1200 人"],
    ["number", "1.5万", 15000, "15000 人"],
    ["number", "八十五", 85, "85 人"],
    ["numberBounded", "12.5%", 12.5, "12.5%"],
    ["storage", "50tb", 50, "50 TB"],
    ["storage", "1.5 TB", 1.5, "1.5 TB"],
    // count
    ["count", "300", 300, "300 家"],
    ["count", "300家", 300, "300 家"],
    ["count", "三百家", 300, "300 家"],
    ["count", "１２０", 120, "120 家"],
    ["count", "120户", 120, "120 家"],
    ["level", "二级", 2, "2 级"],
    ["level", "3", 3, "3 级"],
    ["level", "0", 0, "0 级"],
    // money: 万元; a bare number is 万元
    ["money", "3000万", 3000, "3000 万元"],
    ["money", "3千万", 3000, "3000 万元"],
    ["money", "1.2亿", 12000, "1.2 亿元（12000 万元）"],
    ["money", "一亿两千万", 12000, "1.2 亿元（12000 万元）"],
    ["money", "３０００万", 3000, "3000 万元"],
    ["money", "8,000万元", 8000, "8000 万元"],
    ["money", "30000000元", 3000, "3000 万元"],
    ["money", "3000", 3000, "3000 万元"],
    ["money", "5000元", 0.5, "0.5 万元（5000 元）"],
    ["money", "0", 0, "0 万元"],
    // losses where the step allows negatives
    ["profit", "亏损200万", -200, "-200 万元"],
    ["profit", "-200万", -200, "-200 万元"],
    ["profit", "负200万", -200, "-200 万元"],
    ["profit", "亏了200万元", -200, "-200 万元"],
    ["profit", "200万（亏损）", -200, "-200 万元"],
    ["profit", "持平", 0, "0 万元"],
    ["profit", "盈利500万", 500, "500 万元"],
    ["profit", "500", 500, "500 万元"],
    // percent
    ["percent", "12.5%", 12.5, "12.5%"],
    ["percent", "12.5", 12.5, "12.5%"],
    ["percent", "百分之十二点五", 12.5, "12.5%"],
    ["percent", "１２．５％", 12.5, "12.5%"],
    ["growth", "-3%", -3, "-3%"],
    // choice
    ["choice", "2", "it", "信息技术企业"],
    ["choice", "第3项", "internet", "互联网企业"],
    ["choice", "②", "it", "信息技术企业"],
    ["choice", "３", "internet", "互联网企业"],
    ["choice", "互联网企业", "internet", "互联网企业"],
    ["choice", "制造业", "manufacturer", "工业（制造业）企业"],
    ["choice", "我们是自动化企业", "automation", "自动化企业"],
    ["choice", "identifier-operator", "identifier-operator", "标识解析二级节点建设运营单位"],
    ["choice", "标识解析", "identifier-operator", "标识解析二级节点建设运营单位"],
    // multiChoice: value in option order
    ["multi", "1,3,5", ["manufacturer", "internet", "identifier-operator"], "工业（制造业）企业、互联网企业、标识解析二级节点建设运营单位"],
    ["multi", "3、1", ["manufacturer", "internet"], "工业（制造业）企业、互联网企业"],
    ["multi", "1 3", ["manufacturer", "internet"], "工业（制造业）企业、互联网企业"],
    ["multi", "1，3", ["manufacturer", "internet"], "工业（制造业）企业、互联网企业"],
    ["multi", "1-3", ["manufacturer", "it", "internet"], "工业（制造业）企业、信息技术企业、互联网企业"],
    ["multi", "1到2", ["manufacturer", "it"], "工业（制造业）企业、信息技术企业"],
    ["multi", "互联网企业、信息技术企业", ["it", "internet"], "信息技术企业、互联网企业"],
    ["multi", "互联网企业；自动化企业", ["internet", "automation"], "互联网企业、自动化企业"],
    ["multi", "制造业和自动化", ["manufacturer", "automation"], "工业（制造业）企业、自动化企业"],
    ["multi", "1、互联网企业", ["manufacturer", "internet"], "工业（制造业）企业、互联网企业"],
    ["multi", "2，2", ["it"], "信息技术企业"],
    ["multi", "1.3.5", ["manufacturer", "internet", "identifier-operator"], "工业（制造业）企业、互联网企业、标识解析二级节点建设运营单位"],
    ["multi", "全部", ["manufacturer", "it", "internet", "automation", "identifier-operator"], KINDS.map((o) => o.label).join("、")],
    ["multiNone", "都不是", [], "无"],
    // date
    ["date", "2024年5月30日", "2024-05-30", "2024年5月30日"],
    ["date", "2024-05-30", "2024-05-30", "2024年5月30日"],
    ["month", "2025年3月", "2025-03", "2025年3月"],
    ["month", "2025年3月21日", "2025-03-21", "2025年3月21日"],
    // parsers
    ["creditCode", "91350100m000100y43", VALID_CODE, VALID_CODE],
    ["creditCode", "９１３５０１００Ｍ０００１００Ｙ４３", VALID_CODE, VALID_CODE],
    ["phone", "138 0013 8000", "13800138000", "13800138000"],
    ["phone", "0591-87430181", "0591-87430181", "0591-87430181"],
    ["email", "ZhangSan@163.COM", "ZhangSan@163.com", "ZhangSan@163.com"],
    // yesNo
    ["yesNo", "是", true, "是"],
    ["yesNo", "是的", true, "是"],
    ["yesNo", "有", true, "是"],
    ["yesNo", "对", true, "是"],
    ["yesNo", "yes", true, "是"],
    ["yesNo", "Y", true, "是"],
    ["yesNo", "√", true, "是"],
    ["yesNo", "✓", true, "是"],
    ["yesNo", "是，我们是独立法人", true, "是"],
    ["yesNo", "否", false, "否"],
    ["yesNo", "不是", false, "否"],
    ["yesNo", "没有", false, "否"],
    ["yesNo", "无", false, "否"],
    ["yesNo", "no", false, "否"],
    ["yesNo", "n", false, "否"],
    ["yesNo", "×", false, "否"],
    ["yesNo", "还没有。", false, "否"],
    // beforeAfter
    ["kpi", "85 92", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["kpi", "85→92", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["kpi", "85/92", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["kpi", "建设前85，建成后92", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["kpi", "建成后92，建设前85", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["kpi", "从85提升到92", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["kpi", "100 80", { before: 100, after: 80 }, "建设前 100，建成后 80，变化率 -20%"],
    ["kpi", "0 5", { before: 0, after: 5 }, "建设前 0，建成后 5，变化率 —"],
    ["kpi", "850，920", { before: 850, after: 920 }, "建设前 850，建成后 920，变化率 +8.24%"],
    ["kpi", "1,200 1,500", { before: 1200, after: 1500 }, "建设前 1200，建成后 1500，变化率 +25%"],
    ["kpiPercent", "目前85%，预计92%", { before: 85, after: 92 }, "建设前 85%，建成后 92%，变化率 +8.24%"],
    ["kpiPercent", "85%到92%", { before: 85, after: 92 }, "建设前 85%，建成后 92%，变化率 +8.24%"],
    ["kpiPeople", "1,200人 1,500人", { before: 1200, after: 1500 }, "建设前 1200 人，建成后 1500 人，变化率 +25%"],
  ])("%s ← %j", (name, input, value, display) => {
    const r = read(S[name], input);
    expect(r).toEqual({ ok: true, answer: { value, display } });
  });
});

describe("readAnswer: refused answers", () => {
  it.each<[StepName, string, string]>([
    ["text", "", "TEXT_EMPTY"],
    ["text", "   ", "TEXT_EMPTY"],
    ["text", "😀😀😀", "TEXT_EMOJI_ONLY"],
    ["text", "👍🏻", "TEXT_EMOJI_ONLY"],
    ["text", "❤️", "TEXT_EMOJI_ONLY"],
    ["text", "。。。", "TEXT_NO_CONTENT"],
    ["text", "某某\u0007公司", "TEXT_CONTROL_CHARS"],
    ["shortText", "一二三四五六七八九十一", "TEXT_TOO_LONG"],
    ["longText", "  ", "TEXT_EMPTY"],
    ["number", "", "NUMBER_EMPTY"],
    ["number", "不清楚", "NUMBER_NOT_A_NUMBER"],
    ["number", "85到90", "NUMBER_RANGE"],
    ["number", "85家", "NUMBER_WRONG_UNIT"],
    ["number", "-3", "NUMBER_NEGATIVE"],
    ["numberBounded", "120", "VALUE_TOO_LARGE"],
    ["count", "3.5", "COUNT_NOT_INTEGER"],
    ["count", "300套", "COUNT_WRONG_UNIT"],
    ["level", "6", "VALUE_TOO_LARGE"],
    ["money", "", "MONEY_EMPTY"],
    ["money", "3000万美元", "MONEY_NOT_RMB"],
    ["money", "-200万", "MONEY_NEGATIVE"],
    ["money", "亏损200万", "MONEY_NEGATIVE"],
    ["money", "30000000", "MONEY_BARE_TOO_LARGE"],
    ["moneyMin", "2000万", "VALUE_TOO_SMALL"],
    ["percent", "120%", "PERCENT_OUT_OF_RANGE"],
    ["percent", "-3%", "PERCENT_NEGATIVE"],
    ["choice", "", "CHOICE_EMPTY"],
    ["choice", "企业", "CHOICE_AMBIGUOUS"],
    ["choice", "种植业", "CHOICE_UNKNOWN"],
    ["choice", "9", "CHOICE_OUT_OF_RANGE"],
    ["choice", "1、3", "CHOICE_MULTIPLE"],
    ["choice", "互联网企业和自动化企业", "CHOICE_MULTIPLE"],
    ["multi", "", "MULTI_EMPTY"],
    ["multi", "1、9", "MULTI_OUT_OF_RANGE"],
    ["multi", "1-9", "MULTI_OUT_OF_RANGE"],
    ["multi", "企业", "MULTI_AMBIGUOUS"],
    ["multi", "1、种植业", "MULTI_UNKNOWN"],
    ["multi", "都不是", "MULTI_TOO_FEW"],
    ["multiMax2", "1、2、3", "MULTI_TOO_MANY"],
    ["multiMax2", "全部", "MULTI_TOO_MANY"],
    ["date", "2024年5月", "DATE_NEEDS_DAY"],
    ["date", "2023年2月29日", "DATE_INVALID_DAY"],
    ["date", "24年5月30日", "DATE_TWO_DIGIT_YEAR"],
    ["creditCode", "91350100M000100Y44", "CREDIT_CODE_CHECK"],
    ["creditCode", "9135010", "CREDIT_CODE_LENGTH"],
    ["phone", "400-800-1234", "PHONE_SERVICE_NUMBER"],
    ["email", "zhangsan163.com", "EMAIL_MISSING_AT"],
    ["yesNo", "不清楚", "YES_NO_INVALID"],
    ["yesNo", "是否", "YES_NO_INVALID"],
    ["yesNo", "1", "YES_NO_INVALID"],
    ["kpi", "85", "BEFORE_AFTER_FORMAT"],
    ["kpi", "85 92 99", "BEFORE_AFTER_FORMAT"],
    ["kpi", "85 不清楚", "NUMBER_NOT_A_NUMBER"],
    ["kpiPeople", "-5 10", "NUMBER_NEGATIVE"],
  ])("%s ← %j → %s", (name, input, code) => {
    const r = read(S[name], input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message.length).toBeGreaterThan(3);
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("rough figures: read, and confirmed unless the step takes them as they are", () => {
  it.each<[StepName, string, number, string]>([
    ["number", "约85", 85, "85 人"],
    ["count", "300多家", 300, "300 家"],
    ["money", "3000多万", 3000, "3000 万元"],
    ["money", "八千万左右", 8000, "8000 万元"],
    ["money", "大概两个亿", 20000, "2 亿元（20000 万元）"],
  ])("%s ← %j", (name, input, value, display) => {
    const r = read(S[name], input);
    expect(r).toMatchObject({ ok: true, answer: { value, display }, approximate: true });
    expect(r.ok && r.confirm).toContain(`将按 ${display} 填写`);
    const rough = read({ ...S[name], approximateOk: true }, input);
    expect(rough).toEqual({ ok: true, answer: { value, display }, approximate: true });
  });

  it("bounds are not rough figures: 「3000万以上」 is still refused", () => {
    expect(read(S.money, "3000万以上")).toMatchObject({ ok: false, code: "MONEY_APPROXIMATE" });
  });
});

describe("exact messages", () => {
  it.each<[StepName, string, string]>([
    ["creditCode", "91350100M000100Y44", "统一社会信用代码第18位校验不通过，请对照营业执照逐位核对"],
    ["creditCode", "9135010", "统一社会信用代码应为18位，您输入了7位，请核对营业执照"],
    ["money", "", "请输入金额，例如 3000万 或 1.2亿"],
    ["money", "-200万", "金额不能是负数，请填写0或正数，例如 500万"],
    [
      "money",
      "30000000",
      "您填写的“30000000”没有写单位，按万元计是 3000 亿元（30000000 万元），金额过大。请注明单位，例如 3000万 或 30000000元",
    ],
    ["moneyMin", "2000万", "该项不能小于 3000 万元，您填写的是 2000 万元，请核对"],
    ["level", "6", "该项应在 0 到 5 级之间，您填写的是 6 级，请核对"],
    ["number", "85家", "这里的单位是“人”，“家”不对，请填写数字，例如 85人"],
    ["yesNo", "不清楚", "请回答 是 或 否"],
    ["text", "😀😀😀", "请用文字填写，不能只发表情符号"],
    [
      "choice",
      "企业",
      "“企业”可能是“工业（制造业）企业”或“信息技术企业”或“互联网企业”或“自动化企业”，请回复序号：\n" +
        "1. 工业（制造业）企业\n2. 信息技术企业\n3. 互联网企业\n4. 自动化企业\n5. 标识解析二级节点建设运营单位",
    ],
    ["multiMax2", "1、2、3", "最多只能选择 2 项，您选了 3 项，请重新选择"],
  ])("%s ← %j", (name, input, message) => {
    expect(read(S[name], input)).toMatchObject({ ok: false, message });
  });

  it("a 5,000-character answer to a short text field is refused with the limit and the length", () => {
    const r = read(S.text, "字".repeat(5000));
    expect(r).toEqual({ ok: false, code: "TEXT_TOO_LONG", message: "该项最多 200 字，您输入了 5000 字，请精简后重新输入" });
  });

  it("a 5,000-character answer fits a longText field; 5,001 does not", () => {
    expect(read(S.longText, "字".repeat(5000)).ok).toBe(true);
    expect(read(S.longText, "字".repeat(5001))).toMatchObject({
      ok: false,
      code: "TEXT_TOO_LONG",
      message: "该项最多 5000 字，您输入了 5001 字，请精简后重新输入",
    });
  });

  it("counts characters, not UTF-16 units: 200 characters with emoji fit, 201 do not", () => {
    const s200 = `${"公司😀".repeat(66)}公司`;
    expect(read(S.text, s200).ok).toBe(true);
    expect(read(S.text, `${s200}😀`)).toMatchObject({ ok: false, message: "该项最多 200 字，您输入了 201 字，请精简后重新输入" });
  });

  it("the ambiguity message lists every option with its number", () => {
    const r = read(S.multi, "企业");
    expect(r.ok).toBe(false);
    if (!r.ok) for (const [i, o] of KINDS.entries()) expect(r.message).toContain(`${i + 1}. ${o.label}`);
  });
});

describe("options from earlier answers", () => {
  const dynamic = step({
    kind: "choice",
    options: (answers) => (answers["category"] ? [{ id: "a", label: "甲类" }, { id: "b", label: "乙类" }] : []),
  });
  it("are read from the answers", () => {
    expect(read(dynamic, "乙类", { category: { value: "x", display: "x" } })).toEqual({
      ok: true,
      answer: { value: "b", display: "乙类" },
    });
  });
  it("an empty option list fails cleanly", () => {
    expect(read(dynamic, "乙类")).toMatchObject({ ok: false, code: "CHOICE_NO_OPTIONS" });
  });
});

describe("answerForOption / answerForOptions", () => {
  it.each<[StepName, string, AnswerValue | null]>([
    ["yesNo", "yes", true],
    ["yesNo", "no", false],
    ["yesNo", "maybe", null],
    ["choice", "internet", "internet"],
    ["choice", "farming", null],
    ["choice", "3", null],
    ["multi", "it", ["it"]],
    ["multi", "nope", null],
    ["text", "yes", null],
  ])("%s / %s", (name, id, value) => {
    const r = answerForOption(inst(S[name]), id, {});
    if (value === null) expect(r).toMatchObject({ ok: false, code: "OPTION_UNKNOWN" });
    else expect(r).toMatchObject({ ok: true, answer: { value } });
  });

  it("display of a button answer is the label", () => {
    expect(answerForOption(inst(S.yesNo), "yes", {})).toEqual({ ok: true, answer: { value: true, display: "是" } });
    expect(answerForOption(inst(S.choice), "manufacturer", {})).toEqual({
      ok: true,
      answer: { value: "manufacturer", display: "工业（制造业）企业" },
    });
  });

  it("several buttons on a multiChoice: option order, bounds enforced", () => {
    expect(answerForOptions(inst(S.multi), ["internet", "manufacturer"], {})).toEqual({
      ok: true,
      answer: { value: ["manufacturer", "internet"], display: "工业（制造业）企业、互联网企业" },
    });
    expect(answerForOptions(inst(S.multiMax2), ["it", "internet", "automation"], {})).toMatchObject({ ok: false, code: "MULTI_TOO_MANY" });
    expect(answerForOptions(inst(S.multi), [], {})).toMatchObject({ ok: false, code: "MULTI_TOO_FEW" });
    expect(answerForOptions(inst(S.multiNone), [], {})).toEqual({ ok: true, answer: { value: [], display: "无" } });
    expect(answerForOptions(inst(S.multi), ["it", "x"], {})).toMatchObject({ ok: false, code: "OPTION_UNKNOWN" });
  });
});

describe("changeRatePercent", () => {
  it.each<[number, number, number | null]>([
    [85, 92, 8.24],
    [100, 80, -20],
    [100, 100, 0],
    [0, 5, null],
    [-50, -25, 50],
    [3, 4, 33.33],
    [3, 2, -33.33],
    [8, 9, 12.5],
  ])("%d → %d", (before, after, rate) => {
    expect(changeRatePercent(before, after)).toBe(rate);
  });
});

describe("display of stored values", () => {
  it.each<[number, string]>([
    [3000, "3000 万元"],
    [12000, "1.2 亿元（12000 万元）"],
    [10000, "1 亿元（10000 万元）"],
    [12345.5, "12345.5 万元"],
    [0.3, "0.3 万元（3000 元）"],
    [-200, "-200 万元"],
    [0, "0 万元"],
  ])("money %d", (wan, shown) => {
    expect(formatMoneyWan(wan)).toBe(shown);
  });

  it.each<[StepName, unknown, string | undefined]>([
    ["money", 8000, "8000 万元"],
    ["profit", -200, "-200 万元"],
    ["money", -200, undefined],
    ["count", 120, "120 家"],
    ["count", 1.5, undefined],
    ["level", 7, undefined],
    ["yesNo", true, "是"],
    ["yesNo", "true", undefined],
    ["multi", ["internet", "manufacturer"], "工业（制造业）企业、互联网企业"],
    ["multi", ["farming"], undefined],
    ["multiNone", [], "无"],
    ["choice", "it", "信息技术企业"],
    ["date", "2024-05-30", "2024年5月30日"],
    ["kpi", { before: 85, after: 92 }, "建设前 85，建成后 92，变化率 +8.24%"],
    ["text", null, undefined],
    ["text", "   ", undefined],
  ])("%s %j", (name, value, shown) => {
    expect(displayProfileValue(S[name], value)).toBe(shown);
  });

  it("a stored multiChoice value comes back in option order", () => {
    expect(answerFromValue(S.multi, ["internet", "manufacturer"])?.value).toEqual(["manufacturer", "internet"]);
  });
});
