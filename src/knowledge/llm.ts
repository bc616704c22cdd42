import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../shared/config.ts";
import type { Citation } from "./answer.ts";
import { normalizeForMatch } from "./text-clean.ts";

const SYSTEM_PROMPT = [
  "你是申报政策问答助手。只能根据下面给出的通知原文片段回答，不得使用片段以外的知识。",
  "用简体中文，三句话以内，直接回答问题；每个事实后用 [编号] 标注出处片段。",
  "数字、金额、日期必须与原文完全一致。原文没有答案时，只回答「通知中没有写明」。",
].join("\n");

export function createChatModel(config: Config): BaseChatModel | undefined {
  if (!config.LLM_MODEL) return undefined;
  return new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? "not-needed",
    temperature: 0,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: 1,
    configuration: config.LLM_BASE_URL ? { baseURL: config.LLM_BASE_URL } : {},
  });
}

/** Numbers, amounts and dates in a text: each must be backed by a cited passage. */
export function figuresIn(text: string): string[] {
  const folded = normalizeForMatch(text);
  return [...new Set(folded.match(/\d+(?:[.,]\d+)*/g) ?? [])];
}

export type GroundedResult =
  | { ok: true; text: string }
  | { ok: false; reason: "no-citation" | "unsupported-figure" | "declined" | "error"; detail?: string };

/**
 * A short answer written by the chat model from the retrieved passages only. Rejected
 * (and the caller falls back to the extractive answer) when it cites nothing, or
 * states a number or date that none of the cited passages contains.
 */
export async function groundedAnswer(model: BaseChatModel, question: string, citations: Citation[]): Promise<GroundedResult> {
  const context = citations
    .map((c, i) => `[${i + 1}] 《${c.title}》${c.docNumber ? `（${c.docNumber}）` : ""} ${c.section}\n${c.text}`)
    .join("\n\n");
  let text: string;
  try {
    const reply = await model.invoke([
      ["system", SYSTEM_PROMPT],
      ["human", `通知原文片段：\n${context}\n\n问题：${question}`],
    ]);
    text = typeof reply.content === "string" ? reply.content : reply.content.map((p) => ("text" in p ? p.text : "")).join("");
  } catch (err) {
    return { ok: false, reason: "error", detail: (err as Error).message };
  }
  text = text.trim();
  if (text.includes("没有写明") || text === "") return { ok: false, reason: "declined" };
  const cited = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) - 1).filter((i) => citations[i]);
  if (cited.length === 0) return { ok: false, reason: "no-citation" };
  const support = normalizeForMatch(cited.map((i) => citations[i]!.text).join("\n"));
  const withoutMarkers = text.replace(/\[\d+\]/g, "");
  const unsupported = figuresIn(withoutMarkers).filter((f) => !support.includes(f));
  if (unsupported.length > 0) return { ok: false, reason: "unsupported-figure", detail: unsupported.join(",") };
  return { ok: true, text };
}
