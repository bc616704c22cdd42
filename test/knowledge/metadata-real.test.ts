import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractMetadata } from "../../src/knowledge/metadata.ts";
import { metadataAccuracy, tuningNoticesDir } from "../../scripts/bench/qa.ts";

const dir = path.join(import.meta.dirname, "..", "fixtures", "qa", "notices");
const read = (f: string) => extractMetadata(fs.readFileSync(path.join(dir, f), "utf8"));

// Notices written in the shape of real provincial notices (web page furniture, cited upstream
// documents, deadlines without a year, several contacts per line); expected-meta.json by hand.
describe("metadata of real-shaped notices", () => {
  it("gets at least 90% of the printed fields right", async () => {
    const m = await metadataAccuracy();
    expect(m.right / m.fields).toBeGreaterThanOrEqual(0.9);
  });

  it("gets at least 90% of the printed fields of the tuning notices right (信息公开 table, joint issuers, PDF lines …)", async () => {
    const m = await metadataAccuracy(tuningNoticesDir);
    expect(m.fields).toBeGreaterThanOrEqual(100);
    expect(m.right / m.fields).toBeGreaterThanOrEqual(0.9);
  });

  it("takes this notice's title and 文号, not the cited documents' (财建〔2023〕117号), past a breadcrumb", () => {
    const m = read("js-2026-benchmark-factory.txt");
    expect(m.title).toBe("江苏省工业和信息化厅关于组织开展2026年度省级工业互联网标杆工厂申报工作的通知");
    expect(m.docNumber).toBe("苏工信数字〔2026〕58号");
  });

  it("reads every contact of a line and ignores the site's complaint hotline", () => {
    const js = read("js-2026-benchmark-factory.txt");
    expect(js.contacts.map((c) => [c.name, c.phone])).toEqual([
      ["王立新", "025-83331234"],
      ["陈静", "025-83335678"],
      ["刘洋", "025-83339012"],
    ]);
    const sz = read("sz-2025-sme-digital.txt");
    expect(sz.contacts.map((c) => c.phone)).not.toContain("0755-12345");
    expect(sz.contacts.slice(0, 2).map((c) => [c.name, c.phone])).toEqual([
      ["黄海涛", "0755-88120001"],
      ["李梦", "0755-88120001"],
    ]);
    const sc = read("sc-2024-5g-factory.txt");
    expect(sc.contacts.slice(0, 2).map((c) => [c.name, c.phone])).toEqual([
      ["赵明", "028-86701234"],
      ["孙悦", "028-86705678"],
    ]);
  });

  it("dates a deadline without a year by the notice's date and says so in warnings", () => {
    const m = read("sc-2024-5g-factory.txt");
    expect(m.deadlines.map((d) => d.date)).toContain("2024-08-25");
    expect(m.warnings.some((w) => w.includes("8月25日") && w.includes("2024-08-25"))).toBe(true);
  });

  it("takes the end of an open period (「2025年8月1日至2025年9月30日」) as the deadline", () => {
    expect(read("sz-2025-sme-digital.txt").deadlines.map((d) => d.date)).toEqual(["2025-09-30"]);
  });

  it("rolls a month-day before the notice's date into the next year", () => {
    const m = extractMetadata("某市工业和信息化局关于开展跨年项目申报的通知\n一、时间\n请于1月10日前报送。\n联系人：王五 0591-1234567\n某市工业和信息化局\n2025年12月20日");
    expect(m.deadlines.map((d) => d.date)).toEqual(["2026-01-10"]);
  });

  it("warns when no 文号 is printed rather than borrowing a cited one", () => {
    const m = extractMetadata("某市工业和信息化局关于开展项目申报的通知\n根据《某某办法》（财建〔2023〕117号）要求，现通知如下。\n请于6月1日前报送。\n某市工业和信息化局\n2025年5月1日");
    expect(m.docNumber).toBeNull();
    expect(m.warnings.some((w) => w.includes("文号"))).toBe(true);
  });
});
