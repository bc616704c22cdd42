/**
 * Layout rules every program's 申报书 keeps, read from the .docx itself (test/documents/
 * libreoffice.test.ts then checks the pages LibreOffice makes of it).
 */
import { describe, expect, it } from "vitest";
import { SEAL_ROOM, SIGNATURE_ROOM, TABLE_SIZE } from "../../src/documents/docx-kit.ts";
import type { DocumentInput } from "../../src/documents/types.ts";
import { programModules, type ProgramModule } from "../../src/flows/programs/index.ts";
import { all, openDocx, paragraphText, parseXml, type XmlElement } from "../support/docx.ts";
import { fillFlow, type Filled } from "../support/fill.ts";

const GENERATED_AT = "2026-11-22T02:00:00.000Z";

function input(m: ProgramModule, answers: Filled): DocumentInput {
  return { programId: m.program.id, draftId: "layout", draftVersion: 1, answers, profile: {}, generatedAt: GENERATED_AT };
}

const child = (el: XmlElement, name: string) => el.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);

/** Body-level blocks grouped by section, with each section's orientation. */
function sections(body: XmlElement): Array<{ landscape: boolean; blocks: XmlElement[] }> {
  const out: Array<{ landscape: boolean; blocks: XmlElement[] }> = [];
  let blocks: XmlElement[] = [];
  const close = (sectPr: XmlElement) => {
    const pgSz = child(sectPr, "w:pgSz")!;
    out.push({ landscape: Number(pgSz.attrs["w:w"]) > Number(pgSz.attrs["w:h"]), blocks });
    blocks = [];
  };
  for (const c of body.children) {
    if (typeof c === "string") continue;
    if (c.name === "w:sectPr") close(c);
    else {
      blocks.push(c);
      const inner = c.name === "w:p" ? child(child(c, "w:pPr") ?? c, "w:sectPr") : undefined;
      if (inner) close(inner);
    }
  }
  return out;
}

describe.each(programModules.map((m) => [m.program.id, m] as const))("%s 申报书 layout", (_id, m) => {
  const variants = [
    fillFlow(m.flow).answers,
    fillFlow(m.flow, { skipOptional: true, sample: { moneyBase: 12000 } }).answers,
    fillFlow(m.flow, { choice: 1, sample: { moneyBase: -50 } }).answers,
  ];
  const docs = () => Promise.all(variants.map(async (answers) => ({ answers, doc: openDocx(await m.document.render(input(m, answers))) })));

  it("tables: one text size, rows never split across pages", async () => {
    for (const { doc } of await docs()) {
      const body = parseXml(doc.documentXml);
      const rows = all(body, "w:tr");
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((tr) => !child(child(tr, "w:trPr") ?? tr, "w:cantSplit")).length).toBe(0);
      const offSize = new Set<string>();
      for (const tc of all(body, "w:tc")) {
        for (const r of all(tc, "w:r")) {
          const text = all(r, "w:t").map((t) => t.children.join("")).join("");
          if (text.trim() === "") continue;
          const sz = child(child(r, "w:rPr") ?? r, "w:sz")?.attrs["w:val"];
          if (Number(sz) !== TABLE_SIZE) offSize.add(`${sz ?? "default"}: ${text.slice(0, 30)}`);
        }
      }
      expect([...offSize]).toEqual([]);
    }
  });

  it("amounts in tables are plain numbers of 万元, never the chat's 「… 万元」 / 「… 亿元」", async () => {
    for (const { answers, doc } of await docs()) {
      const cells = doc.tables.flat(2);
      const money = fillFlow(m.flow).asked.filter((i) => i.step.kind === "money").map((i) => answers[i.key]);
      const displays = money.flatMap((a) => (a && "value" in a ? [a.display] : []));
      expect(displays.length).toBeGreaterThan(0);
      expect(cells.filter((c) => displays.some((d) => c.includes(d)))).toEqual([]);
      expect(cells.filter((c) => /\d\s*亿元/.test(c))).toEqual([]);
    }
  });

  it("wide tables are on landscape pages", async () => {
    for (const { doc } of await docs()) {
      for (const s of sections(parseXml(doc.documentXml))) {
        const wide = s.blocks.filter((b) => b.name === "w:tbl" && all(child(b, "w:tblGrid")!, "w:gridCol").length > 7);
        if (!s.landscape) expect(wide.length).toBe(0);
      }
    }
  });

  it("dates to sign are left for the applicant, with room to seal and sign", async () => {
    for (const { doc } of await docs()) {
      expect(doc.text).not.toContain("2026年11月22日");
      // Signature blocks: right-aligned lines to seal or sign (a cover's 「申报单位（盖章）：name」 is a label).
      const rightAligned = (p: XmlElement) => all(p, "w:jc").some((j) => j.attrs["w:val"] === "right" || j.attrs["w:val"] === "end");
      const sealed = all(parseXml(doc.documentXml), "w:p").filter((p) => rightAligned(p) && /（盖章）|（公章）|公章：|签章：|（签字）/.test(paragraphText(p)));
      expect(sealed.length).toBeGreaterThan(0);
      for (const p of sealed) {
        const before = Number(all(p, "w:spacing")[0]?.attrs["w:before"] ?? 0);
        const room = /盖章|公章|签章/.test(paragraphText(p)) ? SEAL_ROOM : SIGNATURE_ROOM;
        expect(before, paragraphText(p)).toBeGreaterThanOrEqual(room);
      }
    }
  });
});
