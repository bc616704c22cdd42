import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/knowledge/corpus.ts";
import { chunkNotice, logicalLines, parseSections } from "../../src/knowledge/structure.ts";
import { cleanLine, normalizeForMatch } from "../../src/knowledge/text-clean.ts";
import { projectRoot } from "../../src/shared/config.ts";

const notices = await loadCorpus(path.join(projectRoot, "corpus"));
const byId = (id: string) => notices.find((n) => n.meta.docId === id)!;

describe("text clean-up keeps the wording", () => {
  it.each([
    ["不少于 3000 万元", "不少于3000万元"],
    ["联系人：孙 哲 0591-87430181", "联系人：孙哲0591-87430181"],
    ["GB/T 39116-2020", "GB/T 39116-2020"],
    ["<p>单位简介不超过 500 字</p>", "单位简介不超过500字"],
    ["平台类 <input type=\"checkbox\"/>", "平台类☐"],
    ["4. **个性化定制**。运用", "4.个性化定制。运用"],
    ["序号\t项目名称\t\t企业名称", "序号 | 项目名称 | 企业名称"],
    // A PDF export sets a table's columns apart with runs of spaces.
    ["稳健级（3级）    最高20万元    不限", "稳健级（3级） | 最高20万元 | 不限"],
    ["不少于  3000  万元", "不少于3000万元"],
    // A box-drawn table: rows become cells, rules disappear.
    ["│ 稳健级（3级） │ 最高20万元 │ 不限 │", "稳健级（3级） | 最高20万元 | 不限"],
    ["├──────┼──────┼────┤", ""],
    ["说明：本表为示意", "说明：本表为示意"],
  ])("%s → %s", (raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  it("joins a sentence the extraction broke across lines, not a header", () => {
    const lines = logicalLines("3. 申报项目智能制造水平省内或行业领先，并符合先进级智\n\n能工厂要素条件。\n\n闽工信函信息〔2024〕182号\n\n福建省工业和信息化厅关于开展工作的通知");
    expect(lines).toEqual([
      "3.申报项目智能制造水平省内或行业领先，并符合先进级智能工厂要素条件。",
      "闽工信函信息〔2024〕182号",
      "福建省工业和信息化厅关于开展工作的通知",
    ]);
  });

  it("reads a PDF export: page numbers dropped, a line that starts with 「，」 or a unit joined to the line before", () => {
    const lines = logicalLines(
      "5.信用状况良好，未被列入经营异常名录或严重违法失信主体名单\n，纳税信用等级为B级及以上。\n4.近三年内独立完成节能诊断项目不少于15\n个；\n\n— 1 —\n\n单个企业奖励最高不超过50\n万元，奖励资金于次年拨付。\n第 2 页 共 4 页\n三、补助标准",
    );
    expect(lines).toEqual([
      "5.信用状况良好，未被列入经营异常名录或严重违法失信主体名单，纳税信用等级为B级及以上。",
      "4.近三年内独立完成节能诊断项目不少于15个；",
      "单个企业奖励最高不超过50万元，奖励资金于次年拨付。",
      "三、补助标准",
    ]);
  });

  it("keeps a signature date apart from the year-less line after it", () => {
    expect(logicalLines("太原市工业和信息化局\n2026年4月15日\n月度报表另行通知。")).toEqual(["太原市工业和信息化局", "2026年4月15日", "月度报表另行通知。"]);
  });
});

describe("notice structure", () => {
  it("reads heading levels 一、/（一）/1. into a section path", () => {
    const chunks = chunkNotice(byId("fj-2024-integration").text, byId("fj-2024-integration").meta);
    const platform = chunks.find((c) => c.text.includes("上一年度营业收入不少于3000万元") && c.text.startsWith("申报主体包括"));
    expect(platform?.section).toBe("二、申报条件 > （一）工业互联网平台类");
    const quota = chunks.find((c) => c.text.includes("福州、厦门各10个"));
    expect(quota?.section).toBe("三、报送方式 > （三）数字化标杆企业各地推荐数量");
  });

  it("names annexes by their title and the direction a form part belongs to", () => {
    const chunks = chunkNotice(byId("fj-2024-integration").text, byId("fj-2024-integration").meta);
    const sme = chunks.find((c) => c.text.includes("10家以上用户使用报告"));
    expect(sme?.section).toBe(
      "附件1 福建省省级新一代信息技术与制造业融合发展项目申报书 > 项目介绍（平台赋能中小企业数字化转型方向） > 四、附件及佐证材料",
    );
    expect(chunks.some((c) => c.section.startsWith("附件2 项目推荐汇总表"))).toBe(true);
  });

  it("starts a part with its own 文号 for a forwarded notice", () => {
    const n = byId("fj-2025-smart-factory-advanced");
    const sections = parseSections(n.text, n.meta);
    const conditions = sections.find((s) => s.paragraphs.some((p) => p.includes("二级及以上。")))!;
    expect(conditions.path[0]).toBe("一、申报条件");
    expect(conditions.part).toBe(1);
    expect(sections.find((s) => s.paragraphs.some((p) => p.includes("收件截止2025年4月10日")))!.part).toBe(0);
  });

  it("finds the untagged annex title of the scenario guide", () => {
    const n = byId("fj-2025-smart-factory-advanced");
    const chunks = chunkNotice(n.text, n.meta);
    const c = chunks.find((x) => x.text.includes("非计划停机频次高"));
    expect(c?.section).toBe("智能制造典型场景参考指引(2024年版) > 七、设备管理");
  });

  it.each(notices.map((n) => [n.meta.docId, n] as const))("%s: every chunk is small and verbatim", (_id, n) => {
    const chunks = chunkNotice(n.text, n.meta);
    expect(chunks.length).toBeGreaterThan(5);
    const source = normalizeForMatch(cleanLine(n.text.replace(/^\s*-\s+/gm, "")));
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(700);
      // Verbatim up to extraction clean-up: every line of a chunk is in the cleaned source.
      for (const line of c.text.split("\n")) {
        if (!line.includes(" | ")) expect(source).toContain(normalizeForMatch(line));
      }
    }
  });

  it("keeps the corpus byte-identical to the seeds", () => {
    const seeds = path.join(projectRoot, "..", "shared", "seeds");
    if (!fs.existsSync(seeds)) return;
    const map: Record<string, string> = {
      "fj-2024-integration": "000_57ccce38db937548.txt",
      "fj-2023-cross-industry-platform": "001_794cc4062ed7cd6e.txt",
      "fj-2018-industrial-internet-opinion": "002_5d552871b07266cb.txt",
      "jl-2020-demo": "003_4279ee52974fc824.txt",
      "fj-2025-smart-factory-advanced": "004_f865892711ddd651.txt",
    };
    for (const [id, file] of Object.entries(map)) {
      expect(byId(id).text).toBe(fs.readFileSync(path.join(seeds, file), "utf8"));
    }
  });
});
