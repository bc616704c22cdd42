import fs from "node:fs";
import { extractMetadata } from "../../src/knowledge/metadata.ts";
const dir = "/work/wt-qa/test/fixtures/qa/notices/";
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
  const m = extractMetadata(fs.readFileSync(dir + f, "utf8"));
  console.log(f, JSON.stringify({ t: m.title, n: m.docNumber, i: m.issuer, d: m.date, dl: m.deadlines.map((d) => d.date), c: m.contacts.map((c) => [c.name, c.phone]) }));
}
