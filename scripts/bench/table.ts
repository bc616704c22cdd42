export interface BenchTable {
  title: string;
  rows: Array<Record<string, string | number>>;
  note?: string;
}

/** Renders a table as GitHub markdown, so bench output pastes into the README. */
export function renderTable(t: BenchTable): string {
  const first = t.rows[0];
  if (!first) return `### ${t.title}\n(no rows)\n`;
  const cols = Object.keys(first);
  const line = (cells: Array<string | number>) => `| ${cells.join(" | ")} |`;
  return [
    `### ${t.title}`,
    "",
    line(cols),
    line(cols.map(() => "---")),
    ...t.rows.map((r) => line(cols.map((c) => r[c] ?? ""))),
    ...(t.note ? ["", t.note] : []),
    "",
  ].join("\n");
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const ms = (x: number) => Math.round(x * 100) / 100;
