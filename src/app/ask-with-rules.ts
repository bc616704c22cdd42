import { answerEligibilityQuestion, type EligibilityAnswer } from "../flows/eligibility/index.ts";
import { programs } from "../flows/programs/index.ts";
import type { Answer, AskOptions, Citation, KnowledgeBase } from "../knowledge/index.ts";
import { isoDayInChina, type Clock } from "../shared/clock.ts";

/** An `ask` answer; eligibility questions that state a fact are answered by the rules. */
export type RoutedAnswer =
  | (Answer & { eligibility?: undefined })
  | (Omit<Answer, "method"> & { method: "rules"; eligibility: EligibilityAnswer["results"] });

/**
 * Policy Q&A with eligibility routing: 「我们是国企，营收五千万，能报平台类吗？」 gets the rules'
 * verdict for the stated facts with the threshold and clause; everything else goes to the notices.
 */
export async function askWithRules(kb: KnowledgeBase, question: string, clock: Clock, options: AskOptions = {}): Promise<RoutedAnswer> {
  const routed = answerEligibilityQuestion(question.trim(), programs, isoDayInChina(clock.now()));
  if (!routed) return kb.ask(question, options);
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const { program, citation } of routed.citations) {
    const key = `${program.id} ${citation.section} ${citation.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push({ docId: program.noticeId, title: program.title, docNumber: citation.docNumber, section: citation.section, text: citation.quote, score: 1 });
  }
  return {
    question,
    answerable: true,
    answer: routed.text,
    citations: citations.slice(0, Math.max(1, options.top ?? 3)),
    method: "rules",
    outcome: "answer",
    coverage: 1,
    eligibility: routed.results,
  };
}
