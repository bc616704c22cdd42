import type { Answer, AnswerContext, AskOptions } from "./answer.ts";
import { answerV1 } from "./answer-v1.ts";
import { answerV2 } from "./answer-v2.ts";

/** Retrieval, answerability and the extractive answer; no LLM involved. */
export function answerExtractive(
  ctx: AnswerContext,
  question: string,
  options: AskOptions & { rrfK?: number; vectorWeight?: number } = {},
): Promise<Answer> {
  return options.method === "v1" ? answerV1(ctx, question, options) : answerV2(ctx, question, options);
}
