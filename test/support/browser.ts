import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { projectRoot } from "../../src/shared/config.ts";

/** Debian's chromium (no browser download; .ci/run installs it with apt). */
export const CHROMIUM = "/usr/bin/chromium";
/** Where browser tests save their screenshots. */
export const artifacts = path.join(projectRoot, "test-artifacts");

/** Launches headless Debian chromium for playwright-core; fails (never skips) when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  await fs.mkdir(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
