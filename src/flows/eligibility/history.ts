import { applicableDeadline, isPassed } from "./deadlines.ts";
import type { Profile } from "./profile.ts";
import type { Program } from "./types.ts";

/** How many years a notice without a printed deadline is taken as current. @defaultValue 3 */
export const DEFAULT_HISTORY_AFTER_YEARS = 3;

export type NoticeStatus =
  | { kind: "open"; deadline: string | null }
  /** Past its deadline, or old with none printed: useful to prepare, not open for applications. */
  | { kind: "history"; reason: "deadlinePassed"; deadline: string }
  | { kind: "history"; reason: "old"; year: number };

/** Whether a program's notice is open or history on `today` (YYYY-MM-DD). */
export function noticeStatus(program: Program, profile: Pick<Profile, "city">, today: string, historyAfterYears = DEFAULT_HISTORY_AFTER_YEARS): NoticeStatus {
  const d = applicableDeadline(program.deadlines, profile);
  if (d) return isPassed(d.date, today) ? { kind: "history", reason: "deadlinePassed", deadline: d.date } : { kind: "open", deadline: d.date };
  const year = Number(program.noticeDate.slice(0, 4));
  const age = Number(today.slice(0, 4)) - year;
  // Year-only dates (「2020」) count from the end of that year, so a notice is never called old too early.
  const olderThan = program.noticeDate.length === 4 ? age - 1 >= historyAfterYears : `${year + historyAfterYears}${program.noticeDate.slice(4)}` < today;
  return olderThan ? { kind: "history", reason: "old", year } : { kind: "open", deadline: null };
}
