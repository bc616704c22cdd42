/** Everything the Q&A user reads, in one place for review. */
export const qaTexts = {
  errors: {
    EMPTY_QUESTION: "请输入您的问题，例如：「先进级智能工厂对成熟度有什么要求？」",
    QUESTION_TOO_LONG: (chars: number, max: number) =>
      `问题太长了（${chars}字）。请用一两句话（${max}字以内）描述您想了解的内容，例如申报条件、截止时间或联系人。`,
    NO_CONTENT: "没有识别到问题内容（只有符号或表情）。请用文字描述您的问题，例如：「融合发展项目申报的联系人是谁？」",
  },
  notFound:
    "抱歉，已收录的申报通知中没有找到能回答这个问题的内容。我可以回答通知里写明的申报条件、截止时间、联系人、申报材料和申报书填写要求等问题。",
  /** Results (who was selected) are published separately, never in a call for applications. */
  resultsNotInNotices:
    "申报通知只写申报要求和程序，不含评审结果或入选名单。结果一般由发文单位在其官方网站公示或公布，请以官网为准。我可以回答通知里写明的申报条件、截止时间、联系人和申报材料等问题。",
  /** A request that is no question about the notices (write a poem, recommend books). */
  notAPolicyQuestion:
    "抱歉，这不在我能帮忙的范围内。我专门回答已收录申报通知中的问题（申报条件、截止时间、联系人、申报材料、申报书填写等），也可以帮您自查能申报哪些项目、逐项填写申报书。",
  /** The notices name the thing only to say it is handled in another notice. */
  handledSeparately: (title: string, docNumber: string | null, section: string, sentence: string) =>
    `已收录的通知中没有这一事项的申报内容，只在《${title}》${docNumber ? `（${docNumber}）` : ""}「${section}」中提到：「${sentence}」请留意发文单位另行发布的通知。`,
  /** A year asked for that no indexed notice is of (「2026年…什么时候报」 when the latest is 2025年度). */
  laterYearNotIndexed: (year: string, title: string, docNumber: string | null) =>
    `已收录的通知中还没有${year}年的这项通知。目前收录的最近一期是《${title}》${docNumber ? `（${docNumber}）` : ""}，可供了解往年的条件和流程；${year}年的通知发布后，以新通知为准。`,
  /** When a notice was issued, read from its signature date when no passage quotes it. */
  issuedOn: (title: string, docNumber: string | null, date: string) => `《${title}》${docNumber ? `（${docNumber}）` : ""}的落款日期为${date}。`,
  answerLead: (title: string, docNumber: string | null, section: string) =>
    `根据《${title}》${docNumber ? `（${docNumber}）` : ""}「${section}」：`,
  alsoLead: (title: string, docNumber: string | null, section: string) =>
    `另见《${title}》${docNumber ? `（${docNumber}）` : ""}「${section}」：`,
  quote: (s: string) => `「${s}」`,
  /** A question naming no notice, answered by the clauses of several. */
  severalNotices: "您没有说明是哪个通知，几份通知的规定如下：",
  passagesLead: "通知中最相关的原文如下（未能确定哪一句直接回答您的问题，请对照原文核实）：",
  passageLine: (i: number, title: string, docNumber: string | null, section: string) =>
    `${i}. 《${title}》${docNumber ? `（${docNumber}）` : ""}「${section}」：`,
  deadlinesPassed: (dates: string) =>
    `提示：该通知的截止时间（${dates}）已过，以上内容可用于了解政策和准备下一年度申报；新一年度的通知发布后，以新通知为准。`,
  deadlinesOpen: (dates: string) => `提示：该通知的截止时间为${dates}，请留意按时报送。`,
  noDeadlinePrinted: (year: string) => `提示：该通知发布于${year}年，未写明截止日期，当年的申报工作应已结束；请以最新发布的通知为准。`,
  noApplications: "提示：该文件为政策文件，本身不受理申报。",
  sourcesHeading: "出处：",
  sourceLine: (i: number, title: string, docNumber: string | null, section: string) =>
    `[${i}] 《${title}》${docNumber ? `（${docNumber}）` : ""} ${section}`,
  formatDate: (iso: string) => {
    const [y, m, d] = iso.split("-");
    return `${y}年${Number(m)}月${Number(d)}日`;
  },
} as const;

/** Doubts about metadata read from a notice's text, shown by `ingest` (Chinese, for bureau staff). */
export const metadataWarnings = {
  noTitle: "未识别到通知标题，请在文件开头的元数据中填写 title。",
  titleGuessed: (title: string) => `标题「${title}」为推测（未找到「关于…的通知」式标题行），请核对。`,
  noDocNumber: "未识别到本通知的文号（文中引用的其他文件文号不计），如通知印有文号请在元数据中补充 docNumber。",
  noIssuer: "未识别到发文单位，请核对 issuer。",
  noDate: "未识别到落款日期，截止日期的年份无法推定，请核对 date。",
  noDeadline: "未识别到截止日期；如通知写有截止时间，请在元数据中补充 deadlines。",
  yearInferred: (what: string) => `截止日期未写年份，已按落款日期推定：${what}，请核对。`,
  noContact: "未识别到联系人及电话。",
  phoneWithoutName: (phone: string) => `电话 ${phone} 未对应到联系人姓名。`,
  docNumberFromTable: (n: string) => `文号「${n}」只见于网页的信息公开表（正文未印文号），请核对。`,
  dateFromTable: (d: string, label: string) => `未识别到落款日期，已取${label} ${d}，请核对。`,
  dateDisagrees: (signed: string, table: string, label: string) =>
    `落款日期 ${signed} 与${label} ${table} 不一致，已取落款日期，请核对。`,
  issuerFromPage: (i: string) => `发文单位「${i}」取自网页的「来源」（正文未署名），请核对。`,
  titleFromTable: (t: string) => `标题「${t}」取自信息公开表，请核对。`,
} as const;

/** Messages for bureau staff adding notices (`ingest`), keyed by IngestError code. */
export const ingestTexts: Record<import("./knowledge-base.ts").IngestErrorCode, string> = {
  FILE_NOT_FOUND: "找不到这个文件，请检查路径。",
  FILE_UNREADABLE: "无法读取这个文件，请检查文件权限或是否为普通文件。",
  FILE_TOO_LARGE: "文件过大（文字稿超过5MB或PDF/Word超过30MB），不像是一份通知，请只导入通知正文和附件。",
  NOT_TEXT: "这个文件不是可读的中文文本。支持 .txt/.md（UTF-8）、带文字层的 .pdf、.docx 和 .doc，请先把通知转换为其中一种格式。",
  SCANNED_PDF: "这个PDF没有文字层（像是扫描件或图片），无法读取通知内容。请向发文单位索取可复制文字的PDF或Word版，或先做文字识别（OCR）后以 .txt 导入。",
  BAD_DOCUMENT: "无法打开这个PDF或Word文件（文件可能已损坏、加密或格式不符），请另存为新的 .pdf/.docx 后重试。",
  EMPTY: "文件没有内容，未导入。",
  BAD_FRONT_MATTER: "文件开头的元数据（--- 之间的部分）格式有误，请检查字段名和日期格式（YYYY-MM-DD）。",
  NO_TITLE: "没有从文中识别出通知标题，请在文件开头加上元数据（title: 通知标题）后重试。",
  DUPLICATE: "这份通知已经在语料库中（内容相同），未重复导入。",
  DOC_ID_TAKEN: "这个文档编号（docId）已被使用，请换一个。",
  NOT_STAGED: "这份待确认的通知已过期、已发布或已取消，请重新上传。",
  BAD_CORRECTION: "更正的内容有误：日期请写成 YYYY-MM-DD（如 2026-12-31），标题不能为空，截止事项不能为空。",
};

