import fs from "node:fs";
import { parseSections } from "../../src/knowledge/structure.ts";
const raw = fs.readFileSync(process.argv[2]!, "utf8");
for (const s of parseSections(raw, { parts: [] } as any).slice(0, 12)) console.log(JSON.stringify(s.path), "|", s.paragraphs.map((p) => p.slice(0, 70)).join(" ¶ "));
