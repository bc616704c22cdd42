/**
 * Every program's 申报书 opened as reviewers open it: converted by LibreOffice
 * (`soffice --headless --convert-to pdf`), then read back with poppler (pdfinfo, pdftotext).
 * Needs libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils (.ci/run installs them).
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../src/documents/pdf.ts";
import type { Answers } from "../../src/flows/forms/types.ts";
import { programModules, type ProgramModule } from "../../src/flows/programs/index.ts";
import type { StepInstance } from "../../src/flows/forms/expand.ts";
import { fillFlow, type Filled } from "../support/fill.ts";

const run = promisify(execFile);
const TOOLS = ["soffice", "pdfinfo", "pdftotext"] as const;
const missing = TOOLS.filter((t) => spawnSync("sh", ["-c", `command -v ${t}`]).status !== 0);

/** A4 in PostScript points, either way up. */
const A4 = { short: 595.3, long: 841.9 };

interface Rendered {
  answers: Filled;
  /** The questions answered, in order. */
  asked: StepInstance[];
  pages: Array<{ width: number; height: number }>;
  /** pdftotext in reading order. */
  text: string;
}

let dir = "";
const rendered = new Map<string, Rendered>();

/** Realistic lengths where breaking hurts: a company's e-mail domain, a landline with area code. */
function filled(m: ProgramModule): { answers: Filled; asked: StepInstance[] } {
  return fillFlow(m.flow, { sample: { emailDomain: "fuzhou-smart-equipment.com.cn", phoneArea: "0591-8743" } });
}

async function pdfPages(file: string): Promise<Rendered["pages"]> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "9999", file]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

beforeAll(async () => {
  if (missing.length > 0) {
    throw new Error(`${missing.join(", ")} not found: apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils (.ci/run does)`);
  }
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-lo-test-"));
  // One conversion at a time: LibreOffice is heavy, and other suites share the cores.
  for (const m of programModules) {
    const { answers, asked } = filled(m);
    const docx = path.join(dir, `${m.program.id}.docx`);
    const input = { programId: m.program.id, draftId: "lo", draftVersion: 1, answers: answers as Answers, profile: {}, generatedAt: "2026-11-22T02:00:00.000Z" };
    await fs.writeFile(docx, await m.document.render(input));
    const pdf = await convertToPdf(docx, path.join(dir, m.program.id), { timeoutMs: 240_000 });
    if (!pdf) throw new Error("LibreOffice not available to convertToPdf");
    const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
    rendered.set(m.program.id, { answers, asked, pages: await pdfPages(pdf), text });
  }
}, 900_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const near = (a: number, b: number) => Math.abs(a - b) < 1;

describe.each(programModules.map((m) => [m.program.id, m] as const))("%s opened in LibreOffice", (id, m) => {
  const r = () => rendered.get(id)!;
  /** [key, display] of every answer of these kinds. */
  const shown = (kinds: readonly string[]) =>
    r()
      .asked.filter((i) => kinds.includes(i.step.kind))
      .map((i) => [i.key, r().answers[i.key]] as const)
      .flatMap(([key, a]) => (a && "value" in a ? [[key, a.display] as const] : []));

  it("has A4 pages, a sane number of them", () => {
    const { pages } = r();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThan(150);
    for (const p of pages) {
      const portrait = near(p.width, A4.short) && near(p.height, A4.long);
      const landscape = near(p.width, A4.long) && near(p.height, A4.short);
      expect(portrait || landscape, `page ${p.width} x ${p.height} pt is not A4`).toBe(true);
    }
  });

  it("prints every code, phone and e-mail on one line, unbroken", () => {
    const lines = r().text.split("\n");
    const values = shown(["creditCode", "phone", "email"]);
    expect(values.length).toBeGreaterThanOrEqual(3);
    const broken = values.filter(([, d]) => !lines.some((l) => l.includes(d)));
    expect(broken.map(([k, d]) => `${k}: ${d}`)).toEqual([]);
  });

  it("prints every short answer", () => {
    const flat = r().text.replace(/\s+/g, "");
    const lost = shown(["text"]).filter(([, d]) => !flat.includes(d.replace(/\s+/g, "")));
    expect(lost.map(([k, d]) => `${k}: ${d}`)).toEqual([]);
  });
});
