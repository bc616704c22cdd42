// Dev aid: print a PDF's text as ingest reads it. Usage: npx tsx scripts/dev/pdf-text.ts file.pdf
import fs from "node:fs/promises";
import { fileText } from "../../src/knowledge/file-text.ts";
const file = process.argv[2]!;
console.log(await fileText(file, await fs.readFile(file)));
