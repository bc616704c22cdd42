/**
 * Rough figures as people give them: 「八千万左右」「3000多万」「大约120家」「差不多两个亿」.
 * `stripApproximation` removes the hedging words so the number parsers can read the figure;
 * whether a rough figure is good enough is the caller's decision (the self-check takes it,
 * the 申报书 confirms it). Bounds (以上, 不到, 超过) are not approximations and stay.
 */
const AROUND = /左右|上下|大概|大约|约为|约|差不多|将近|接近|估计|估摸|大致/gu;
/** 「八千多万」「3000余万」「300来家」: 多/余/来 after a numeral. */
const MORE = /(?<=[\d一二两三四五六七八九十百千万])(?:多|余|来)/gu;
const TRAILING_MORE = /(?<=[\d一二两三四五六七八九十百千万亿])(?:多|余)(?=[^\d]*$)/u;

export function stripApproximation(input: string): { text: string; approximate: boolean } {
  const text = input.replace(AROUND, "").replace(MORE, "").replace(TRAILING_MORE, "").trim();
  return { text, approximate: text !== input.trim() };
}
