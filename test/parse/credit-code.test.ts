import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  parseCreditCode,
  type CreditCodeErrorCode,
} from "../../src/flows/parse/index.ts";

/**
 * Published codes of well-known companies, as recalled. Each passing the position-18
 * check is itself evidence the algorithm is right: a wrong algorithm (or a misremembered
 * code) passes with probability 1/31 per code. The Baidu code's organization code
 * 80210043-3 also satisfies the independent GB 11714 check digit.
 */
const PUBLISHED: readonly [string, string][] = [
  ["91110000802100433B", "百度在线网络技术（北京）有限公司"],
  ["91440300708461136T", "深圳市腾讯计算机系统有限公司"],
  ["91330100799655058B", "阿里巴巴（中国）有限公司"],
  ["914403001922038216", "华为技术有限公司"],
  ["91110108551385082Q", "小米科技有限责任公司"],
  ["91110000710926094P", "中国石油化工股份有限公司"],
  ["91520000214434146R", "贵州茅台酒股份有限公司"],
  ["91440300192317458F", "比亚迪股份有限公司"],
];

/** Fixture codes completed with the check character (Fuzhou, Xiamen, a 社会组织, a 事业单位). */
const withCheck = (first17: string): string => first17 + creditCodeCheckChar(first17);
const GENERATED: readonly string[] = [
  withCheck("91350100MA2XN0K1A"),
  withCheck("91350200MA31Y8GT0"),
  withCheck("51350000MJ0000012"),
  withCheck("12350000488099312"),
  withCheck("92350102MA8RBCD0X"),
  withCheck("Y1350100000000000"),
  withCheck("00000000000000000"),
];

describe("creditCodeCheckChar", () => {
  it.each(PUBLISHED)("computes the published check character of %s (%s)", (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("maps a remainder of 0 to 0 (31 → 0) and can yield Y (30)", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
    // value 1 at weight 1 → sum 1 → 31 − 1 = 30 → "Y"
    expect(creditCodeCheckChar("10000000000000000")).toBe("Y");
    // value 1 at weight 3 → sum 3 → 28 → "W"
    expect(creditCodeCheckChar("01000000000000000")).toBe("W");
  });

  it("throws on bad input rather than producing a check character", () => {
    expect(() => creditCodeCheckChar("9111000080210043")).toThrow(RangeError);
    expect(() => creditCodeCheckChar("9111000080210043I")).toThrow(RangeError);
  });
});

describe("parseCreditCode: accepted", () => {
  it.each([...PUBLISHED.map(([c]) => c), ...GENERATED])("%s", (code) => {
    expect(parseCreditCode(code)).toMatchObject({ ok: true, value: code });
  });

  it.each<[string, string]>([
    [" 91110000802100433B ", "91110000802100433B"],
    ["91110000802100433b", "91110000802100433B"],
    ["9111 0000 8021 0043 3B", "91110000802100433B"],
    ["911100-00802100433-B", "91110000802100433B"],
    ["９１１１００００８０２１００４３３Ｂ", "91110000802100433B"],
    ["９１１１００００８０２１００４３３ｂ", "91110000802100433B"],
    ["91110000802100433B\u3000", "91110000802100433B"],
  ])("normalises %j to %s", (input, code) => {
    expect(parseCreditCode(input)).toMatchObject({ ok: true, value: code });
  });

  it("splits the code into its GB 32100 parts", () => {
    expect(parseCreditCode("91440300708461136T")).toEqual({
      ok: true,
      value: "91440300708461136T",
      parts: { authority: "9", orgType: "1", division: "440300", orgCode: "708461136", checkChar: "T" },
    });
  });
});

describe("parseCreditCode: rejected", () => {
  it.each<[string, CreditCodeErrorCode, Record<string, string | number> | undefined]>([
    ["", "CREDIT_CODE_EMPTY", undefined],
    ["  - ", "CREDIT_CODE_EMPTY", undefined],
    ["91110000802100433", "CREDIT_CODE_LENGTH", { length: 17 }],
    ["91110000802100433BB", "CREDIT_CODE_LENGTH", { length: 19 }],
    ["110000802100433", "CREDIT_CODE_LENGTH", { length: 15 }], // old 15-digit registration number
    ["80210043-3", "CREDIT_CODE_LENGTH", { length: 9 }], // old organization code
    ["9111000080210043IB", "CREDIT_CODE_CHAR", { position: 17, char: "I" }],
    ["O1110000802100433B", "CREDIT_CODE_CHAR", { position: 1, char: "O" }],
    ["9Z110000802100433B", "CREDIT_CODE_CHAR", { position: 2, char: "Z" }],
    ["91110000S02100433B", "CREDIT_CODE_CHAR", { position: 9, char: "S" }],
    ["91110000802100V33B", "CREDIT_CODE_CHAR", { position: 15, char: "V" }],
    ["91110000802100433*", "CREDIT_CODE_CHAR", { position: 18, char: "*" }],
    ["9111000080210043３中", "CREDIT_CODE_CHAR", { position: 18, char: "中" }],
    ["91A10000802100433B", "CREDIT_CODE_DIVISION", { position: 3, char: "A" }],
    ["9111000M802100433B", "CREDIT_CODE_DIVISION", { position: 8, char: "M" }],
    ["91110000802100433C", "CREDIT_CODE_CHECK", undefined],
    ["91110000802100434B", "CREDIT_CODE_CHECK", undefined],
    ["91350100M000100Y4X", "CREDIT_CODE_CHECK", undefined],
  ])("%j → %s %j", (input, code, params) => {
    expect(parseCreditCode(input)).toEqual(params ? { ok: false, code, params } : { ok: false, code });
  });

  const base = "91110000802100433B";
  it.each(Array.from({ length: 18 }, (_, i) => i + 1))("any single change at position %d is caught", (position) => {
    const i = position - 1;
    const alternatives = (i >= 2 && i < 8 ? "0123456789" : CREDIT_CODE_CHARSET).split("").filter((c) => c !== base[i]);
    expect(alternatives.length).toBeGreaterThan(8);
    for (const c of alternatives) {
      const mutated = base.slice(0, i) + c + base.slice(i + 1);
      expect(parseCreditCode(mutated), mutated).toEqual({ ok: false, code: "CREDIT_CODE_CHECK" });
    }
  });

  it.each(Array.from({ length: 16 }, (_, i) => i + 1))(
    "swapping positions %d and the next is caught when the characters differ",
    (position) => {
      const i = position - 1;
      for (const code of [...PUBLISHED.map(([c]) => c), ...GENERATED]) {
        const a = code[i];
        const b = code[i + 1];
        if (a === undefined || b === undefined || a === b) continue;
        const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
        const r = parseCreditCode(swapped);
        expect(r.ok, swapped).toBe(false);
      }
    },
  );
});
