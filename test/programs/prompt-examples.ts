/**
 * The example answers a prompt shows, as a user would copy them: 「（如：2015-03-18）」,
 * 「例如：5000万 或 1.2亿」 (two examples), 「如“2022年1月1日-2024年12月31日”」,
 * 「亏损请填负数，如 -3%」. What follows 「；」 or a parenthesis inside an example is advice,
 * not part of it (「（如：AAA；没有评级可回复“跳过”）」 shows one example, AAA).
 */
export function promptExamples(prompt: string): string[] {
  const raw: string[] = [];
  const patterns = [/（如[：:]([^）]*)）/g, /例如[：:]\s*([^（）]*)/g, /如“([^”]+)”/g, /[，,]如\s+([^，。；（）\s]+)/g];
  for (const re of patterns) for (const m of prompt.matchAll(re)) raw.push(m[1]!);
  const out: string[] = [];
  for (const r of raw) {
    const head = r.split(/[；。]/)[0]!.trim();
    for (const alt of head.split(/\s+或\s+/)) {
      const example = alt.trim().replace(/[，,、]$/, "");
      if (example && !out.includes(example)) out.push(example);
    }
  }
  return out;
}
