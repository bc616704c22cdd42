import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { KnowledgeBase, type KnowledgeBaseDeps } from "../../src/knowledge/knowledge-base.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { loadConfig, projectRoot } from "../../src/shared/config.ts";
import { createLogger } from "../../src/shared/log.ts";

/** A private copy of the corpus and index in a temp dir, so tests never touch the repo's. */
export async function tempKnowledgeBase(today = "2026-11-22", extra: Partial<KnowledgeBaseDeps> = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "shenbao-kb-"));
  await fs.cp(path.join(projectRoot, "corpus"), path.join(dir, "corpus"), { recursive: true });
  const config = loadConfig({ CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index") });
  const deps = { config, clock: fixedClock(today), log: createLogger("silent"), ...extra };
  const kb = await KnowledgeBase.open(deps);
  return { kb, dir, config, deps, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}
