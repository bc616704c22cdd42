import type { Profile } from "./profile.ts";
import { sameRegion } from "./rule-builders.ts";
import type { ProgramDeadline } from "./types.ts";

export interface DeadlineView {
  date: string;
  what: string;
  party: "enterprise" | "bureau";
  region: string | null;
  passed: boolean;
}

/** A deadline day is still open on that day (「5月30日前」 is read as "by the end of 30 May"). */
export function isPassed(deadline: string, asOf: string): boolean {
  return asOf > deadline;
}

function earliest(ds: readonly ProgramDeadline[]): ProgramDeadline | null {
  let best: ProgramDeadline | null = null;
  for (const d of ds) if (best === null || d.date < best.date) best = d;
  return best;
}

/**
 * The deadline that applies to this enterprise: a regional one (e.g. 福州市) when its city
 * matches, else the general one; when the city is unknown, the earliest of all, so that a
 * user is never told a later date than the one that may apply.
 */
export function applicableDeadline(
  deadlines: readonly ProgramDeadline[],
  profile: Pick<Profile, "city">,
): ProgramDeadline | null {
  if (deadlines.length === 0) return null;
  if (profile.city == null) return earliest(deadlines);
  const city = profile.city;
  const regional = deadlines.filter((d) => d.region != null && sameRegion(city, d.region));
  if (regional.length > 0) return earliest(regional);
  return earliest(deadlines.filter((d) => d.region == null));
}

export function deadlineViews(deadlines: readonly ProgramDeadline[], asOf: string): DeadlineView[] {
  return deadlines.map((d) => ({
    date: d.date,
    what: d.what,
    party: d.party,
    region: d.region ?? null,
    passed: isPassed(d.date, asOf),
  }));
}
