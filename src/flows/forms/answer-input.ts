/**
 * Reading what a user typed (or pressed) for one step of a flow: parse it for the step's
 * kind, check it against the step's bounds, and build the `Answer` (value + display) the
 * engine stores. Every failure carries an English `code` (for logs and tests) and a Chinese
 * `message` that says what is wrong and how to answer; parser failures reuse the parsers'
 * own messages (`parseErrorText`).
 *
 * Decisions:
 * - money: a bare number (「1500」「3千」) is read in 万元, the unit every form and prompt
 *   uses. A bare number of 1,000,000 万元 (100 亿元) or more is refused and the user asked
 *   to write the unit: 「30000000」 is far more likely 元 typed without a unit.
 * - negative amounts (losses): accepted only when the step's `min` is below 0 (e.g.
 *   `min: Number.NEGATIVE_INFINITY` for 上一年度利润). Then 「-200万」「负200万」「亏损200万」
 *   「亏200万」「200万（亏损）」 all read as -200, and 「持平」 as 0. Elsewhere they fail with
 *   the parser's MONEY_NEGATIVE message. The same rule (`min < 0`) lets number, percent and
 *   beforeAfter steps take negative values.
 * - choice: input is matched, in order, as an exact label, an option number (「2」「第2项」
 *   「②」, always the position in the list as shown, even when option ids are numeric), an
 *   option id, a label written inside the input, then a unique label containing the input.
 *   Several candidates → a message listing the options and asking for the number.
 * - text: tabs and line breaks are folded into single spaces (text is one line); other
 *   control characters are refused. longText keeps everything and is only trimmed.
 * - multiChoice: numbers 「1,3,5」「1 3」「1-3」「1.3.5」, labels separated by 、，；和 or spaces, 「全部」;
 *   「都不是」「无」 give an empty list, accepted only when minChoices is 0. Value: ids in option order.
 * - beforeAfter: two numbers (「85 92」「85→92」「85/92」「建设前85，建成后92」「85%到92%」); each takes
 *   the step's unit, and 「%」 when the unit is % or unset.
 * - display: money 「3000 万元」, 「1.2 亿元（12000 万元）」 from 1 亿元 up, 「0.3 万元（3000 元）」
 *   below 1 万元; units after numbers with a space (「300 家」), percent without (「12.5%」);
 *   dates 「2024年5月30日」 / 「2024年5月」.
 */
import {
  DEFAULT_COUNT_UNITS,
  normalizeInput,
  parseCount,
  parseCreditCode,
  parseDate,
  parseEmail,
  parseErrorText,
  parseMoneyWan,
  parsePercent,
  parsePhone,
  parsePlace,
  formatPlace,
  parseRelativeDate,
  stripApproximation,
  toHalfWidth,
  type ParseFailure,
} from "../parse/index.ts";
import { decimalToNumber } from "../parse/decimal.ts";
import { scanQuantity } from "../parse/numeral.ts";
import { answerDisplayTexts as D, answerErrorTexts as E, answerVocabulary as V } from "./answer-texts.ts";
import { optionsOf, type StepInstance } from "./expand.ts";
import type { Answer, Answers, AnswerValue, ChoiceOption, Step } from "./types.ts";

/**
 * A read answer. `confirm`: the reading is doubtful (a rough figure where the form needs
 * the exact one, a relative date) and the engine asks before saving it. `approximate`: the
 * user gave a rough figure. `implied`: profile facts the answer also gives (a city names its
 * province).
 */
export type AnswerResult =
  | { ok: true; answer: Answer; confirm?: string; approximate?: boolean; implied?: Readonly<Record<string, string>> }
  | { ok: false; code: string; message: string };

/** What reading may depend on besides the input: today (YYYY-MM-DD, China) for relative dates. */
export interface ReadContext {
  today?: string;
}
type Failure = { ok: false; code: string; message: string };

export const DEFAULT_TEXT_MAX_LENGTH = 200;
export const DEFAULT_LONG_TEXT_MAX_LENGTH = 5000;
/** A bare money number at or above this many 万元 (100 亿元) must carry a unit. */
export const BARE_MONEY_MAX_WAN = 1_000_000;

/** yesNo option ids, for buttons. */
export const YES_NO_OPTIONS: readonly ChoiceOption[] = [
  { id: "yes", label: D.yes },
  { id: "no", label: D.no },
];

const failure = (code: string, message: string): Failure => ({ ok: false, code, message });
const parseFailure = (f: ParseFailure): Failure => failure(f.code, parseErrorText(f));
const success = (value: AnswerValue, display: string): AnswerResult => ({ ok: true, answer: { value, display } });

// ───────────────────────────── entry points ─────────────────────────────

/** Reads what the user typed for the step. */
export function readAnswer(instance: StepInstance, input: string, answers: Answers, ctx: ReadContext = {}): AnswerResult {
  const step = instance.step;
  switch (step.kind) {
    case "text":
      return step.place ? readPlace(step.place, input) : readText(step, input);
    case "longText":
      return readLongText(step, input);
    case "number":
      return roughly(step, input, readNumber);
    case "count":
      return roughly(step, input, readCount);
    case "money":
      return roughly(step, input, readMoney);
    case "percent":
      return readPercent(step, input);
    case "choice":
      return readChoice(step, input, optionsOf(step, answers));
    case "multiChoice":
      return readMultiChoice(step, input, optionsOf(step, answers));
    case "date": {
      const r = parseDate(input, { requireDay: !step.monthPrecision });
      if (r.ok) return success(r.value, displayDate(r.value));
      const rel = ctx.today ? parseRelativeDate(input, ctx.today) : null;
      if (rel && (rel.precision === "day" || step.monthPrecision)) {
        const display = displayDate(rel.value);
        return { ok: true, answer: { value: rel.value, display }, confirm: E.DATE_RELATIVE_CONFIRM(input.trim(), display) };
      }
      return parseFailure(r);
    }
    case "creditCode": {
      const r = parseCreditCode(input);
      return r.ok ? success(r.value, r.value) : parseFailure(r);
    }
    case "phone": {
      const r = parsePhone(input);
      return r.ok ? success(r.value, r.value) : parseFailure(r);
    }
    case "email": {
      const r = parseEmail(input);
      return r.ok ? success(r.value, r.value) : parseFailure(r);
    }
    case "yesNo":
      return readYesNo(input);
    case "beforeAfter":
      return readBeforeAfter(step, input);
    default:
      return failure("UNSUPPORTED_KIND", E.UNSUPPORTED_KIND);
  }
}

/** A button press on a choice or yesNo step (yesNo ids "yes" / "no"); multiChoice: that one option. */
export function answerForOption(instance: StepInstance, optionId: string, answers: Answers): AnswerResult {
  const step = instance.step;
  if (step.kind === "yesNo") {
    if (optionId === "yes") return success(true, D.yes);
    if (optionId === "no") return success(false, D.no);
    return failure("OPTION_UNKNOWN", E.OPTION_UNKNOWN);
  }
  if (step.kind === "choice") {
    const option = optionsOf(step, answers).find((o) => o.id === optionId);
    return option ? success(option.id, option.label) : failure("OPTION_UNKNOWN", E.OPTION_UNKNOWN);
  }
  if (step.kind === "multiChoice") return answerForOptions(instance, [optionId], answers);
  return failure("OPTION_UNKNOWN", E.OPTION_UNKNOWN);
}

/** Several buttons confirmed at once on a multiChoice step. Unknown ids fail; order follows the options. */
export function answerForOptions(instance: StepInstance, optionIds: readonly string[], answers: Answers): AnswerResult {
  const step = instance.step;
  if (step.kind !== "multiChoice") {
    const only = optionIds.length === 1 ? optionIds[0] : undefined;
    return only === undefined ? failure("OPTION_UNKNOWN", E.OPTION_UNKNOWN) : answerForOption(instance, only, answers);
  }
  const options = optionsOf(step, answers);
  const known = new Set(options.map((o) => o.id));
  if (optionIds.some((id) => !known.has(id))) return failure("OPTION_UNKNOWN", E.OPTION_UNKNOWN);
  return finishMulti(step, new Set(optionIds), options);
}

// ───────────────────────────── display ─────────────────────────────

/** (after − before) / |before| × 100, rounded to 2 decimals; null when before is 0. */
export function changeRatePercent(before: number, after: number): number | null {
  if (before === 0 || !Number.isFinite(before) || !Number.isFinite(after)) return null;
  const rate = ((after - before) / Math.abs(before)) * 100;
  const rounded = Math.sign(rate) * Math.round(Math.abs(rate) * 100 + 1e-9) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** A number without float noise or a trailing ".0": 1.2, 12000, 0.3. */
export function formatNumber(n: number): string {
  if (n === 0) return "0";
  return String(Number(n.toPrecision(12)));
}

/** 3000 万元 · 1.2 亿元（12000 万元） · 0.3 万元（3000 元） · -200 万元 */
export function formatMoneyWan(wan: number): string {
  const abs = Math.abs(wan);
  if (abs >= 10000 && Number.isInteger(wan)) return D.yiWithWan(formatNumber(wan / 10000), formatNumber(wan));
  if (abs > 0 && abs < 1) return D.wanWithYuan(formatNumber(wan), formatNumber(wan * 10000));
  return `${formatNumber(wan)} ${D.wan}`;
}

/** 300 家 · 12.5% · 85 */
export function formatWithUnit(n: number, unit: string | undefined): string {
  if (!unit) return formatNumber(n);
  if (unit === "%") return `${formatNumber(n)}%`;
  return `${formatNumber(n)} ${unit}`;
}

function formatRate(rate: number | null): string {
  if (rate === null) return D.noRate;
  return rate > 0 ? `+${formatNumber(rate)}%` : `${formatNumber(rate)}%`;
}

function displayDate(value: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return m[3] === undefined ? D.dateMonth(y, mo) : D.dateDay(y, mo, Number(m[3]));
}

/** How a value of the step's kind is shown (the value is assumed valid for the kind). */
export function displayAnswerValue(step: Step, value: AnswerValue, answers: Answers = {}): string {
  if (typeof value === "boolean") return value ? D.yes : D.no;
  if (typeof value === "number") {
    if (step.kind === "money") return formatMoneyWan(value);
    if (step.kind === "percent") return formatWithUnit(value, "%");
    return formatWithUnit(value, step.unit);
  }
  if (typeof value === "string") {
    if (step.kind === "choice") return optionsOf(step, answers).find((o) => o.id === value)?.label ?? value;
    if (step.kind === "date") return displayDate(value);
    return value;
  }
  if (isStringArray(value)) {
    if (value.length === 0) return D.noneSelected;
    const labels = new Map(optionsOf(step, answers).map((o) => [o.id, o.label]));
    return value.map((id) => labels.get(id) ?? id).join("、");
  }
  const unit = step.kind === "percent" ? "%" : step.unit;
  return D.beforeAfter(
    formatWithUnit(value.before, unit),
    formatWithUnit(value.after, unit),
    formatRate(changeRatePercent(value.before, value.after)),
  );
}

/**
 * A checked Answer from a stored value (a profile value, a draft restored from storage):
 * undefined when the value does not fit the step (wrong type, unknown option id, outside
 * the step's bounds, too long). Used to pre-fill steps that have a `profileField`.
 */
export function answerFromValue(step: Step, value: unknown, answers: Answers = {}): Answer | undefined {
  const v = coerceValue(step, value, answers);
  return v === undefined ? undefined : { value: v, display: displayAnswerValue(step, v, answers) };
}

/** How a pre-filled profile value is shown for the step; undefined when it does not fit. */
export function displayProfileValue(step: Step, value: unknown, answers: Answers = {}): string | undefined {
  return answerFromValue(step, value, answers)?.display;
}

function isStringArray(v: unknown): v is readonly string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

function inBounds(step: Step, n: number): boolean {
  return !((step.min !== undefined && n < step.min) || (step.max !== undefined && n > step.max));
}

function coerceValue(step: Step, value: unknown, answers: Answers): AnswerValue | undefined {
  if (value === null || value === undefined) return undefined;
  switch (step.kind) {
    case "text":
    case "longText": {
      if (typeof value !== "string") return undefined;
      const s = value.trim();
      const max = step.maxLength ?? (step.kind === "text" ? DEFAULT_TEXT_MAX_LENGTH : DEFAULT_LONG_TEXT_MAX_LENGTH);
      return s === "" || Array.from(s).length > max ? undefined : s;
    }
    case "creditCode":
    case "phone":
    case "email":
    case "date": {
      if (typeof value !== "string") return undefined;
      const r =
        step.kind === "creditCode"
          ? parseCreditCode(value)
          : step.kind === "phone"
            ? parsePhone(value)
            : step.kind === "email"
              ? parseEmail(value)
              : parseDate(value, { requireDay: !step.monthPrecision });
      return r.ok ? r.value : undefined;
    }
    case "number":
    case "money":
    case "percent":
    case "count":
      if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
      if (step.kind === "count" && (!Number.isInteger(value) || value < 0)) return undefined;
      if (step.kind !== "count" && value < 0 && !allowsNegative(step)) return undefined;
      return inBounds(step, value) ? value : undefined;
    case "yesNo":
      return typeof value === "boolean" ? value : undefined;
    case "choice":
      return typeof value === "string" && optionsOf(step, answers).some((o) => o.id === value) ? value : undefined;
    case "multiChoice": {
      if (!isStringArray(value)) return undefined;
      const options = optionsOf(step, answers);
      const ids = new Set(value);
      if ([...ids].some((id) => !options.some((o) => o.id === id))) return undefined;
      const ordered = options.filter((o) => ids.has(o.id)).map((o) => o.id);
      const min = step.minChoices ?? 1;
      const max = step.maxChoices ?? options.length;
      return ordered.length < min || ordered.length > max ? undefined : ordered;
    }
    case "beforeAfter": {
      if (typeof value !== "object" || !("before" in value) || !("after" in value)) return undefined;
      const { before, after } = value;
      if (typeof before !== "number" || typeof after !== "number") return undefined;
      if (!Number.isFinite(before) || !Number.isFinite(after)) return undefined;
      if ((before < 0 || after < 0) && !allowsNegative(step)) return undefined;
      return inBounds(step, before) && inBounds(step, after) ? { before, after } : undefined;
    }
    default:
      return undefined;
  }
}

// ───────────────────────────── text ─────────────────────────────

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

function stripInvisible(s: string): string {
  return s.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, "");
}

function readText(step: Step, input: string): AnswerResult {
  const s = stripInvisible(input).replace(/[\t\r\n\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();
  if (s === "") return failure("TEXT_EMPTY", E.TEXT_EMPTY);
  if (CONTROL.test(s)) return failure("TEXT_CONTROL_CHARS", E.TEXT_CONTROL_CHARS);
  if (!HAS_CONTENT.test(s)) {
    return PICTOGRAPHIC.test(s) ? failure("TEXT_EMOJI_ONLY", E.TEXT_EMOJI_ONLY) : failure("TEXT_NO_CONTENT", E.TEXT_NO_CONTENT);
  }
  const max = step.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
  const length = Array.from(s).length;
  if (length > max) return failure("TEXT_TOO_LONG", E.TEXT_TOO_LONG(max, length));
  return success(s, s);
}

function readLongText(step: Step, input: string): AnswerResult {
  const s = input.trim();
  if (stripInvisible(s).trim() === "") return failure("TEXT_EMPTY", E.TEXT_EMPTY);
  const max = step.maxLength ?? DEFAULT_LONG_TEXT_MAX_LENGTH;
  const length = Array.from(s).length;
  if (length > max) return failure("TEXT_TOO_LONG", E.TEXT_TOO_LONG(max, length));
  return success(s, s);
}

// ───────────────────────────── numbers ─────────────────────────────

function allowsNegative(step: Step): boolean {
  return step.min !== undefined && step.min < 0;
}

/**
 * min/max; null when within bounds. `unit` is written once after the range (「0 到 5 家」),
 * and after the value given (「6 家」).
 */
function checkBounds(step: Step, n: number, unit: string | undefined): Failure | null {
  const min = step.min !== undefined && Number.isFinite(step.min) ? step.min : undefined;
  const max = step.max !== undefined && Number.isFinite(step.max) ? step.max : undefined;
  const low = min !== undefined && n < min;
  const high = max !== undefined && n > max;
  if (!low && !high) return null;
  const show = (x: number) => formatWithUnit(x, unit);
  const given = show(n);
  if (min !== undefined && max !== undefined) {
    return failure(low ? "VALUE_TOO_SMALL" : "VALUE_TOO_LARGE", E.VALUE_OUT_OF_RANGE(formatNumber(min), show(max), given));
  }
  if (low && min !== undefined) return failure("VALUE_TOO_SMALL", E.VALUE_TOO_SMALL(show(min), given));
  return failure("VALUE_TOO_LARGE", E.VALUE_TOO_LARGE(show(max ?? n), given));
}

/** Units accepted after a plain number: the step's unit, and "%" for percent-like steps. */
function numberUnits(unit: string | undefined): string[] {
  const units = [""];
  if (unit) units.push(unit);
  if (unit === undefined || unit === "%") units.push("%");
  return units;
}

type NumberRead = { ok: true; value: number } | Failure;

/** A decimal number, possibly with Chinese numerals, 万/亿, separators and a unit. */
function readDecimal(input: string, units: readonly string[], unit: string | undefined, allowNegative: boolean): NumberRead {
  const example = `85${unit ?? ""}`;
  const s = normalizeInput(input);
  const scanned = scanQuantity(s);
  if (!scanned.ok) {
    switch (scanned.kind) {
      case "EMPTY":
        return failure("NUMBER_EMPTY", E.NUMBER_EMPTY(example));
      case "APPROXIMATE":
        return failure("NUMBER_APPROXIMATE", E.NUMBER_APPROXIMATE(example));
      case "RANGE":
        return failure("NUMBER_RANGE", E.NUMBER_RANGE(example));
      case "MULTIPLE":
        return failure("NUMBER_MULTIPLE", E.NUMBER_MULTIPLE(example));
      case "AMBIGUOUS":
        return failure("NUMBER_AMBIGUOUS", E.NUMBER_AMBIGUOUS);
      case "NOT_A_NUMBER":
        return failure("NUMBER_NOT_A_NUMBER", E.NUMBER_NOT_A_NUMBER(example));
    }
  }
  if (scanned.prefix !== "") return failure("NUMBER_NOT_A_NUMBER", E.NUMBER_NOT_A_NUMBER(example));
  if (!units.some((u) => u.toLowerCase() === scanned.suffix.toLowerCase())) {
    return failure("NUMBER_WRONG_UNIT", E.NUMBER_WRONG_UNIT(scanned.suffix, unit, example));
  }
  const magnitude = decimalToNumber(scanned.value);
  if (scanned.negative && magnitude !== 0 && !allowNegative) return failure("NUMBER_NEGATIVE", E.NUMBER_NEGATIVE(example));
  return { ok: true, value: scanned.negative && magnitude !== 0 ? -magnitude : magnitude };
}

/** 「没有」「暂无」 for a count or number means 0 where 0 is allowed. */
function zeroInWords(step: Step, input: string): AnswerResult | null {
  if ((step.min ?? 0) > 0) return null;
  const t = input.trim().replace(/[。.！!]+$/u, "");
  return (V.zero as readonly string[]).includes(t) ? success(0, formatWithUnit(0, step.unit)) : null;
}

function readNumber(step: Step, input: string): AnswerResult {
  const zero = zeroInWords(step, input);
  if (zero) return zero;
  const r = readDecimal(input, numberUnits(step.unit), step.unit, allowsNegative(step));
  if (!r.ok) return r;
  return checkBounds(step, r.value, step.unit) ?? success(r.value, formatWithUnit(r.value, step.unit));
}

/** Measure words that mean the same count as the step's unit. */
const COUNT_UNIT_GROUPS: readonly (readonly string[])[] = [
  ["人", "名", "位", "个"],
  ["家", "户", "个"],
  ["户", "家", "个"],
  ["套", "台", "台套", "件", "个"],
  ["件", "套", "个"],
  ["台", "台套", "套", "个"],
  ["项", "个"],
];

function countUnits(unit: string | undefined): readonly string[] {
  if (!unit) return DEFAULT_COUNT_UNITS;
  return COUNT_UNIT_GROUPS.find((g) => g[0] === unit) ?? [unit];
}

function readCount(step: Step, input: string): AnswerResult {
  const zero = zeroInWords(step, input);
  if (zero) return zero;
  const r = parseCount(input, { units: countUnits(step.unit) });
  if (!r.ok) return parseFailure(r);
  return checkBounds(step, r.value, step.unit) ?? success(r.value, formatWithUnit(r.value, step.unit));
}

function readPercent(step: Step, input: string): AnswerResult {
  const options: { allowNegative: boolean; min?: number; max?: number } = { allowNegative: allowsNegative(step) };
  if (step.min !== undefined && Number.isFinite(step.min)) options.min = step.min;
  if (step.max !== undefined && Number.isFinite(step.max)) options.max = step.max;
  const r = parsePercent(input, options);
  if (!r.ok) return parseFailure(r);
  return success(r.value, formatWithUnit(r.value, "%"));
}

function stripTrailingPunctuation(s: string): string {
  return s.replace(/[\s。.!！?？;；,，、~]+$/u, "");
}

function startsWithAny(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w));
}

function readMoney(step: Step, input: string): AnswerResult {
  const allowNegative = allowsNegative(step);
  let s = stripTrailingPunctuation(normalizeInput(input));
  if ((V.breakEven as readonly string[]).includes(s)) return finishMoney(step, 0);

  let negative = false;
  const lossPrefix = startsWithAny(s, V.lossPrefixes);
  const lossSuffix = V.lossSuffixes.find((w) => s.endsWith(w));
  const sign = /^(?:-|负)\s*/.exec(s);
  if (lossPrefix !== undefined) {
    negative = true;
    s = s.slice(lossPrefix.length).trim();
    // 亏损-200万 is still a loss of 200万.
    s = s.replace(/^(?:-|负)\s*/, "");
  } else if (lossSuffix !== undefined && s.length > lossSuffix.length) {
    negative = true;
    s = s.slice(0, s.length - lossSuffix.length).trim();
  } else if (sign) {
    negative = true;
    s = s.slice(sign[0].length);
  } else {
    const profit = startsWithAny(s, V.profitPrefixes);
    if (profit !== undefined) s = s.slice(profit.length).trim();
  }
  if (negative && !allowNegative) return parseFailure({ ok: false, code: "MONEY_NEGATIVE" });

  let r = parseMoneyWan(s);
  if (!r.ok && r.code === "MONEY_NEEDS_UNIT") {
    r = parseMoneyWan(s, { defaultUnit: "wan" });
    if (r.ok && r.value >= BARE_MONEY_MAX_WAN) {
      return failure("MONEY_BARE_TOO_LARGE", E.MONEY_BARE_TOO_LARGE(s, formatMoneyWan(r.value)));
    }
  }
  if (!r.ok) return parseFailure(r);
  return finishMoney(step, negative && r.value !== 0 ? -r.value : r.value);
}

function finishMoney(step: Step, wan: number): AnswerResult {
  return checkBounds(step, wan, D.wan) ?? success(wan, formatMoneyWan(wan));
}

// ───────────────────────────── rough figures, places ─────────────────────────────

/**
 * 「八千万左右」「3000多万」: read without the hedging words. Taken as is where the step says a
 * rough figure will do (the self-check); otherwise read and confirmed before it is saved.
 */
function roughly(step: Step, input: string, read: (step: Step, input: string) => AnswerResult): AnswerResult {
  const exact = read(step, input);
  if (exact.ok) return exact;
  const { text, approximate } = stripApproximation(normalizeInput(input));
  if (!approximate || text === "") return exact;
  const r = read(step, text);
  if (!r.ok) return exact;
  return step.approximateOk ? { ...r, approximate: true } : { ...r, approximate: true, confirm: E.APPROXIMATE_CONFIRM(r.answer.display) };
}

function readPlace(level: "province" | "city" | "region", input: string): AnswerResult {
  const r = parsePlace(input);
  const given = clipGiven(input);
  if (!r.ok) {
    if (r.code === "PLACE_AMBIGUOUS") return failure(r.code, E.PLACE_AMBIGUOUS(given, r.candidates ?? []));
    if (r.code === "PLACE_INCONSISTENT") return failure(r.code, E.PLACE_INCONSISTENT(given));
    return failure(r.code, E.PLACE_UNKNOWN(given, level));
  }
  const p = r.value;
  const implied: Record<string, string> = { province: p.province };
  if (p.city) implied.city = p.city;
  if (level === "province") return { ok: true, answer: { value: p.province, display: p.province }, implied };
  if (level === "city") {
    if (!p.city) return failure("PLACE_NEEDS_CITY", E.PLACE_NEEDS_CITY(p.province));
    return { ok: true, answer: { value: p.city, display: p.city }, implied };
  }
  const full = formatPlace(p);
  return { ok: true, answer: { value: full, display: full }, implied };
}

function clipGiven(input: string): string {
  const cs = [...input.trim()];
  return cs.length > 20 ? `${cs.slice(0, 19).join("")}…` : cs.join("");
}

// ───────────────────────────── yes / no ─────────────────────────────

function yesNoWord(s: string): boolean | undefined {
  let w = stripTrailingPunctuation(s);
  const stripped = w.replace(/[的啊呀吧哦喔呢了]+$/u, "");
  if (stripped !== "") w = stripped;
  if ((V.yes as readonly string[]).includes(w)) return true;
  if ((V.no as readonly string[]).includes(w)) return false;
  // 「不运营」「没有建」「没被列入」 / 「已运营」「有签」: a negated or affirmed verb of the question.
  if (NEGATED_VERB.test(w)) return false;
  if (AFFIRMED_VERB.test(w)) return true;
  return undefined;
}

const VERBS = "(?:运营|建设|建成|建|做|搞|参与|签订|签|评估|评|开展|发生|列入|完成|具备|具有|属于)";
const NEGATED_VERB = new RegExp(`^(?:不|没有?|未|尚未|还没有?|并没有?|没被|未被|不曾)${VERBS}.{0,4}$`, "u");
const AFFIRMED_VERB = new RegExp(`^(?:有|已|已经|在|正在|都)${VERBS}.{0,4}$`, "u");

function readYesNo(input: string): AnswerResult {
  const s = normalizeInput(input).toLowerCase();
  let v = yesNoWord(s);
  if (v === undefined) {
    // 「是，我们是独立法人」: the first clause decides.
    const first = s.split(/[,，。;；!！\s]/u)[0] ?? "";
    if (first !== s) v = yesNoWord(first);
  }
  if (v === undefined) return failure("YES_NO_INVALID", E.YES_NO_INVALID);
  return success(v, v ? D.yes : D.no);
}

// ───────────────────────────── choices ─────────────────────────────

/** Matching key: half-width, no spaces, lower case. */
function key(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, "").toLowerCase();
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** 「2」「第2项」「选2」「(2)」「2.」「②」「第二个」 → 2. */
function positionOf(token: string): number | undefined {
  let s = stripTrailingPunctuation(key(token)).replace(/[)）.、:：]+$/u, "").replace(/^[(（]/u, "");
  const circled = CIRCLED.indexOf(s);
  if (s.length === 1 && circled >= 0) return circled + 1;
  const prefix = startsWithAny(s, V.positionPrefixes);
  if (prefix !== undefined) s = s.slice(prefix.length);
  const suffix = V.positionSuffixes.find((w) => s.endsWith(w));
  if (suffix !== undefined) s = s.slice(0, s.length - suffix.length);
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (/^[一二两三四五六七八九十]{1,3}$/u.test(s)) {
    const r = parseCount(s);
    return r.ok ? r.value : undefined;
  }
  return undefined;
}

type Resolved =
  | { kind: "one"; option: ChoiceOption }
  | { kind: "several"; options: ChoiceOption[] }
  | { kind: "ambiguous"; candidates: ChoiceOption[] }
  | { kind: "outOfRange"; n: number }
  | { kind: "none" };

/** Drops candidates whose label sits inside another candidate's label (企业 inside 工业企业). */
function maximal(candidates: ChoiceOption[]): ChoiceOption[] {
  return candidates.filter((c) => !candidates.some((o) => o !== c && key(o.label).includes(key(c.label))));
}

function resolveOne(token: string, options: readonly ChoiceOption[]): Resolved {
  const k = stripTrailingPunctuation(key(token));
  if (k === "") return { kind: "none" };
  const exact = options.find((o) => key(o.label) === k);
  if (exact) return { kind: "one", option: exact };
  const n = positionOf(token);
  if (n !== undefined) {
    const option = options[n - 1];
    return option && n >= 1 ? { kind: "one", option } : { kind: "outOfRange", n };
  }
  const byId = options.find((o) => o.id.toLowerCase() === k);
  if (byId) return { kind: "one", option: byId };
  const inside = maximal(options.filter((o) => key(o.label) !== "" && k.includes(key(o.label))));
  if (inside.length === 1 && inside[0]) return { kind: "one", option: inside[0] };
  if (inside.length > 1) return { kind: "several", options: inside };
  const containing = options.filter((o) => key(o.label).includes(k));
  if (containing.length === 1 && containing[0]) return { kind: "one", option: containing[0] };
  if (containing.length > 1) return { kind: "ambiguous", candidates: containing };
  return { kind: "none" };
}

function readChoice(step: Step, input: string, options: readonly ChoiceOption[]): AnswerResult {
  if (options.length === 0) return failure("CHOICE_NO_OPTIONS", E.CHOICE_NO_OPTIONS);
  const given = stripTrailingPunctuation(normalizeInput(input));
  if (given === "") return failure("CHOICE_EMPTY", E.CHOICE_EMPTY(options));
  let r = resolveOne(given, options);
  const alias = V.choiceAliases.find(([word]) => given.includes(word));
  if (r.kind === "none" && alias) r = resolveOne(given.replace(alias[0], alias[1]), options);
  switch (r.kind) {
    case "one":
      return success(r.option.id, r.option.label);
    case "several":
      return failure("CHOICE_MULTIPLE", E.CHOICE_MULTIPLE(options));
    case "ambiguous":
      return failure("CHOICE_AMBIGUOUS", E.CHOICE_AMBIGUOUS(given, r.candidates, options));
    case "outOfRange":
      return failure("CHOICE_OUT_OF_RANGE", E.CHOICE_OUT_OF_RANGE(r.n, options));
    case "none": {
      // 「1、3」 on a single choice.
      const items = splitItems(given);
      return items.length > 1 && items.every((t) => positionOf(t) !== undefined)
        ? failure("CHOICE_MULTIPLE", E.CHOICE_MULTIPLE(options))
        : failure("CHOICE_UNKNOWN", E.CHOICE_UNKNOWN(given, options));
    }
  }
}

const LIST_SPLIT = new RegExp(`[、,;/|\\s]+|${V.listWords.join("|")}`, "u");

function splitItems(s: string): string[] {
  return s
    .split(LIST_SPLIT)
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

const RANGE_TOKEN = /^(\d{1,3}|[一二两三四五六七八九十]{1,3})(?:-|~|到|至)(\d{1,3}|[一二两三四五六七八九十]{1,3})$/u;

function readMultiChoice(step: Step, input: string, options: readonly ChoiceOption[]): AnswerResult {
  if (options.length === 0) return failure("CHOICE_NO_OPTIONS", E.CHOICE_NO_OPTIONS);
  const s = stripTrailingPunctuation(normalizeInput(input)).toLowerCase();
  if (s === "") return failure("MULTI_EMPTY", E.MULTI_EMPTY(options));
  const whole = key(s);
  if ((V.all as readonly string[]).includes(whole)) return finishMulti(step, new Set(options.map((o) => o.id)), options);
  if ((V.none as readonly string[]).includes(whole)) return finishMulti(step, new Set(), options);

  const selected = new Set<string>();
  // Full labels first, longest first, so that labels with separators inside survive the split.
  let rest = s;
  for (const o of [...options].sort((a, b) => key(b.label).length - key(a.label).length)) {
    const lk = key(o.label);
    if (lk !== "" && rest.includes(lk)) {
      selected.add(o.id);
      rest = rest.split(lk).join("、");
    }
  }
  rest = rest.replace(/\s*(-|~|到|至)\s*/gu, "$1");
  // 「1.3.5」: dots between option numbers separate them.
  const tokens = splitItems(rest).flatMap((t) => (/^\d{1,3}(?:\.\d{1,3})+$/.test(t) ? t.split(".") : [t]));
  for (const token of tokens) {
    const range = RANGE_TOKEN.exec(token);
    if (range) {
      const a = positionOf(range[1] ?? "");
      const b = positionOf(range[2] ?? "");
      if (a === undefined || b === undefined) return failure("MULTI_UNKNOWN", E.MULTI_UNKNOWN(token, options));
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const bad = [lo, hi].find((n) => n < 1 || n > options.length);
      if (bad !== undefined) return failure("MULTI_OUT_OF_RANGE", E.MULTI_OUT_OF_RANGE(bad, options));
      for (let i = lo; i <= hi; i += 1) {
        const o = options[i - 1];
        if (o) selected.add(o.id);
      }
      continue;
    }
    const r = resolveOne(token, options);
    switch (r.kind) {
      case "one":
        selected.add(r.option.id);
        break;
      case "several":
        for (const o of r.options) selected.add(o.id);
        break;
      case "ambiguous":
        return failure("MULTI_AMBIGUOUS", E.MULTI_AMBIGUOUS(token, r.candidates, options));
      case "outOfRange":
        return failure("MULTI_OUT_OF_RANGE", E.MULTI_OUT_OF_RANGE(r.n, options));
      case "none":
        return failure("MULTI_UNKNOWN", E.MULTI_UNKNOWN(token, options));
    }
  }
  if (selected.size === 0) return failure("MULTI_EMPTY", E.MULTI_EMPTY(options));
  return finishMulti(step, selected, options);
}

function finishMulti(step: Step, selected: ReadonlySet<string>, options: readonly ChoiceOption[]): AnswerResult {
  const chosen = options.filter((o) => selected.has(o.id));
  const min = step.minChoices ?? 1;
  const max = step.maxChoices ?? options.length;
  if (chosen.length < min) {
    return failure("MULTI_TOO_FEW", min === 1 && chosen.length === 0 ? E.MULTI_EMPTY(options) : E.MULTI_TOO_FEW(min));
  }
  if (chosen.length > max) return failure("MULTI_TOO_MANY", E.MULTI_TOO_MANY(max, chosen.length));
  const ids = chosen.map((o) => o.id);
  return success(ids, chosen.length === 0 ? D.noneSelected : chosen.map((o) => o.label).join("、"));
}

// ───────────────────────────── before / after ─────────────────────────────

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
const alt = (words: readonly string[]) => words.map(escapeRe).join("|");
const BEFORE = alt(V.beforeLabels);
const AFTER = alt(V.afterLabels);
const LEAD = alt(V.beforeAfterLead);
const GLUE = "[:：]?(?:为|是|达到|约)?"; // 约 is then refused by the number parser
const BEFORE_FIRST = new RegExp(`^(?:${LEAD})?(?:${BEFORE})${GLUE}(.+?)[,;、/\\s]*(?:${AFTER})${GLUE}(.+)$`, "u");
const AFTER_FIRST = new RegExp(`^(?:${AFTER})${GLUE}(.+?)[,;、/\\s]*(?:${BEFORE})${GLUE}(.+)$`, "u");

function splitBeforeAfter(s: string): [string, string] | undefined {
  const b = BEFORE_FIRST.exec(s);
  if (b) return [b[1] ?? "", b[2] ?? ""];
  const a = AFTER_FIRST.exec(s);
  if (a) return [a[2] ?? "", a[1] ?? ""];

  const lead = startsWithAny(s, V.beforeAfterLead);
  const t = lead === undefined ? s : s.slice(lead.length);
  for (const sep of V.beforeAfterSeparators) {
    const parts = t.split(sep);
    if (parts.length === 2) return [parts[0] ?? "", parts[1] ?? ""];
    if (parts.length > 2) return undefined;
  }
  // Spaces or punctuation; a comma followed by exactly three digits is a thousands separator.
  const pieces = t.split(/\s*(?:[、;/|~]|,(?!\d{3}(?!\d)))\s*|\s+/u).filter((p) => p !== "");
  if (pieces.length === 2) return [pieces[0] ?? "", pieces[1] ?? ""];
  const hyphen = /^(-?[^-\s]+)\s*-\s*(-?[^-\s]+)$/u.exec(t);
  if (hyphen) return [hyphen[1] ?? "", hyphen[2] ?? ""];
  return undefined;
}

/** 「每小时 100 件」「每人每年 80 万元」: a rate's 「每…」. */
const RATE_PREFIX = /^每(?:人每年|人每月|人|小时|天|日|周|月|年|吨|件|台|批|次)\s*/u;
/** A figure with its own measure word (「180 天」「6 个」「0.5 吨标准煤」): the number. */
const OWN_MEASURE = /^(-?\d+(?:\.\d+)?)\s*(?:万元|元|[^\d\s.%万亿]{1,6})$/u;

/**
 * A KPI without a fixed unit is stated in whatever measure it has (件/小时, 天, 万元, 吨标准煤):
 * both values in the same measure, so only the numbers matter for the change rate.
 */
function looseMeasure(text: string, unit: string | undefined): string {
  if (unit !== undefined) return text;
  const t = text.replace(RATE_PREFIX, "");
  return OWN_MEASURE.exec(t)?.[1] ?? t;
}

function readBeforeAfter(step: Step, input: string): AnswerResult {
  const unit = step.unit;
  const example = D.beforeAfterExample(unit === "%" ? "%" : "");
  // A Chinese comma always separates the two values here (「850，920」), never thousands.
  const s = stripTrailingPunctuation(normalizeInput(input.replace(/，/g, "、")));
  const parts = s === "" ? undefined : splitBeforeAfter(s);
  if (!parts) return failure("BEFORE_AFTER_FORMAT", E.BEFORE_AFTER_FORMAT(example));
  const units = numberUnits(unit);
  const values: number[] = [];
  for (const [which, raw] of [["before", parts[0]], ["after", parts[1]]] as const) {
    const text = looseMeasure(stripTrailingPunctuation(raw.trim()), unit);
    const r = readDecimal(text, units, unit, allowsNegative(step));
    if (!r.ok) return failure(r.code, E.BEFORE_AFTER_PART(which, r.message));
    const out = checkBounds(step, r.value, unit);
    if (out) return failure(out.code, E.BEFORE_AFTER_PART(which, out.message));
    values.push(r.value);
  }
  const [before = 0, after = 0] = values;
  const value = { before, after };
  return success(value, displayAnswerValue(step, value));
}
