/**
 * User-facing Simplified Chinese messages for every parse error code. Each says what was
 * wrong and shows a correct example. `{name}` placeholders are filled from the failure's
 * `params`; entries that need logic are functions.
 */
import type { ParseErrorCode } from "./codes.ts";
import type { ParamValue } from "./result.ts";

type Params = Readonly<Record<string, ParamValue>>;
export type ParseText = string | ((params: Params) => string);

const EMAIL_EXAMPLE = "例如 zhangsan@163.com";

export const PARSE_TEXTS: Readonly<Record<ParseErrorCode, ParseText>> = {
  MONEY_EMPTY: "请输入金额，例如 3000万 或 1.2亿",
  MONEY_NOT_A_NUMBER: "没能识别这个金额，请只填写数字和单位，例如 3000万、1.2亿 或 30000000元",
  MONEY_NEGATIVE: "金额不能是负数，请填写0或正数，例如 500万",
  MONEY_APPROXIMATE: "请填写确切金额，不要用“多”“约”“几”“左右”“以上”等字样，例如 3200万",
  MONEY_RANGE: "请只填写一个确切金额，不要填写范围，例如 3000万",
  MONEY_MULTIPLE: "请只填写一个金额，例如 3000万",
  MONEY_AMBIGUOUS: "金额后半部分的单位不清楚，请写完整，例如 1亿2000万 或 1.2亿",
  MONEY_NEEDS_UNIT: "请注明金额单位，例如 1500万 或 1500万元",
  MONEY_NOT_RMB: "请按人民币填写金额（外币请按汇率折算成人民币），例如 3000万元",
  MONEY_WRONG_UNIT: "“{unit}”不是金额单位，请填写金额，例如 3000万 或 1.2亿",
  MONEY_TOO_LARGE: "金额大得超出常理，请核对单位是否写错，例如 3000万 或 1.2亿",

  CREDIT_CODE_EMPTY: "请输入18位统一社会信用代码，可在营业执照上找到，由数字和大写字母组成",
  CREDIT_CODE_LENGTH: "统一社会信用代码应为18位，您输入了{length}位，请核对营业执照",
  CREDIT_CODE_CHAR: (p) =>
    `统一社会信用代码第${p.position}位“${p.char}”不是有效字符：代码只包含数字和大写字母，且不使用 I、O、Z、S、V，请核对`,
  CREDIT_CODE_DIVISION: "统一社会信用代码第3至8位是行政区划码，应全为数字，但第{position}位是“{char}”，请核对",
  CREDIT_CODE_CHECK: "统一社会信用代码第18位校验不通过，请对照营业执照逐位核对",

  PHONE_EMPTY: "请输入联系电话，例如手机 13800138000 或座机 0591-87430181",
  PHONE_INVALID_CHARS: "电话号码只能包含数字、空格、括号和“-”，例如 13800138000 或 0591-87430181",
  PHONE_MOBILE_LENGTH: "手机号应为11位，您输入了{length}位，请核对，例如 13800138000",
  PHONE_MOBILE_PREFIX: "手机号应以13至19开头，请核对，例如 13800138000",
  PHONE_AREA_CODE: "座机区号不正确：区号以0开头，共3到4位，例如 0591-87430181",
  PHONE_LANDLINE_LENGTH: "座机号码（不含区号）应为7到8位，您输入了{length}位，例如 0591-87430181",
  PHONE_LANDLINE_NUMBER: "座机号码（不含区号）不能以0或1开头，请核对，例如 0591-87430181",
  PHONE_NEEDS_AREA_CODE: "座机号码请加上区号，例如 0591-87430181",
  PHONE_SERVICE_NUMBER: "400、800、95开头的号码和短号是服务热线，请填写联系人的手机或座机，例如 13800138000",
  PHONE_EXTENSION: "分机号写法不正确（手机号不能带分机），座机带分机请这样写，例如 0591-87430181转8001",
  PHONE_INVALID: "没能识别这个电话号码，请填写手机号或带区号的座机，例如 13800138000 或 0591-87430181",

  EMAIL_EMPTY: `请输入电子邮箱，${EMAIL_EXAMPLE}`,
  EMAIL_HAS_SPACES: `邮箱地址中不能有空格，${EMAIL_EXAMPLE}`,
  EMAIL_MISSING_AT: `邮箱地址缺少“@”，${EMAIL_EXAMPLE}`,
  EMAIL_MULTIPLE_AT: `邮箱地址只能有一个“@”，${EMAIL_EXAMPLE}`,
  EMAIL_LOCAL_INVALID: `“@”前面的用户名不正确，只能包含英文字母、数字和 . _ - 等符号，${EMAIL_EXAMPLE}`,
  EMAIL_DOMAIN_INVALID: `“@”后面的域名不完整或不正确，${EMAIL_EXAMPLE}`,
  EMAIL_TOO_LONG: `邮箱地址过长，请核对，${EMAIL_EXAMPLE}`,

  DATE_EMPTY: "请输入日期，例如 2024年5月30日 或 2024-05-30",
  DATE_INVALID_FORMAT: "没能识别这个日期，请按年、月、日的顺序填写，例如 2024年5月30日 或 2024-05-30",
  DATE_NEEDS_YEAR: "请写上年份，例如 2024年5月30日",
  DATE_TWO_DIGIT_YEAR: "请写完整的四位年份，例如 2024年5月30日",
  DATE_NEEDS_MONTH: "请至少写到月份，例如 2024年5月",
  DATE_NEEDS_DAY: "请写到具体哪一天，例如 2024年5月30日",
  DATE_INVALID_MONTH: "月份应在1到12之间，您填写的是{month}月，请核对，例如 2024年5月30日",
  DATE_INVALID_DAY: "{year}年{month}月没有{day}日，请核对日期，例如 2024年5月30日",
  DATE_YEAR_OUT_OF_RANGE: "年份应在{min}年到{max}年之间，请核对，例如 2024年5月30日",

  COUNT_EMPTY: "请输入数量，例如 300 或 1.5万",
  COUNT_NOT_A_NUMBER: "没能识别这个数量，请只填写数字，例如 300 或 1.5万",
  COUNT_NEGATIVE: "数量不能是负数，例如 300",
  COUNT_NOT_INTEGER: "这里需要填写整数，请核对，例如 300 或 1.5万",
  COUNT_APPROXIMATE: "请填写确切数量，不要用“多”“约”“几”“左右”“以上”等字样，例如 320",
  COUNT_RANGE: "请只填写一个确切数量，不要填写范围，例如 300",
  COUNT_MULTIPLE: "请只填写一个数量，例如 300",
  COUNT_AMBIGUOUS: "数量的写法不清楚，请写完整，例如 12000 或 1.2万",
  COUNT_WRONG_UNIT: "这里需要填写数量，“{unit}”不是合适的单位，例如 300家 或 300",
  COUNT_TOO_LARGE: "数量大得超出常理，请核对是否多写了位数，例如 300 或 1.5万",

  PERCENT_EMPTY: "请输入百分比，例如 12.5%",
  PERCENT_NOT_A_NUMBER: "没能识别这个百分比，请填写数字，例如 12.5% 或 12.5",
  PERCENT_NEGATIVE: "这里不能填写负数，例如 12.5%",
  PERCENT_APPROXIMATE: "请填写确切的百分比，不要用“多”“约”“左右”“以上”等字样，例如 12.5%",
  PERCENT_RANGE: "请只填写一个百分比，不要填写范围，例如 12.5%",
  PERCENT_MULTIPLE: "请只填写一个百分比，例如 12.5%",
  PERCENT_WRONG_UNIT: "“{unit}”不是百分比单位，请填写百分比，例如 12.5%",
  PERCENT_OUT_OF_RANGE: (p) => {
    if (p.min !== undefined && p.max !== undefined) return `百分比应在${p.min}%到${p.max}%之间，请核对，例如 12.5%`;
    if (p.min !== undefined) return `百分比不能低于${p.min}%，请核对`;
    return `百分比不能高于${p.max ?? ""}%，请核对`;
  },
};

/** The Chinese message for a failure, with its params filled in. */
export function parseErrorText(failure: { readonly code: ParseErrorCode; readonly params?: Params | undefined }): string {
  const text = PARSE_TEXTS[failure.code];
  const params = failure.params ?? {};
  if (typeof text === "function") return text(params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
