import { describe, expect, it } from "vitest";
import { parsePhone, type PhoneErrorCode, type PhoneNumber } from "../../src/flows/parse/index.ts";

describe("parsePhone: mobile", () => {
  it.each([
    "13800138000",
    "138 0013 8000",
    "138-0013-8000",
    "+86 13800138000",
    "+86-138-0013-8000",
    "+8613800138000",
    "0086 13800138000",
    "86 138 0013 8000",
    "8613800138000",
    "１３８００１３８０００",
    "＋８６ １３８００１３８０００",
    " 13800138000 ",
  ])("%j → 13800138000", (input) => {
    expect(parsePhone(input)).toEqual({
      ok: true,
      value: "13800138000",
      phone: { kind: "mobile", normalized: "13800138000", number: "13800138000" },
    });
  });

  it.each(["13012345678", "15912345678", "16612345678", "17712345678", "18912345678", "19912345678", "14712345678"])(
    "%s is a mobile number",
    (input) => {
      expect(parsePhone(input)).toMatchObject({ ok: true, value: input, phone: { kind: "mobile" } });
    },
  );
});

describe("parsePhone: landline", () => {
  const fuzhou: PhoneNumber = { kind: "landline", normalized: "0591-87430181", areaCode: "0591", number: "87430181" };
  it.each([
    "0591-87430181",
    "0591 87430181",
    "(0591)87430181",
    "（0591）87430181",
    "(0591) 8743-0181",
    "059187430181",
    "0591－87430181",
    "+86 591 87430181",
    "+86-591-87430181",
    "+86 0591 87430181",
  ])("%j → 0591-87430181", (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: "0591-87430181", phone: fuzhou });
  });

  it.each<[string, string, string, string, string | undefined]>([
    ["010-62345678", "010-62345678", "010", "62345678", undefined],
    ["01062345678", "010-62345678", "010", "62345678", undefined],
    ["021 6123 4567", "021-61234567", "021", "61234567", undefined],
    ["0755-8376 5566", "0755-83765566", "0755", "83765566", undefined],
    ["0591-2345678", "0591-2345678", "0591", "2345678", undefined],
    ["0591-87430181-8001", "0591-87430181-8001", "0591", "87430181", "8001"],
    ["0591-87430181转8001", "0591-87430181-8001", "0591", "87430181", "8001"],
    ["0591 87430181 转 8001", "0591-87430181-8001", "0591", "87430181", "8001"],
    ["(0591)87430181分机8001", "0591-87430181-8001", "0591", "87430181", "8001"],
    ["0591-87430181 ext.8001", "0591-87430181-8001", "0591", "87430181", "8001"],
    ["021-61234567-123", "021-61234567-123", "021", "61234567", "123"],
    ["0591-2345678-12", "0591-2345678-12", "0591", "2345678", "12"],
  ])("%j → %s", (input, normalized, areaCode, number, extension) => {
    const phone = extension
      ? { kind: "landline", normalized, areaCode, number, extension }
      : { kind: "landline", normalized, areaCode, number };
    expect(parsePhone(input)).toEqual({ ok: true, value: normalized, phone });
  });

  it.each<[string, string, string]>([
    ["83321894", "0591", "0591-83321894"],
    ["8332189", "0591", "0591-8332189"],
    ["8332 1894", "591", "0591-83321894"],
    ["83321894转12", "0591", "0591-83321894-12"],
    ["62345678", "010", "010-62345678"],
  ])("local %j with default area code %s → %s", (input, defaultAreaCode, value) => {
    expect(parsePhone(input, { defaultAreaCode })).toMatchObject({ ok: true, value, phone: { kind: "landline" } });
  });

  it("a full number keeps its own area code even with a default", () => {
    expect(parsePhone("0592-5123456", { defaultAreaCode: "0591" })).toMatchObject({ ok: true, value: "0592-5123456" });
  });
});

describe("parsePhone: rejected", () => {
  it.each<[string, PhoneErrorCode, Record<string, number> | undefined]>([
    ["", "PHONE_EMPTY", undefined],
    ["   ", "PHONE_EMPTY", undefined],
    ["abc", "PHONE_INVALID_CHARS", undefined],
    ["138001380OO", "PHONE_INVALID_CHARS", undefined],
    ["手机13800138000", "PHONE_INVALID_CHARS", undefined],
    ["1380013800", "PHONE_MOBILE_LENGTH", { length: 10 }],
    ["138001380001", "PHONE_MOBILE_LENGTH", { length: 12 }],
    ["+86 1380013800", "PHONE_MOBILE_LENGTH", { length: 10 }],
    ["12800138000", "PHONE_MOBILE_PREFIX", undefined],
    ["11800138000", "PHONE_MOBILE_PREFIX", undefined],
    ["0000-1234567", "PHONE_AREA_CODE", undefined],
    ["0591-123456", "PHONE_LANDLINE_LENGTH", { length: 6 }],
    ["0591-12345", "PHONE_LANDLINE_LENGTH", { length: 5 }],
    ["0591-874301811", "PHONE_LANDLINE_LENGTH", { length: 9 }],
    ["0591-01234567", "PHONE_LANDLINE_NUMBER", undefined],
    ["0591-12345678", "PHONE_LANDLINE_NUMBER", undefined],
    ["83321894", "PHONE_NEEDS_AREA_CODE", undefined],
    ["8332189", "PHONE_NEEDS_AREA_CODE", undefined],
    ["400-820-8820", "PHONE_SERVICE_NUMBER", undefined],
    ["800 820 8820", "PHONE_SERVICE_NUMBER", undefined],
    ["95588", "PHONE_SERVICE_NUMBER", undefined],
    ["12345", "PHONE_SERVICE_NUMBER", undefined],
    ["13800138000转8001", "PHONE_EXTENSION", undefined],
    ["0591-87430181转", "PHONE_EXTENSION", undefined],
    ["0591-87430181转1234567", "PHONE_EXTENSION", undefined],
    ["+1 415 555 0100", "PHONE_INVALID", undefined],
    ["123456", "PHONE_MOBILE_LENGTH", { length: 6 }],
    ["23456", "PHONE_INVALID", undefined],
    ["2345678901", "PHONE_INVALID", undefined],
  ])("%j → %s", (input, code, params) => {
    expect(parsePhone(input)).toEqual(params ? { ok: false, code, params } : { ok: false, code });
  });

  it("a malformed default area code is a programming error", () => {
    expect(() => parsePhone("83321894", { defaultAreaCode: "05" })).toThrow(RangeError);
  });
});
