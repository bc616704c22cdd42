export { KnowledgeBase, IngestError, type IngestResult, type IngestErrorCode, type MetaOverrides, type NoticePreview } from "./knowledge-base.ts";
export { QuestionError, MAX_QUESTION_CHARS, renderAnswerText, type Answer, type Citation, type AskOptions } from "./answer.ts";
export type { RetrievalMode } from "./retrieve.ts";
export type { NoticeMeta, Deadline, Contact } from "./notice-meta.ts";
export { qaTexts, ingestTexts } from "./texts.ts";
export { loadCorpus, type Notice } from "./corpus.ts";
export { normalizeForMatch } from "./text-clean.ts";
