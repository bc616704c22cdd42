import type { Answers } from "../flows/forms/types.ts";

/** Everything a generator needs: a snapshot of one confirmed draft version. */
export interface DocumentInput {
  programId: string;
  draftId: string;
  draftVersion: number;
  /** Answers by step instance key (see src/flows/forms/expand.ts). */
  answers: Answers;
  /** The enterprise profile (contracts/cli.md `match` fields) at submission. */
  profile: Record<string, unknown>;
  /** ISO timestamp of generation (from the injectable clock). */
  generatedAt: string;
}

/** One program's 申报书 as a .docx, following the notice's own form. */
export interface FormGenerator {
  programId: string;
  /** The .docx bytes. Pure: same input, same document content. */
  render(input: DocumentInput): Promise<Buffer>;
  /** File name shown to the user, e.g. 「福建省先进级智能工厂申报书-福州某某公司.docx」. */
  fileName(input: DocumentInput): string;
}

/** One row of a program's 推荐汇总表 (recommendation summary), from one confirmed application. */
export interface SummaryInput {
  programId: string;
  applications: readonly DocumentInput[];
  /** Who compiles it (推荐单位), printed in the header when the table has one. */
  compiler?: string;
}
