import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf, pdfAvailable, PdfError } from "../../src/documents/pdf.ts";

let dir = "";
let docxPath = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "shenbao-pdf-test-"));
  docxPath = path.join(dir, "测试 申报书.docx");
  const doc = new Document({ sections: [{ children: [new Paragraph("测试")] }] });
  await writeFile(docxPath, await Packer.toBuffer(doc));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("convertToPdf with the LibreOffice of this machine", () => {
  it("returns null when LibreOffice is not installed, a PDF when it is", async () => {
    const available = await pdfAvailable();
    expect(await pdfAvailable()).toBe(available); // cached, stable
    const out = path.join(dir, "real");
    const result = await convertToPdf(docxPath, out, { timeoutMs: 120_000 });
    if (!available) {
      expect(result).toBeNull();
      return;
    }
    expect(result).toBe(path.join(out, "测试 申报书.pdf"));
    const bytes = await readFile(result as string);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
  }, 180_000);

  it("an explicit binary that does not exist counts as not installed", async () => {
    expect(await convertToPdf(docxPath, path.join(dir, "none"), { binary: path.join(dir, "no-such-soffice") })).toBeNull();
  });
});

/** Fake `soffice` scripts exercise the process handling without LibreOffice (POSIX shells only). */
describe.skipIf(process.platform === "win32")("convertToPdf process handling (fake soffice)", () => {
  async function fake(name: string, body: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\n${body}\n`);
    await chmod(file, 0o755);
    return file;
  }

  /** Writes its arguments and a minimal PDF named after the input into --outdir. */
  const WRITES_PDF = `
out=""; prev=""; last=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"; last="$a"
done
printf '%s\\n' "$@" > "$out/args.txt"
base=$(basename "$last"); base="\${base%.*}"
printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/$base.pdf"
`;

  it("runs headless with a private profile and returns the PDF path", async () => {
    const bin = await fake("soffice-ok", WRITES_PDF);
    const out = path.join(dir, "ok");
    const result = await convertToPdf(docxPath, out, { binary: bin });
    expect(result).toBe(path.join(out, "测试 申报书.pdf"));
    expect((await readFile(result as string, "latin1")).startsWith("%PDF")).toBe(true);
    const args = (await readFile(path.join(out, "args.txt"), "utf8")).trim().split("\n");
    expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.+shenbao-lo-/);
    expect(args).toContain("--headless");
    expect(args.slice(args.indexOf("--convert-to"), args.indexOf("--convert-to") + 2)).toEqual(["--convert-to", "pdf"]);
    expect(args[args.indexOf("--outdir") + 1]).toBe(out);
    expect(args.at(-1)).toBe(docxPath);
    // The private profile is removed afterwards.
    const profile = fileURLToPath((args[0] ?? "").slice("-env:UserInstallation=".length));
    expect(path.basename(profile)).toMatch(/^shenbao-lo-/);
    expect(existsSync(profile)).toBe(false);
  });

  it("parallel runs use different profiles", async () => {
    const bin = await fake("soffice-par", WRITES_PDF);
    const outs = [path.join(dir, "par1"), path.join(dir, "par2")];
    await Promise.all(outs.map((o) => convertToPdf(docxPath, o, { binary: bin })));
    const profiles = await Promise.all(
      outs.map(async (o) => (await readFile(path.join(o, "args.txt"), "utf8")).split("\n")[0]),
    );
    expect(profiles[0]).not.toBe(profiles[1]);
  });

  it("throws PDF_FAILED when LibreOffice exits non-zero", async () => {
    const bin = await fake("soffice-fail", `echo "Error: source file could not be loaded" >&2\nexit 1`);
    const err = await convertToPdf(docxPath, path.join(dir, "fail"), { binary: bin }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfError);
    expect((err as PdfError).code).toBe("PDF_FAILED");
    expect((err as PdfError).message).toContain("could not be loaded");
  });

  it("throws PDF_FAILED when LibreOffice exits 0 without writing a PDF", async () => {
    const bin = await fake("soffice-silent", "exit 0");
    const err = await convertToPdf(docxPath, path.join(dir, "silent"), { binary: bin }).catch((e: unknown) => e);
    expect((err as PdfError).code).toBe("PDF_FAILED");
  });

  it("kills the whole process group on timeout and throws PDF_FAILED", async () => {
    // A child keeps the pipes open: only a process-group kill ends this promptly.
    const bin = await fake("soffice-hang", "sleep 30\nexit 0");
    const started = Date.now();
    const err = await convertToPdf(docxPath, path.join(dir, "hang"), { binary: bin, timeoutMs: 300 }).catch((e: unknown) => e);
    expect((err as PdfError).code).toBe("PDF_FAILED");
    expect((err as PdfError).message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("throws PDF_FAILED for a missing input file", async () => {
    const bin = await fake("soffice-unused", WRITES_PDF);
    const err = await convertToPdf(path.join(dir, "missing.docx"), path.join(dir, "missing"), { binary: bin }).catch(
      (e: unknown) => e,
    );
    expect((err as PdfError).code).toBe("PDF_FAILED");
  });
});
