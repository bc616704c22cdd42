import type { KnowledgePort } from "../flows/engine/engine.ts";
import { KnowledgeBase, QuestionError, renderAnswerText } from "../knowledge/index.ts";
import type { Logger } from "../shared/log.ts";

/** Policy Q&A for the conversation engine: the answer text, or the Chinese reason a question was refused. */
export function knowledgePort(kb: KnowledgeBase, log: Logger): KnowledgePort {
  return {
    async answer(question: string): Promise<string> {
      try {
        return renderAnswerText(await kb.ask(question));
      } catch (err) {
        if (!(err instanceof QuestionError)) throw err;
        log.info({ code: err.code }, "question rejected");
        return err.userMessage();
      }
    },
  };
}
