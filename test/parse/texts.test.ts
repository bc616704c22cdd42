import { describe, expect, it } from "vitest";
import {
  COUNT_ERROR_CODES,
  CREDIT_CODE_ERROR_CODES,
  DATE_ERROR_CODES,
  EMAIL_ERROR_CODES,
  MONEY_ERROR_CODES,
  PARSE_ERROR_CODES,
  PARSE_TEXTS,
  PERCENT_ERROR_CODES,
  PHONE_ERROR_CODES,
  parseCount,
  parseCreditCode,
  parseDate,
  parseEmail,
  parseErrorText,
  parseMoneyWan,
  parsePercent,
  parsePhone,
  type ParseErrorCode,
  type ParseFailure,
} from "../../src/flows/parse/index.ts";

/** One real input per error code: proves every code is reachable and exercises its text with real params. */
const EXAMPLES: Record<ParseErrorCode, () => { ok: boolean }> = {
  MONEY_EMPTY: () => parseMoneyWan(""),
  MONEY_NOT_A_NUMBER: () => parseMoneyWan("不清楚"),
  MONEY_NEGATIVE: () => parseMoneyWan("-500万"),
  MONEY_APPROXIMATE: () => parseMoneyWan("3000多万"),
  MONEY_RANGE: () => parseMoneyWan("3千万到5千万"),
  MONEY_MULTIPLE: () => parseMoneyWan("3000万 5000万"),
  MONEY_AMBIGUOUS: () => parseMoneyWan("1亿2000"),
  MONEY_NEEDS_UNIT: () => parseMoneyWan("1500"),
  MONEY_NOT_RMB: () => parseMoneyWan("3000万美元"),
  MONEY_WRONG_UNIT: () => parseMoneyWan("3000人"),
  MONEY_TOO_LARGE: () => parseMoneyWan("10000000000万"),
  CREDIT_CODE_EMPTY: () => parseCreditCode(" "),
  CREDIT_CODE_LENGTH: () => parseCreditCode("9111000080210043"),
  CREDIT_CODE_CHAR: () => parseCreditCode("9111000080210043OB"),
  CREDIT_CODE_DIVISION: () => parseCreditCode("911100M0802100433B"),
  CREDIT_CODE_CHECK: () => parseCreditCode("91110000802100433A"),
  PHONE_EMPTY: () => parsePhone(""),
  PHONE_INVALID_CHARS: () => parsePhone("电话待定"),
  PHONE_MOBILE_LENGTH: () => parsePhone("1380013800"),
  PHONE_MOBILE_PREFIX: () => parsePhone("12800138000"),
  PHONE_AREA_CODE: () => parsePhone("0012345678"),
  PHONE_LANDLINE_LENGTH: () => parsePhone("0591-874301"),
  PHONE_LANDLINE_NUMBER: () => parsePhone("0591-07430181"),
  PHONE_NEEDS_AREA_CODE: () => parsePhone("87430181"),
  PHONE_SERVICE_NUMBER: () => parsePhone("400-820-8820"),
  PHONE_EXTENSION: () => parsePhone("13800138000转8001"),
  PHONE_INVALID: () => parsePhone("+44 20 7946 0958"),
  EMAIL_EMPTY: () => parseEmail(""),
  EMAIL_HAS_SPACES: () => parseEmail("a b@qq.com"),
  EMAIL_MISSING_AT: () => parseEmail("abc.qq.com"),
  EMAIL_MULTIPLE_AT: () => parseEmail("a@b@qq.com"),
  EMAIL_LOCAL_INVALID: () => parseEmail("张三@qq.com"),
  EMAIL_DOMAIN_INVALID: () => parseEmail("abc@"),
  EMAIL_TOO_LONG: () => parseEmail(`${"a".repeat(64)}@${Array.from({ length: 4 }, () => "b".repeat(60)).join(".")}.cn`),
  DATE_EMPTY: () => parseDate(""),
  DATE_INVALID_FORMAT: () => parseDate("下周一"),
  DATE_NEEDS_YEAR: () => parseDate("5月30日"),
  DATE_TWO_DIGIT_YEAR: () => parseDate("24年5月30日"),
  DATE_NEEDS_MONTH: () => parseDate("2024年"),
  DATE_NEEDS_DAY: () => parseDate("2024年5月", { requireDay: true }),
  DATE_INVALID_MONTH: () => parseDate("2024年13月1日"),
  DATE_INVALID_DAY: () => parseDate("2024年2月30日"),
  DATE_YEAR_OUT_OF_RANGE: () => parseDate("1024-05-30"),
  COUNT_EMPTY: () => parseCount(""),
  COUNT_NOT_A_NUMBER: () => parseCount("未知"),
  COUNT_NEGATIVE: () => parseCount("-3"),
  COUNT_NOT_INTEGER: () => parseCount("2.5"),
  COUNT_APPROXIMATE: () => parseCount("300多家"),
  COUNT_RANGE: () => parseCount("3到5家"),
  COUNT_MULTIPLE: () => parseCount("3家、5家"),
  COUNT_AMBIGUOUS: () => parseCount("1万2000"),
  COUNT_WRONG_UNIT: () => parseCount("300元"),
  COUNT_TOO_LARGE: () => parseCount("1001", { max: 1000 }),
  PERCENT_EMPTY: () => parsePercent(""),
  PERCENT_NOT_A_NUMBER: () => parsePercent("很高"),
  PERCENT_NEGATIVE: () => parsePercent("-3%"),
  PERCENT_APPROXIMATE: () => parsePercent("约12%"),
  PERCENT_RANGE: () => parsePercent("10%-20%"),
  PERCENT_MULTIPLE: () => parsePercent("10%、20%"),
  PERCENT_WRONG_UNIT: () => parsePercent("5‰"),
  PERCENT_OUT_OF_RANGE: () => parsePercent("120%", { min: 0, max: 100 }),
};

const CJK = /[\u4e00-\u9fff]/;

describe("texts parity", () => {
  it("PARSE_ERROR_CODES is the union of every parser's codes, without duplicates", () => {
    const all = [
      ...MONEY_ERROR_CODES,
      ...CREDIT_CODE_ERROR_CODES,
      ...PHONE_ERROR_CODES,
      ...EMAIL_ERROR_CODES,
      ...DATE_ERROR_CODES,
      ...COUNT_ERROR_CODES,
      ...PERCENT_ERROR_CODES,
    ];
    expect(new Set(all).size).toBe(all.length);
    expect([...PARSE_ERROR_CODES].sort()).toEqual([...all].sort());
  });

  it("every error code has a text and no text lacks a code", () => {
    expect(Object.keys(PARSE_TEXTS).sort()).toEqual([...PARSE_ERROR_CODES].sort());
    for (const code of PARSE_ERROR_CODES) expect(PARSE_TEXTS[code], code).toBeDefined();
  });

  it.each([...PARSE_ERROR_CODES])("%s is reachable and renders a complete Chinese message", (code) => {
    const result = EXAMPLES[code]();
    expect(result).toMatchObject({ ok: false, code });
    const text = parseErrorText(result as ParseFailure);
    expect(text).toMatch(CJK);
    expect(text).not.toMatch(/[{}]|undefined|NaN/);
    // Credit codes cannot be illustrated with an example; every other message shows one.
    if (!code.startsWith("CREDIT_CODE_")) expect(text).toContain("例如");
  });

  it("fills params into the messages the brief calls out", () => {
    expect(parseErrorText({ code: "CREDIT_CODE_LENGTH", params: { length: 17 } })).toBe(
      "统一社会信用代码应为18位，您输入了17位，请核对营业执照",
    );
    expect(parseErrorText({ code: "CREDIT_CODE_CHECK" })).toContain("第18位校验不通过");
    expect(parseErrorText({ code: "CREDIT_CODE_CHAR", params: { position: 5, char: "O" } })).toContain("第5位“O”");
    expect(parseErrorText({ code: "MONEY_EMPTY" })).toBe("请输入金额，例如 3000万 或 1.2亿");
    expect(parseErrorText({ code: "PERCENT_OUT_OF_RANGE", params: { min: 5 } })).toBe("百分比不能低于5%，请核对");
  });
});
