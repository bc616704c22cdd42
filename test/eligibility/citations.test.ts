import { describe, expect, it } from "vitest";
import { sizeClassCitations, type Citation, type Program } from "../../src/flows/eligibility/index.ts";
import { programs } from "../../src/flows/programs/index.ts";
import { noticeOf, notices, squash, type Notice } from "../support/notices.ts";

/** Every citation a program carries: rules, parameters, deadlines. */
function citationsOf(program: Program): [where: string, c: Citation][] {
  const out: [string, Citation][] = [];
  for (const cat of program.categories) {
    for (const r of cat.rules) out.push([`${program.id}/${String(cat.id)}/${r.id}`, r.citation]);
  }
  for (const [k, p] of Object.entries(program.params)) out.push([`${program.id}/params.${k}`, p.source]);
  for (const d of program.deadlines) out.push([`${program.id}/deadline ${d.date}`, d.source]);
  return out;
}

const corpusCitations = programs.flatMap((p) =>
  citationsOf(p)
    .filter(([, c]) => !c.external)
    .map(([where, c]) => [where, p, c] as const),
);

describe("every corpus citation is verbatim and points at the right 文号", () => {
  it("there are citations to check", () => {
    expect(corpusCitations.length).toBeGreaterThan(50);
  });

  it.each(corpusCitations)("%s", (_where, program, c) => {
    expect(c.quote.length).toBeGreaterThan(2);
    expect(c.section.length).toBeGreaterThan(0);
    const notice = noticeOf(program);
    const known = [notice.meta.docNumber, ...notice.meta.parts.map((p) => p.docNumber)];
    expect(known).toContain(c.docNumber);
    // The quote must sit in the part that carries this 文号 (a city notice's text is not the province's).
    expect(notice.byDocNumber.get(c.docNumber)).toContain(squash(c.quote));
  });
});

describe("size-class citations", () => {
  it.each(sizeClassCitations.filter((c) => !c.external).map((c) => [c.quote, c] as const))("%s", (_q, c) => {
    const hit = [...notices.values()].find((n) => n.byDocNumber.has(c.docNumber));
    expect(hit, `no notice carries ${String(c.docNumber)}`).toBeDefined();
    expect(hit?.byDocNumber.get(c.docNumber)).toContain(squash(c.quote));
  });
});

describe("external citations are marked and name their source", () => {
  const external = [...programs.flatMap((p) => citationsOf(p)), ...sizeClassCitations.map((c) => ["size-class", c] as [string, Citation])].filter(
    ([, c]) => c.external,
  );
  it("规模以上工业企业 is one of them", () => {
    expect(external.some(([, c]) => c.quote.includes("2000万元及以上"))).toBe(true);
  });
  it.each(external)("%s", (_where, c) => {
    expect(c.docNumber).toBeTruthy();
    expect(c.quote.length).toBeGreaterThan(5);
  });
});

describe("the quote check can fail", () => {
  const notice = notices.get("fj-2024-integration") as Notice;
  it.each([
    ["a changed figure", "上一年度营业收入不少于2000万元"],
    ["the 方向一 wording put into the 申报条件 sentence", "省级示范平台连接服务企业达到100家以上"],
  ])("%s", (_n, quote) => {
    expect(notice.byDocNumber.get(notice.meta.docNumber)).not.toContain(squash(quote));
  });
  it("the 2023 notice keeps its typo 杀手铜", () => {
    expect(notices.get("fj-2023-cross-industry-platform")?.byDocNumber.get(null)).toContain("杀手铜工业APP");
  });
});

describe("program metadata agrees with the corpus", () => {
  it("every notice that takes applications has exactly one program; the 2018 opinion has none", () => {
    const taking = [...notices.values()].filter((n) => n.meta.takesApplications).map((n) => n.meta.docId).sort();
    expect(programs.map((p) => p.noticeId).sort()).toEqual(taking);
    expect(programs.some((p) => p.noticeId === "fj-2018-industrial-internet-opinion")).toBe(false);
  });

  it.each(programs.map((p) => [p.id, p] as const))("%s", (_id, program) => {
    const { meta } = noticeOf(program);
    expect(program.title).toBe(meta.title);
    expect(program.docNumber).toBe(meta.docNumber);
    expect(program.issuer).toBe(meta.issuer);
    expect(program.noticeDate).toBe(meta.date);
    expect(program.region).toBe(meta.region);
    expect(program.deadlines.map((d) => [d.date, d.party, d.region ?? null])).toEqual(
      meta.deadlines.map((d) => [d.date, d.party ?? "enterprise", d.region ?? null]),
    );
    expect(program.contacts.map((c) => [c.name, c.phone, c.email])).toEqual(meta.contacts.map((c) => [c.name, c.phone, c.email]));
    expect(program.parts.map((p) => p.docNumber)).toEqual(meta.parts.map((p) => p.docNumber));
    expect(program.form.title.length).toBeGreaterThan(0);
    expect(program.materials.length).toBeGreaterThan(0);
  });

  it("rule ids are unique within each category, and every category id is unique within its program", () => {
    for (const p of programs) {
      expect(new Set(p.categories.map((c) => c.id)).size).toBe(p.categories.length);
      for (const c of p.categories) expect(new Set(c.rules.map((r) => r.id)).size).toBe(c.rules.length);
    }
  });

  it("the contract's category ids exist", () => {
    const ids = (id: string) => programs.find((p) => p.id === id)?.categories.map((c) => c.id);
    expect(ids("fj-2024-integration")).toEqual(["platform-demo", "platform-sme", "benchmark-digital", "benchmark-data-security", "identifier"]);
    expect(ids("fj-2023-cross-industry-platform")).toEqual([null]);
    expect(ids("fj-2025-smart-factory-advanced")).toEqual([null]);
    expect(ids("jl-2020-demo")).toEqual(expect.arrayContaining([null, "platform", "software", "servitization"]));
  });

  it("city quotas for the 2024 benchmarks add up as printed", () => {
    const q = programs.find((p) => p.id === "fj-2024-integration")?.cityQuotas ?? [];
    const sum = (cat: string) => q.filter((x) => x.categoryId === cat).reduce((n, x) => n + (x.count ?? 0), 0);
    expect(sum("benchmark-digital")).toBe(10 + 10 + 15 + 7 + 5 * 5);
    expect(sum("benchmark-data-security")).toBe(5 * 3 + 3 * 6);
  });
});
