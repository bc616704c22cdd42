import type { KnowledgePort } from "../flows/engine/engine.ts";
import { KnowledgeBase, QuestionError, renderAnswerText } from "../knowledge/index.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/log.ts";
import { askWithRules } from "./ask-with-rules.ts";

/**
 * Policy Q&A for the conversation engine: the answer text, or the Chinese reason a question
 * was refused. Eligibility questions stating a fact (「营收五千万能报平台类吗」) get the rules' verdict.
 */
export function knowledgePort(kb: KnowledgeBase, log: Logger, clock: Clock): KnowledgePort {
  return {
    async answer(question: string): Promise<string> {
      try {
        return renderAnswerText(await askWithRules(kb, question, clock));
      } catch (err) {
        if (!(err instanceof QuestionError)) throw err;
        log.info({ code: err.code }, "question rejected");
        return err.userMessage();
      }
    },
  };
}
