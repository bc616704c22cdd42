import type { Program } from "../eligibility/index.ts";
import type { ApplicationFlow } from "../forms/types.ts";

/** A program users can apply for through the bot: its rules, its form, and how users name it. */
export interface ApplicationEntry {
  program: Program;
  flow: ApplicationFlow;
  /** Short Chinese name for buttons and lists, e.g. 「先进级智能工厂」. */
  shortName: string;
  /** Words that name this program in free text (「智能工厂」); the most specific match wins. */
  keywords: readonly string[];
}

export interface Catalog {
  /** Every program whose rules the questionnaire evaluates. */
  programs: readonly Program[];
  applications: readonly ApplicationEntry[];
}

export function entryOf(catalog: Catalog, programId: string): ApplicationEntry | undefined {
  return catalog.applications.find((a) => a.program.id === programId);
}

/** The program a line of text names, by its longest matching keyword (null when none or a tie). */
export function entryNamedIn(catalog: Catalog, text: string): ApplicationEntry | null {
  let best: ApplicationEntry | null = null;
  let bestLen = 0;
  let tie = false;
  for (const entry of catalog.applications) {
    for (const k of entry.keywords) {
      if (!text.includes(k)) continue;
      if (k.length > bestLen) {
        best = entry;
        bestLen = k.length;
        tie = false;
      } else if (k.length === bestLen && best !== entry) {
        tie = true;
      }
    }
  }
  return tie ? null : best;
}
