/**
 * Core scanner for quantities typed in chat: Arabic numbers (with thousands separators and
 * decimals), Chinese numerals (一百二十, 两千, 壹仟 …), mixed forms (3千万, 1亿2千万, 1.2亿,
 * 两个亿, 3000w) and colloquial shorthand (一万五 = 15000, 1亿2 = 1.2亿). It returns the exact
 * magnitude plus the text around the numeral; money/count/percent parsers decide which
 * surrounding text (元, 家, %) is acceptable.
 *
 * Rejections are deliberately conservative, because a wrong number silently flows into
 * eligibility decisions: approximate wording (3000多万, 约, 几千万, 三五千万), ranges
 * (3千万到5千万), several numbers, and forms whose scale is unclear (1亿2000) all fail.
 */
import {
  ZERO,
  addDecimal,
  decimalFromInt,
  decimalFromString,
  shiftDecimal,
  type Decimal,
} from "./decimal.ts";
import { normalizeInput } from "./normalize.ts";

export type ScanErrorKind = "EMPTY" | "NOT_A_NUMBER" | "APPROXIMATE" | "RANGE" | "MULTIPLE" | "AMBIGUOUS";

export interface Scanned {
  readonly ok: true;
  /** Magnitude (never negative; see `negative`). */
  readonly value: Decimal;
  /** A leading minus sign or 负 was present. */
  readonly negative: boolean;
  /** Text before the numeral with spaces removed, e.g. "人民币", "¥". */
  readonly prefix: string;
  /** Text after the numeral with spaces removed, e.g. "元", "家", "%". */
  readonly suffix: string;
  /** The numeral used 万 or 亿 (or w). */
  readonly hasBigUnit: boolean;
}

export type ScanResult = Scanned | { readonly ok: false; readonly kind: ScanErrorKind };

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, "○": 0,
  一: 1, 壹: 1,
  二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2,
  三: 3, 叁: 3, 參: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };
/** Latin shorthand accepted only right after a digit: 3000w, 5k. */
const LATIN_UNITS: Readonly<Record<string, { kind: "small" | "big"; pow: number }>> = {
  w: { kind: "big", pow: 4 },
  W: { kind: "big", pow: 4 },
  k: { kind: "small", pow: 3 },
  K: { kind: "small", pow: 3 },
};
const RANGE_CHARS = new Set(["到", "至", "-", "~"]);
const LIST_WORDS = ["或者", "还是", ",", "、", ";", "/", "|", "或", "和", "及", "与", "跟"];

/**
 * Words that make a quantity approximate or a bound rather than a value. Matched on the
 * whole normalised input before anything else.
 */
const APPROXIMATE =
  /多|余|几|约|大概|左右|上下|以内|之内|开外|将近|接近|差不多|出头|若干|超过|以上|以下|不到|不足|不少于|不低于|不超过|不高于|至少|最多|最少|小于|大于|≈|±|[<>≤≥]|(?<=[\d一二三四五六七八九十百千])来|[数上近](?=[\d一二三四五六七八九两十百千万亿])|\+$|^~/;

type Token =
  | { t: "num"; value: Decimal; raw: string; isDecimal: boolean }
  | { t: "cdig"; value: number }
  | { t: "point" }
  | { t: "small"; pow: number }
  | { t: "big"; pow: number }
  | { t: "ge" }
  | { t: "range"; ch: string }
  | { t: "list" }
  | { t: "space" }
  | { t: "softspace" }
  | { t: "text"; text: string };

const isDigitToken = (tok: Token | undefined): boolean =>
  tok !== undefined && (tok.t === "num" || (tok.t === "cdig" && tok.value !== 0));

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const chars = Array.from(s);
  let i = 0;
  const pushText = (ch: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.t === "text") last.text += ch;
    else tokens.push({ t: "text", text: ch });
  };
  while (i < chars.length) {
    const ch = chars[i] ?? "";
    const rest = chars.slice(i).join("");
    const numMatch = /^(?:\d+(?:,\d+)*(?:\.\d+)?|\.\d+)/.exec(rest);
    if (numMatch) {
      let raw = numMatch[0];
      if (raw.includes(",") && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) {
        // Not thousands grouping ("3000,5000"): take the first number only; the comma
        // then separates numbers.
        raw = /^\d+/.exec(raw)?.[0] ?? raw;
      }
      const plain = raw.replace(/,/g, "");
      const value = decimalFromString(plain);
      if (value === undefined) {
        pushText(ch);
        i += 1;
        continue;
      }
      tokens.push({ t: "num", value, raw: plain, isDecimal: plain.includes(".") });
      i += raw.length;
      continue;
    }
    const listWord = LIST_WORDS.find((w) => rest.startsWith(w));
    if (ch in CN_DIGITS) tokens.push({ t: "cdig", value: CN_DIGITS[ch] ?? 0 });
    else if (ch in SMALL_UNITS) tokens.push({ t: "small", pow: SMALL_UNITS[ch] ?? 0 });
    else if (ch in BIG_UNITS) tokens.push({ t: "big", pow: BIG_UNITS[ch] ?? 0 });
    else if (ch in LATIN_UNITS && isDigitToken(tokens[tokens.length - 1])) {
      const u = LATIN_UNITS[ch];
      if (u) tokens.push({ t: u.kind, pow: u.pow });
    } else if (ch === "点") tokens.push({ t: "point" });
    else if (ch === "个") tokens.push({ t: "ge" });
    else if (RANGE_CHARS.has(ch)) tokens.push({ t: "range", ch });
    else if (listWord !== undefined) {
      tokens.push({ t: "list" });
      i += listWord.length;
      continue;
    } else if (/\s/.test(ch)) tokens.push({ t: "space" });
    else pushText(ch);
    i += 1;
  }
  return tokens;
}

const NUMERAL_TYPES = new Set<Token["t"]>(["num", "cdig", "point", "small", "big", "ge", "softspace"]);

/**
 * Spaces separate numbers when they sit between two digits ("3000 5000"). Between other
 * numeral tokens they are kept as a soft break: "1亿 2千万" is one number, "3000万 5000万"
 * two, which only evaluation can tell.
 */
function resolveSpaces(tokens: Token[]): Token[] {
  const out: Token[] = [];
  tokens.forEach((tok, idx) => {
    if (tok.t !== "space") {
      out.push(tok);
      return;
    }
    const prev = out[out.length - 1];
    const next = tokens.slice(idx + 1).find((t) => t.t !== "space");
    if (isDigitToken(prev) && isDigitToken(next)) out.push({ t: "list" });
    else if (prev && next && NUMERAL_TYPES.has(prev.t) && NUMERAL_TYPES.has(next.t)) out.push({ t: "softspace" });
  });
  return out;
}

/** 个 is part of the numeral only in 两个亿 / 2个亿 / 十个万; 点 only as a decimal point. */
function resolveMarkers(tokens: Token[]): Token[] {
  return tokens.map((tok, idx): Token => {
    const prev = tokens[idx - 1];
    const next = tokens[idx + 1];
    if (tok.t === "ge") {
      const numeric = prev !== undefined && (prev.t === "num" || prev.t === "cdig" || prev.t === "small");
      return numeric && next?.t === "big" ? tok : { t: "text", text: "个" };
    }
    if (tok.t === "point") {
      const before = prev !== undefined && (prev.t === "cdig" || prev.t === "small" || (prev.t === "num" && !prev.isDecimal));
      return before && next?.t === "cdig" ? tok : { t: "text", text: "点" };
    }
    return tok;
  });
}

const hasDigit = (tokens: readonly Token[]): boolean =>
  tokens.some((t) => t.t === "num" || t.t === "cdig" || (t.t === "small" && t.pow === 1));

function splitBy(tokens: readonly Token[], type: "range" | "list"): Token[][] {
  const parts: Token[][] = [[]];
  for (const tok of tokens) {
    if (tok.t === type) parts.push([]);
    else parts[parts.length - 1]?.push(tok);
  }
  return parts;
}

interface Pending {
  value: Decimal;
  /** A single non-zero digit with no decimal point: eligible for 一万五-style shorthand. */
  single: boolean;
  isDecimal: boolean;
}

type EvalResult = { ok: true; value: Decimal; hasBigUnit: boolean } | { ok: false; kind: ScanErrorKind };

/** Evaluates one run of numeral tokens. */
function evaluate(run: readonly Token[]): EvalResult {
  const bad = (kind: ScanErrorKind): EvalResult => ({ ok: false, kind });
  let yi: Decimal | null = null;
  let wan: Decimal | null = null;
  let section: Decimal = ZERO;
  let sectionHasContent = false;
  let pending: Pending | null = null;
  let lastSmall = Infinity;
  let lastUnitPow: number | null = null;
  let afterZero = false;
  let sawDecimal = false;
  let sawZero = false;
  let hasBigUnit = false;

  for (let i = 0; i < run.length; i += 1) {
    const tok = run[i];
    const prev = run[i - 1];
    if (tok === undefined) continue;
    switch (tok.t) {
      case "num": {
        if (pending !== null || sawDecimal) return bad("NOT_A_NUMBER");
        pending = { value: tok.value, single: /^[1-9]$/.test(tok.raw), isDecimal: tok.isDecimal };
        if (tok.isDecimal) sawDecimal = true;
        break;
      }
      case "cdig": {
        if (tok.value === 0) {
          // 零 is a filler between units (一千零五); two digits in a row are positional
          // (二〇二五), which is only meaningful for years.
          if (prev !== undefined && (prev.t === "cdig" || prev.t === "num")) return bad("NOT_A_NUMBER");
          afterZero = true;
          sawZero = true;
          break;
        }
        if (prev?.t === "cdig" && prev.value !== 0) return bad("APPROXIMATE"); // 三五千万, 七八百
        if (pending !== null || sawDecimal) return bad("NOT_A_NUMBER");
        pending = { value: decimalFromInt(tok.value), single: true, isDecimal: false };
        break;
      }
      case "point": {
        if (sawDecimal) return bad("NOT_A_NUMBER");
        const intPart = addDecimal(section, pending?.value ?? ZERO);
        let fraction = "";
        while (run[i + 1]?.t === "cdig") {
          const d = run[i + 1];
          fraction += d?.t === "cdig" ? String(d.value) : "";
          i += 1;
        }
        const frac = decimalFromString(`0.${fraction}`);
        if (fraction === "" || frac === undefined) return bad("NOT_A_NUMBER");
        pending = { value: addDecimal(intPart, frac), single: false, isDecimal: true };
        section = ZERO;
        sectionHasContent = false;
        sawDecimal = true;
        lastUnitPow = null; // 十二点五: the units before the point are folded into the value
        break;
      }
      case "small": {
        if (tok.pow >= lastSmall) return bad("NOT_A_NUMBER"); // 二百一千
        let n: Decimal;
        if (pending !== null) n = pending.value;
        else if (tok.pow === 1 && !sawDecimal) n = decimalFromInt(1); // 十 = 一十
        else return bad("NOT_A_NUMBER");
        section = addDecimal(section, shiftDecimal(n, tok.pow));
        sectionHasContent = true;
        pending = null;
        lastSmall = tok.pow;
        lastUnitPow = tok.pow;
        afterZero = false;
        break;
      }
      case "big": {
        const group = addDecimal(section, pending?.value ?? ZERO);
        const groupHasContent = sectionHasContent || pending !== null;
        if (tok.pow === 4) {
          if (wan !== null || !groupHasContent) return bad("NOT_A_NUMBER");
          wan = group;
        } else {
          if (yi !== null || !(groupHasContent || wan !== null)) return bad("NOT_A_NUMBER");
          yi = addDecimal(shiftDecimal(wan ?? ZERO, 4), group); // 1万亿 = 10^12
          wan = null;
        }
        section = ZERO;
        sectionHasContent = false;
        pending = null;
        lastSmall = Infinity;
        lastUnitPow = tok.pow;
        afterZero = false;
        hasBigUnit = true;
        break;
      }
      case "ge":
        break; // validated by resolveMarkers: 两个亿
      default:
        return bad("NOT_A_NUMBER");
    }
  }

  // After 亿, people drop the 万: 一亿两千 usually means 1亿2千万, not 100002000. Only the
  // single-digit shorthand right after 亿 (1亿2 = 1.2亿) is unambiguous without a 万.
  if (yi !== null && wan === null) {
    const shorthand = pending !== null && pending.single && lastUnitPow === 8 && !afterZero;
    if (sectionHasContent || (pending !== null && !shorthand)) return bad("AMBIGUOUS");
  }

  let tail: Decimal = ZERO;
  if (pending !== null) {
    if (lastUnitPow !== null && !afterZero) {
      // 一万五 = 15000, 三千五 = 3500, 1亿2 = 1.2亿. A longer trailing number after a unit
      // (1亿2000) could mean 1亿2000万 or 1亿零2000: refuse to guess.
      if (!pending.single) return bad("AMBIGUOUS");
      tail = shiftDecimal(pending.value, lastUnitPow - 1);
    } else tail = pending.value;
  } else if (!sectionHasContent && yi === null && wan === null && !sawZero) {
    return bad("NOT_A_NUMBER");
  }
  let total = addDecimal(section, tail);
  if (wan !== null) total = addDecimal(total, shiftDecimal(wan, 4));
  if (yi !== null) total = addDecimal(total, shiftDecimal(yi, 8));
  return { ok: true, value: total, hasBigUnit };
}

/** Strips sentence-final punctuation people add in chat ("3000万。"). */
function stripTrailingPunctuation(s: string): string {
  return s.replace(/[\s。.!！?？;；,，、]+$/u, "");
}

export function scanQuantity(input: string): ScanResult {
  let s = stripTrailingPunctuation(normalizeInput(input));
  if (s === "") return { ok: false, kind: "EMPTY" };
  if (APPROXIMATE.test(s)) return { ok: false, kind: "APPROXIMATE" };

  let negative = false;
  const sign = /^(?:-|负)\s*/.exec(s);
  if (sign) {
    negative = true;
    s = s.slice(sign[0].length);
    if (s === "") return { ok: false, kind: "NOT_A_NUMBER" };
  }

  const tokens = resolveMarkers(resolveSpaces(tokenize(s)));

  const rangeParts = splitBy(tokens, "range");
  if (rangeParts.length > 1) {
    const numeric = rangeParts.filter(hasDigit).length;
    if (numeric >= 2) return { ok: false, kind: "RANGE" };
    return { ok: false, kind: "NOT_A_NUMBER" };
  }
  const listParts = splitBy(tokens, "list");
  if (listParts.length > 1) {
    const numeric = listParts.filter(hasDigit).length;
    return { ok: false, kind: numeric >= 2 ? "MULTIPLE" : "NOT_A_NUMBER" };
  }

  // Exactly one run of numeral tokens, with optional text before and after.
  const runs: { start: number; end: number }[] = [];
  tokens.forEach((tok, idx) => {
    if (!NUMERAL_TYPES.has(tok.t)) return;
    const last = runs[runs.length - 1];
    if (last && last.end === idx) last.end = idx + 1;
    else runs.push({ start: idx, end: idx + 1 });
  });
  if (runs.length === 0) return { ok: false, kind: "NOT_A_NUMBER" };
  if (runs.length > 1) {
    const numeric = runs.filter((r) => hasDigit(tokens.slice(r.start, r.end))).length;
    return { ok: false, kind: numeric >= 2 ? "MULTIPLE" : "NOT_A_NUMBER" };
  }
  const run = runs[0];
  if (run === undefined) return { ok: false, kind: "NOT_A_NUMBER" };
  const textOf = (ts: readonly Token[]): string => ts.map((t) => (t.t === "text" ? t.text : "")).join("");
  const runTokens = tokens.slice(run.start, run.end);
  const evaluated = evaluate(runTokens.filter((t) => t.t !== "softspace"));
  if (!evaluated.ok) {
    const pieces = splitBy(runTokens.map((t): Token => (t.t === "softspace" ? { t: "list" } : t)), "list");
    if (pieces.length > 1 && pieces.every((piece) => hasDigit(piece) && evaluate(piece).ok)) {
      return { ok: false, kind: "MULTIPLE" };
    }
    return evaluated;
  }
  return {
    ok: true,
    value: evaluated.value,
    negative,
    prefix: textOf(tokens.slice(0, run.start)),
    suffix: textOf(tokens.slice(run.end)),
    hasBigUnit: evaluated.hasBigUnit,
  };
}

