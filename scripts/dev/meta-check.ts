/**
 * Metadata extraction against hand-checked expectations, for tuning: the four real-shaped
 * fixture notices and the tuning notices (never the held-out set).
 * Usage: npx tsx scripts/dev/meta-check.ts [--verbose]
 */
import path from "node:path";
import fs from "node:fs";
import { extractMetadata } from "../../src/knowledge/metadata.ts";
import { metadataAccuracy } from "../bench/qa.ts";
import { projectRoot } from "../../src/shared/config.ts";

const verbose = process.argv.includes("--verbose");
const folders = ["notices", "tuning-notices"].map((f) => path.join(projectRoot, "test", "fixtures", "qa", f));
for (const dir of folders) {
  const m = await metadataAccuracy(dir, path.join(dir, "expected-meta.json"));
  console.log(`${path.basename(dir)}: ${m.right}/${m.fields} = ${(m.right / m.fields).toFixed(2)}`);
  for (const miss of m.misses) console.log(`  miss ${miss}`);
  if (!verbose) continue;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
    const x = extractMetadata(fs.readFileSync(path.join(dir, f), "utf8"));
    console.log(f, JSON.stringify({ t: x.title, n: x.docNumber, i: x.issuer, d: x.date, dl: x.deadlines.map((d) => d.date), c: x.contacts.map((c) => [c.name, c.phone]), a: x.attachments, w: x.warnings }));
  }
}
