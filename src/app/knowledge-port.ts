import type { KnowledgePort, QaContext, QaReply } from "../flows/engine/engine.ts";
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
    async answer(question: string, context?: QaContext): Promise<QaReply> {
      try {
        const answer = await askWithRules(kb, question, clock, { contextNotice: context?.noticeId });
        // The notice an answer quotes becomes the conversation's notice; passages and refusals leave it as it was.
        return { text: renderAnswerText(answer), noticeId: answer.outcome === "answer" ? answer.citations[0]?.docId : undefined };
      } catch (err) {
        if (!(err instanceof QuestionError)) throw err;
        log.info({ code: err.code }, "question rejected");
        return { text: err.userMessage() };
      }
    },
  };
}
