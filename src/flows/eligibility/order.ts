interface Orderable {
  verdict: "eligible" | "unknown" | "ineligible";
  deadline: string | null;
  deadlinePassed: boolean | null;
}

// Open deadline first, then programs that print no deadline, then passed ones.
function deadlineRank(r: Orderable): number {
  if (r.deadlinePassed === false) return 0;
  if (r.deadlinePassed === null) return 1;
  return 2;
}

/**
 * Order for a user: what they can act on first. Eligible with an open deadline, then unknown
 * with an open deadline (answer the missing facts), then the same two for programs without a
 * printed deadline, then those whose deadline has passed; ineligible last. Within a group the
 * soonest deadline comes first; ties keep catalog order (the sort is stable).
 */
export function orderForUser<T extends Orderable>(results: readonly T[]): T[] {
  const key = (r: T): number =>
    r.verdict === "ineligible" ? 100 : deadlineRank(r) * 10 + (r.verdict === "eligible" ? 0 : 1);
  return [...results].sort((a, b) => {
    const d = key(a) - key(b);
    if (d !== 0) return d;
    if (a.verdict === "ineligible") return 0;
    if (a.deadline && b.deadline && a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
    return 0;
  });
}
