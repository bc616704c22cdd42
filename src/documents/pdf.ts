/**
 * .docx → .pdf through LibreOffice, when it is installed.
 *
 * `soffice --headless --convert-to pdf --outdir <outDir> <docx>`, each run with its own
 * throw-away user profile (`-env:UserInstallation=file:///tmp/…`): LibreOffice locks its
 * profile, so parallel conversions sharing one would fail or hang. The process group is
 * killed on timeout (the `soffice` launcher starts `soffice.bin` as a child).
 *
 * LibreOffice not installed is not an error: `convertToPdf` returns null and callers send
 * the .docx alone. Installed but failing (crash, timeout, no output) throws PdfError
 * PDF_FAILED.
 */
import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdir, mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { AppError } from "../shared/errors.ts";

export class PdfError extends AppError {
  readonly code = "PDF_FAILED";
}

export interface PdfOptions {
  /** Kill LibreOffice after this long; default 60 s. */
  timeoutMs?: number;
  /**
   * The LibreOffice executable to use instead of the one found on PATH. A path that does
   * not exist counts as "not installed" (null), like a missing LibreOffice.
   */
  binary?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Bytes of stderr/stdout kept for the error message. */
const OUTPUT_TAIL = 2_000;

const NAMES = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
/** Where installers put it when it is not on PATH. */
const KNOWN_LOCATIONS = [
  "/usr/lib/libreoffice/program/soffice",
  "/usr/lib64/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/snap/bin/libreoffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function findBinary(): Promise<string | null> {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  for (const name of NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of KNOWN_LOCATIONS) if (await isExecutable(candidate)) return candidate;
  return null;
}

let detected: Promise<string | null> | undefined;

/** The LibreOffice executable, looked up once per process. */
function detect(): Promise<string | null> {
  detected ??= findBinary();
  return detected;
}

/** Forget the cached lookup (tests; after installing LibreOffice in a running process). */
export function resetPdfDetection(): void {
  detected = undefined;
}

/** Whether LibreOffice is installed (cached after the first call). */
export async function pdfAvailable(): Promise<boolean> {
  return (await detect()) !== null;
}

async function resolveBinary(opts: PdfOptions | undefined): Promise<string | null> {
  if (opts?.binary !== undefined) return (await isExecutable(opts.binary)) ? opts.binary : null;
  return detect();
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

function run(binary: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so a timeout kills soffice.bin too, not only the launcher.
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-OUTPUT_TAIL);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output: output.trim(), timedOut });
    });
  });
}

async function startsWithPdfMagic(file: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, "r");
    const buf = Buffer.alloc(5);
    const { bytesRead } = await fh.read(buf, 0, 5, 0);
    return bytesRead === 5 && buf.toString("latin1") === "%PDF-";
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}

/**
 * Converts `docxPath` to `<outDir>/<same base name>.pdf` and returns that path; null when
 * LibreOffice is not installed. Throws PdfError (PDF_FAILED) when the input is missing or
 * the conversion fails or times out.
 */
export async function convertToPdf(docxPath: string, outDir: string, opts?: PdfOptions): Promise<string | null> {
  const binary = await resolveBinary(opts);
  if (binary === null) return null;

  const input = path.resolve(docxPath);
  const out = path.resolve(outDir);
  try {
    if (!(await stat(input)).isFile()) throw new Error("not a file");
  } catch (cause) {
    throw new PdfError(`input not found: ${input}`, { cause });
  }
  await mkdir(out, { recursive: true });
  const pdfPath = path.join(out, `${path.basename(input, path.extname(input))}.pdf`);
  await rm(pdfPath, { force: true });

  const timeoutMs = opts?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const profile = await mkdtemp(path.join(tmpdir(), "shenbao-lo-"));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      input,
    ];
    let result: RunResult;
    try {
      result = await run(binary, args, timeoutMs);
    } catch (err) {
      // Vanished since detection (uninstalled, PATH changed): not installed after all.
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        if (opts?.binary === undefined) detected = Promise.resolve(null);
        return null;
      }
      throw new PdfError(`could not start ${binary}: ${(err as Error).message}`, { cause: err });
    }
    if (result.timedOut) throw new PdfError(`LibreOffice timed out after ${timeoutMs} ms converting ${input}`);
    if (result.code !== 0) {
      throw new PdfError(
        `LibreOffice exited with ${result.code ?? result.signal} converting ${input}${result.output ? `: ${result.output}` : ""}`,
      );
    }
    // soffice exits 0 even when it could not load the input: check the output itself.
    if (!(await startsWithPdfMagic(pdfPath))) {
      throw new PdfError(`LibreOffice produced no PDF for ${input}${result.output ? `: ${result.output}` : ""}`);
    }
    return pdfPath;
  } finally {
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
