// Dev aid: ask the seed knowledge base questions (QA_DEBUG=1 prints the candidates). Usage: npx tsx scripts/dev/ask-debug.ts "问题" …
import { tempKnowledgeBase } from "../../test/support/knowledge.ts";
const env = await tempKnowledgeBase("2026-11-22");
for (const q of process.argv.slice(2)) { const a = await env.kb.ask(q); console.log(q, a.outcome, "\n", a.answer.slice(0, 400)); }
await env.cleanup();
