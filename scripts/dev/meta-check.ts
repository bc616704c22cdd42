/**
 * Metadata extraction against hand-checked expectations, for tuning: the four real-shaped
 * fixture notices and the tuning notices (never the held-out set).
 * --set S scores a blind-written tuning set's notices (test/fixtures/qa/S/notices against S/expected-meta.json);
 * --pdf scores the PDF copies in its notices/pdf/ instead, where there is one.
 * Usage: npx tsx scripts/dev/meta-check.ts [--verbose] [--set tuning-e [--pdf]]
 */
import path from "node:path";
import fs from "node:fs";
import { extractMetadata } from "../../src/knowledge/metadata.ts";
import { metadataAccuracy } from "../bench/qa.ts";
import { projectRoot } from "../../src/shared/config.ts";

const verbose = process.argv.includes("--verbose");
const setAt = process.argv.indexOf("--set");
const set = setAt > 0 ? process.argv[setAt + 1] : undefined;
const qa = path.join(projectRoot, "test", "fixtures", "qa");
const folders = set ? [path.join(qa, set, "notices")] : ["notices", "tuning-notices"].map((f) => path.join(qa, f));
for (const dir of folders) {
  let expectedFile = fs.existsSync(path.join(dir, "expected-meta.json")) ? path.join(dir, "expected-meta.json") : path.join(dir, "..", "expected-meta.json");
  if (set && process.argv.includes("--pdf")) {
    // The same expectations, keyed by the PDF copies where there are any.
    const want = JSON.parse(fs.readFileSync(expectedFile, "utf8")) as Record<string, unknown>;
    const keyed = Object.fromEntries(Object.entries(want).map(([f, v]) => [fs.existsSync(path.join(dir, "pdf", f.replace(/\.txt$/, ".pdf"))) ? `pdf/${f.replace(/\.txt$/, ".pdf")}` : f, v]));
    expectedFile = path.join(fs.mkdtempSync("/tmp/meta-"), "expected-meta.json");
    fs.writeFileSync(expectedFile, JSON.stringify(keyed));
  }
  const m = await metadataAccuracy(dir, expectedFile);
  console.log(`${path.basename(dir)}: ${m.right}/${m.fields} = ${(m.right / m.fields).toFixed(2)}`);
  for (const miss of m.misses) console.log(`  miss ${miss}`);
  if (!verbose) continue;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
    const x = extractMetadata(fs.readFileSync(path.join(dir, f), "utf8"));
    console.log(f, JSON.stringify({ t: x.title, n: x.docNumber, i: x.issuer, d: x.date, dl: x.deadlines.map((d) => d.date), c: x.contacts.map((c) => [c.name, c.phone]), a: x.attachments, w: x.warnings }));
  }
}
