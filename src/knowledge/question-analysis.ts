/**
 * What a question asks (a date, an amount, a count …) and which of its words carry the
 * topic. Colloquial filler (那个, 最晚, 交上去), the ask itself (什么时候, 几份) and place
 * names are not topic: a passage need not repeat them to answer.
 */

import { divisionsIn, levelOf } from "./places.ts";

export type Ask =
  | "copies"
  | "email"
  | "contact"
  | "words"
  | "date"
  | "percent"
  | "level"
  | "amount"
  | "count"
  | "place"
  | "materials"
  | "document"
  | "attachment"
  | "subject"
  | "responsible"
  | "requirement"
  | "seal"
  | "kinds"
  | "duration"
  | "format"
  | "definition"
  | "payment"
  | "both"
  | "penalty"
  | "yesno"
  | "other";

/** Ordered: the first match wins (「几份」 is copies before it is a count). */
const ASK_CUES: ReadonlyArray<readonly [Ask, RegExp]> = [
  ["copies", /几份|多少份|份数|一式|交几套|几本|多少本/],
  // Seals and the form's typography: what people ask most when they fill a 申报书.
  ["seal", /盖(什么|谁的|哪个|哪些|啥|哪家|几个)?[^，。？?]{0,3}章|公章|骑缝|印章|签章|签字盖章/],
  ["format", /字体|字号|几号字|行距|页边距|用什么纸|纸张|装订/],
  // What a term of the notice means (「活跃开发者怎么界定」「规上是指什么」): the clause defining it.
  ["definition", /怎么界定|如何界定|怎样界定|怎么定义|如何定义|什么意思|啥意思|指什么|指的是什么|指啥|什么叫|啥叫|怎么理解|如何理解|含义|定义/],
  ["email", /邮箱|邮件|e-?mail/i],
  ["contact", /联系人|联系谁|找谁|电话|咨询|问谁|打给谁|联系方式|热线|负责人|是谁/],
  ["attachment", /附件几|第几个附件|哪个附件|几号附件|是附件|在附件/],
  ["words", /多少字|字数|几个字|写多少|字以内|字限制/],
  // How long (a period: 近三年, 12个月内), not when.
  ["duration", /近几年|最近几年|几年|年限|多久(?![^，。？?]{0,4}一次)|多长时间(?![^，。？?]{0,4}一次)|多长期限|几年内|几年以内|周期|有效期|多少年|几个月/],
  // 「造假会怎么样」「有什么后果」: what happens to who breaks the rules (撤销, 追回, 几年内不得申报).
  ["penalty", /后果|会怎么样|会怎样|怎么处理|如何处理|怎么处罚|如何处罚|什么处罚|被查出|查出来|会被取消|追责/],
  // 「两类都能报吗」「能同时报吗」: whether one may apply for two at once, printed as 「只能申报其中一类」.
  ["both", /同时(申)?报|同时申请|都报|都能报|都可以报|都申报|两个都|两类都|兼报|一起报|重复报|重复申报/],
  // How the money is paid out (「钱怎么拨」「分几次给」): 一次性拨付, 分两期拨付.
  ["payment", /打给|拨给|先给|后给|先拨|户头|哪个账户|打到哪|打到企业|怎么拨|如何拨|一次性?给|分开给|分批给?|分期给?|拨付方式|怎么给钱|钱怎么给|怎么给|分几次|几次给|分几期|几期|怎么发放?|如何发放|怎么兑现|如何兑现|怎么到账|啥时候到账|什么时候到账/],
  // 「多久报一次」: how often, printed as a day of each period (每季度…20日前).
  ["date", /多久[^，。？?]{0,4}一次|多长时间[^，。？?]{0,4}一次|什么时候|啥时候|何时|哪天|几号|截止|最晚|最迟|期限|日期|几月|多久前|哪一天|哪年|哪一年|关闭|开放|时间|落款|签发|印发|发布|下发|出台|发文|成文/],
  ["percent", /比例|百分之|多少%|比率|数控化率|联网率|占比|[\u4e00-\u9fa5]率(要求|多少|达到|是多少|要到|不低于|得)/],
  ["level", /几级|等级|级别|哪一级|哪个级/],
  ["amount", /多少钱|金额|补多少|奖多少|给多少|拿多少|发多少|奖补|资助|补助|补贴|奖励|营收|营业收入|收入|流水|投入|投资|产值|售价|价格|万元|亿|过亿|范围/],
  // Who may apply (申报主体/申报单位/支持对象), before a list: 「哪些企业能报」 asks who, not which materials.
  ["subject", /(哪些|什么|哪种|哪类)类型的?(企业|单位)|什么样的(企业|单位)|哪些企业|哪类企业|哪种企业|什么企业|什么单位|哪些单位|谁能报|谁可以报|谁能申报|谁可以申报|谁来申报|由谁申报|谁来报|(申报主体|申报对象|支持对象)(是|为|有哪些|包括|指)/],
  // 「有哪两类」「分几类」: the classes of something, printed as 「分为X和Y两类」.
  ["kinds", /怎么分类|如何分类|怎样分类|分成几|分哪几|哪两类|哪几类|哪几种|哪两种|分几类|分几种|分为哪|分成哪|有哪些类型|哪些类别|有几类|有几种/],
  ["materials", /哪些材料|什么材料|材料清单|准备什么|要交什么|提供什么|包括什么|包括哪|包含哪|哪几类|哪几种|哪两类|哪些/],
  ["count", /几个|几家|多少家|多少个|几项|几户|几类|几种|几次|几件|多少件|几篇|几张|几名|几位|几人|名额|数量|多少项|多少户|多少套|几套|几天|多少/],
  // 「材料是直接寄给省厅吗」: a yes/no question about where to send asks where.
  ["place", /哪里|哪儿|在哪|往哪|送哪|寄哪|交哪|地址|网址|链接|哪个处|哪个网站|哪个平台|报到哪|交到哪|发到哪|向哪|哪个部门|报给谁|交给谁|给谁|(寄|交|报送?|送|递|发)(给|到|至)[^，。？?]{1,8}[吗么][？?]?$/],
  ["document", /哪个文件|什么文件|哪份文件|依据什么|根据什么|按照什么|按什么|哪个标准|什么标准|文号/],
  ["responsible", /谁负责|谁牵头|谁来负责|哪个单位负责|哪些单位负责|哪些部门负责|责任单位|牵头单位|负责单位/],
  ["requirement", /要求|条件|标准|门槛|资格|前提|规定|杠杠|硬指标|限制/],
  ["yesno", /吗[？?]?$|能不能|可不可以|是否|会不会|要不要|占不占|还要|([\u4e00-\u9fa5])不\1/],
];

/**
 * What the interrogative governs: 「哪些文件」 asks for a document, 「哪些材料」 for materials,
 * 「哪个邮箱」 for an e-mail. The head noun after the question word decides before the ordered
 * cue list, which would read every 「哪些」 as a list of materials.
 */
const INTERROGATIVE = /(?:哪些|哪个|哪份|哪几个|哪几份|哪几类|哪几种|哪一级|哪一|哪家|什么|啥|哪)(?:样的|样|的)?/g;
const HEAD_NOUNS: ReadonlyArray<readonly [Ask, RegExp]> = [
  ["email", /^(邮箱|邮件|电子邮箱)/],
  ["attachment", /^(附件)/],
  ["document", /^(文件|文|文号|办法|政策|依据|指南|通知)/],
  ["materials", /^(材料|资料|证明|证件|佐证|报告|内容|东西)/],
  ["contact", /^(人|电话|号码|联系人|联系方式)/],
  ["place", /^(地方|地址|网站|平台|系统|部门|处室|处|科室|科|机构|窗口|渠道|地点|位置|大厅)/],
  // 「什么年限」「哪个年度」 ask for a period or a year's figures, not a date.
  ["date", /^(时候|时间|日期|日子|天|年(?![限龄度])|月份|月)/],
  ["level", /^(级别|等级|级)/],
];

/** The attribute named before the question word: 「文号是多少」「邮箱是啥」「地址在哪」. */
const HEAD_BEFORE: ReadonlyArray<readonly [Ask, RegExp]> = [
  ["email", /(邮箱|邮件地址)(是|为|在|有)?$/],
  ["document", /(文号|文件号|发文字号)(是|为|有)?$/],
  ["contact", /(电话|联系人|联系方式|号码)(是|为|有)?$/],
  ["place", /(地址|网址|网站)(是|为|在|有)?$/],
];

/**
 * The head nouns the question words govern when they name a kind of answer (哪个*处室*, 什么*时候*):
 * the ask, not the topic. Materials and documents (哪些*材料*, 哪些*文件*) stay topic: the list's own heading names them.
 */
export function askHeads(question: string): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(INTERROGATIVE)) {
    const after = question.slice(m.index + m[0].length);
    for (const [ask, head] of HEAD_NOUNS) {
      if (ask === "materials" || ask === "document" || ask === "attachment") continue;
      const h = head.exec(after);
      if (h && [...h[0]].length >= 2) out.push(h[0]);
    }
  }
  return out;
}

/**
 * Questions the notices cannot answer by their nature: who was selected (results are published
 * separately) and requests that are no question (write a poem, recommend books).
 */
export function outOfScope(question: string): "results" | "request" | null {
  if (
    /(评上|选上|入选|获批|评为|公布|公示|认定)了?(哪些|哪几家|哪几个|哪家|的有哪些)|(评上|选上|入选|获批|获评|认定)名单(出来|有哪些|是什么|是哪些|在哪看|在哪查|查询|有吗|了吗)|有哪些[\u4e00-\u9fa5]{0,4}(入选|评上|选上|获批)|(哪几家|哪些企业|哪些单位)[^，。？?]{0,6}(入选|评上|选上|获批)|名单有吗|(20\d\d|\d\d)年?[^，。？?]{0,4}(认定|评上|入选|获评|公布)的[^，。？?]{0,14}名单|(入选|获奖|获批|公示)名单(是|有|在)/.test(question)
  )
    return "results";
  if (/^(请|麻烦)?(帮我|给我|替我)?(写|作|编)(一|几)?(首|篇|段|个|份)[^，。？?]{0,12}(诗|歌|文章|故事|笑话|对联|作文|段子|代码|程序|脚本|排序|算法|函数|爬虫|简历|周报|情书|祝福|文案)|(python|java|javascript|sql|c\+\+)\s*(代码|程序|脚本|怎么写)|讲个笑话|推荐(几|一些|一下|点)[^，。？?]{0,10}(书|电影|电视剧|课程|视频)/.test(question)) return "request";
  return null;
}

export function askOf(question: string): Ask {
  const ask = askByCues(question);
  // 「开发者数量是光看注册总数吗」: a yes/no question with no question word names a count as its subject, it does not ask for one.
  if ((ask === "count" || ask === "percent" || ask === "level") && /[吗么][？?]?$/.test(question.trim()) && !/多少|几|什么|啥|哪|谁|何|怎么|如何|咋/.test(question)) return "yesno";
  // 「拿过补贴了，还能再申请吗」: money named in a yes/no question, no amount asked.
  if (ask === "amount" && /[吗么][？?]?$|([\u4e00-\u9fa5])不\1|是否/.test(question.trim()) && !/多少|几|金额|标准|比例|额度|上限|最高|怎么算|万|亿|千|百分/.test(question)) return "yesno";
  // 「还要报吗？占不占名额」: a quota named in a yes/no question, no figure asked.
  if (ask === "count" && /([\u4e00-\u9fa5])不\1|[吗么][？?]|是否/.test(question) && !/多少|几|数量/.test(question)) return "yesno";
  return ask;
}

/** 「卖了一百五十万够不够」「营收九千万，够格不」: the asker states a figure and asks whether it meets a threshold. */
const MEETS = /够不够|够吗|够[格了]?不|行不行|达标吗|达不达标|符合[^，。？?]{0,4}[吗么]|符不符合|满足[^，。？?]{0,4}[吗么]|满不满足/;
const STATED_FIGURE = /\d+(\.\d+)?\s*(万|亿|千|%|人|家|个|年)|[一二两三四五六七八九十百千]+(万|亿|千|百分之|人|家|个|年)/;
/** When a notice was issued: the date line under the signature, or 「发布日期：」. */
export const ISSUED_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|(发布|成文)(日期|时间)[:：]/;
/** A validity period: 「有效期为两年」「有效期3年」「期满后重新申报」. */
const VALIDITY = /有效期[^，。；]{0,6}[\d一二两三四五六七八九十]|期满/;
/** A threshold: the figure a condition sets (不低于…, …以上), not an upper limit (不超过). */
const THRESHOLD = /(不低于|不少于|(?<!不)超过|达到|突破|满)[^，。；]{0,8}\d|\d[^，。；]{0,6}以上/;

function askByCues(question: string): Ask {
  if (MEETS.test(question) && STATED_FIGURE.test(question)) return "requirement";
  // 「哪个部门牵头」「谁负责」: who is responsible, whatever noun the question word governs.
  if (/(哪个|哪些|哪家|什么|谁)[^，。？?]{0,6}(牵头|负责)/.test(question) && !/对[^，。？?]{0,8}负责/.test(question)) return "responsible";
  // 「申报书是哪个部门编的」「谁出的模板」: who wrote it, printed as 「…编制」.
  if (/((哪个|哪些|哪家|什么)(部门|单位|机构|处室)|谁)[^，。？?]{0,4}(编|出|制定|编制|起草|拟)的/.test(question)) return "responsible";
  for (const m of question.matchAll(INTERROGATIVE)) {
    const after = question.slice(m.index + m[0].length);
    for (const [ask, head] of HEAD_NOUNS) if (head.test(after)) return ask;
  }
  // 「…是多少」「…是什么」 with no measure word after it: the attribute before the question word.
  for (const m of question.matchAll(/(?:多少|什么|啥|哪些|哪个|哪里|哪儿|在哪)(?![个家套项户类种次份台字天人名批])/g)) {
    const before = question.slice(0, m.index);
    for (const [ask, head] of HEAD_BEFORE) if (head.test(before)) return ask;
  }
  for (const [ask, cue] of ASK_CUES) if (cue.test(question)) return ask;
  return "other";
}

/**
 * Cue words that are also what the fact is about (营收, 投入, 联网率): they select the ask and
 * stay topic words, since the quoted sentence must be about that attribute, not another amount.
 */
export const ATTRIBUTE_CUES = /营收|营业收入|收入|流水|销售额|产值|售价|价格|投入|投资|补助|补贴|奖励|资助|奖补|数控化率|联网率|占比|技改/;

/** The cue words of an ask (「咨询电话」 names the ask, not the topic). */
export function askCue(ask: Ask): RegExp | null {
  return ASK_CUES.find(([a]) => a === ask)?.[1] ?? null;
}

/** 「多少套」「几家」: the measure word the answer's figure must carry. */
export function askUnit(question: string, ask: Ask = "count"): RegExp | null {
  // When the notice was issued: the date line under the signature (or 「发布日期：」), not a deadline.
  if ((ask === "date" || ask === "other") && /落款|签发|印发|发布|下发|出台|发文|成文|发的/.test(question)) return ISSUED_DATE;
  if (/哪年|哪一年|哪几年/.test(question)) return /\d{4}\s*年/;
  const address = /路\s*\d+\s*号|号楼|\d+\s*室|大厦|大院/;
  if (/地址|办公地点|在哪办公/.test(question)) return address;
  // 「寄到哪个地址」 needs an address; 「交到哪个处」 an office that is a 处: the head noun must be in the sentence.
  const head = /(?:哪个|哪一个|什么|啥|哪)(地址|地方|地点|位置|处室|处|科室|科|网站|平台|系统|大厅)/.exec(question)?.[1];
  if (head === "地方" || head === "地点" || head === "位置") return address;
  if (head === "处" || head === "处室") return /[\u4e00-\u9fa5]{2,}处(?![理置罚])/;
  if (head === "科" || head === "科室") return /[\u4e00-\u9fa5]{2,}科(?![技学])/;
  if (head === "网站") return /网站|www\.|https?:/;
  if (head) return new RegExp(head);
  if (ask === "requirement" && MEETS.test(question) && STATED_FIGURE.test(question)) return THRESHOLD;
  // 「入库后管多久」「有效期几年」: how long a title or listing is valid, not a look-back period (近三年).
  if (ask === "duration" && /管多久|管几年|有效期|多久有效|几年有效|有效多久|多长时间有效|能用多久/.test(question)) return VALIDITY;
  // 「去哪里办」: an office, a system or an address; where a company must be registered only when that is asked.
  if (ask === "place" && !/注册/.test(question)) return DESTINATION;
  // 「第几个附件」「几级」 ask for an attachment or a level, not for a count of 个.
  // Copies are read by their own evidence (「交几套」 ↔ 「一式三份」).
  if (ask !== "count" && ask !== "words" && ask !== "other") return null;
  const m = /(?:多少|几)(个|家|套|项|户|类|种|次|份|台|字|天|人|名|批|分|件|篇|张|本|位)/.exec(question);
  if (!m) return null;
  // Days are also counted in working days (「几天」 ↔ 「5个工作日」).
  // Enterprises are counted in 家 and 个 alike (「泉州15个」 for 「能推荐几家」).
  const unit = m[1] === "天" ? "(天|日|个工作日)" : m[1] === "家" || m[1] === "个" ? "(家|个(?!工作日|月|百分点|小时))" : m[1];
  // 「1万套」「三千家」: a magnitude may stand between the figure and its unit.
  return new RegExp(`(\\d|${CN_NUM})\\s*[万千百]?\\s*(（[^）]{0,3}）)?\\s*${unit}|${unit}[^，。；]{0,6}(自行确定|不限)|(数量|名额|个数)[^，。；]{0,4}(自行确定|不限|不作限制)`);
}

const CN_NUM = "[一二两三四五六七八九十百千]";
/** A destination: submitted to / sent to / logged into an office, system or address, or an address itself. */
const DESTINATION = /(向|报送至?|报至|交至|交到|提交至?|发送至|发至|送至|登录|通过|在)[^，。；]{0,24}(局|厅|部门|处|科|委|中心|平台|系统|网站|大厅|邮箱)|路\d+号|号楼|\d+室|www\.|https?:/;
/** Text that carries the asked kind of fact. */
const EVIDENCE: Record<Ask, RegExp | null> = {
  copies: new RegExp(`一式${CN_NUM}+[份套]|[${CN_NUM.slice(1, -1)}\\d]+[份套]|各一[份套]`),
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/,
  contact: /(0\d{2,3}-?)?\d{7,8}|1[3-9]\d{9}/,
  words: /\d+\s*字/,
  // A day or a time: 「2022年1月以来」 names a period, not the date asked (「哪年」 asks are read by askUnit).
  // 「5月底」「20日前」「每季度」: a month's end, a day of any month and a period answer a 「几号」「截到几月」 too.
  date: /\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}|\d{1,2}\s*月(底|末|初|上旬|中旬|下旬)|\d{1,2}\s*日(前|之前|以前)|每(季度|月|年|半年)[^，。；]{0,12}(\d{1,2}\s*日|\d{1,2}\s*月|月底|月末|最后一个月)/,
  percent: /\d+(\.\d+)?\s*[%％]|百分之/,
  level: new RegExp(`[${CN_NUM.slice(1, -1)}\\d]级`),
  amount: new RegExp(`\\d[\\d.,]*\\s*(万元|亿元|万|亿|元)|${CN_NUM}+(万|亿)元?`),
  // 「推荐数量自行确定」: a count left to the office is the count asked too.
  count: new RegExp(`\\d+\\s*[万千百]?\\s*(个|家|项|户|类|种|套|次|名|人|件|批|天|工作日|维度|篇|张|本|位)|${CN_NUM}+(个|家|项|户|类|种|名|批|维度|项细化|件|篇)|(数量|名额|个数)[^，。；]{0,4}(自行确定|不限|不作限制)`),
  // A destination: submitted to / sent to / logged into an office, system or address, or an address itself.
  place: /(向|报送至?|报至|交至|交到|提交至?|发送至|发至|送至|登录|通过|在)[^，。；]{0,24}(局|厅|部门|处|科|委|中心|平台|系统|网站|大厅|邮箱)|[省市县区](行政区域|区域|辖区)?内(依法)?注册|路\d+号|号楼|\d+室|www\.|https?:/,
  materials: /[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|、.*、/,
  attachment: /附件\s*\d|见附件/,
  document: /《[^》]+》|〔\d{4}〕\d+号|GB\/?T/,
  subject: /(申报|支持|认定)(单位|主体|对象|企业)[^。；]{0,8}(应为|应是|为|包括|是|须为)|(应为|须为)[^。；]{0,30}企业|注册[^。；]{0,12}企业|作为(申报|支持|认定)?(主体|对象)/,
  responsible: /责任单位|牵头单位|负责单位|由[^。；]{1,20}(负责|牵头|编制|制定)|[\u4e00-\u9fa5]{2,16}(编制|制定|编印)$/,
  requirement: /不低于|不少于|不超过|以上|以下|达到|应当|应为|须|需(?!求)|必须|具有|具备|\d/,
  duration: /有效期[^，。；]{0,4}[\d一二两三四五六七八九十]+\s*个?\s*(年|月)|近[一二两三四五六七八九十\d]+年|(?<!\d)\d{1,2}\s*年(?![\d度])|\d+\s*个?\s*(年|月|日|天|工作日)(内|以内|以上|之内)|[一二两三四五六七八九十]+年(内|以内|以上)|(不超过|不少于|满)\s*[\d一二两三四五六七八九十]+\s*个?\s*(年|月)|每[一二两三四五六七八九十\d]+年/,
  kinds: /分为|分成|包括|包含|分别为|[两二三四五六七八九十\d]+(类|种)/,
  seal: /公章|骑缝章|印章|签章|盖章|加盖/,
  format: /黑体|宋体|仿宋|楷体|\d+\s*号字?|行距|A4|装订/,
  penalty: /取消|撤销|追回|收回|不得申报|不得再|列入[^，。；]{0,12}名单|失信|通报|追究|不予受理/,
  both: /只能(申报|选择|报|申请)|不得(同时|重复)|不能同时|不可同时|同时申报|重复申报|不重复|限报|择一/,
  payment: /拨付|拨至|发放|兑现|一次性|分[两二三四\d]期|分[两二三\d]次|到账|基本账户|先建后补|事后奖励|事前/,
  // Read against the term itself in answer-v2 (defines).
  definition: null,
  yesno: null,
  other: null,
};

/** Section headings where notices put each kind of fact (「二、申报条件」 holds the requirements). */
const SECTION_CUES: Partial<Record<Ask, RegExp>> = {
  requirement: /条件|要求|资格|对象|范围|基本/,
  subject: /条件|对象|主体|范围/,
  materials: /材料|附件|提交|报送内容/,
  date: /时间|日期|安排|程序|期限|报送/,
  contact: /联系/,
  copies: /材料|报送|程序|方式/,
  place: /报送|程序|方式|联系/,
  amount: /支持|资金|奖补|扶持|资助|补助|标准|条件/,
  payment: /拨付|资金|兑现|方式/,
  count: /名额|数量|分配/,
};

/** Whether a section heading is where notices put the asked kind of fact. */
export function sectionFits(ask: Ask, section: string): boolean {
  const re = SECTION_CUES[ask];
  return !!re && re.test(section);
}

export function carriesAsk(ask: Ask, text: string): boolean {
  const re = EVIDENCE[ask];
  return re === null || re.test(text);
}

/** Words that carry no topic in a question (colloquial filler and the ask itself). */
export const FILLER = new Set(
  (
    "那个 这个 这边 那边 这里 那里 这次 那次 今年 去年 明年 现在 目前 最晚 最迟 最早 最多 最少 最低 最高 交上去 交上 上去 交 报 能报 要报 一共 总共 统共 账面 " +
    "前提 啥 啥时候 时候 什么 才行 才 行 吗 还 还要 一定 多长 多久 怎么 怎么样 有啥 咋 哪 哪个 哪些 哪里 哪儿 在哪 几 多少 几号 几份 几个 几家 " +
    "是否 可以 能不能 不能 需要 要求 有没有 我们 我 公司 咱们 的话 问一下 请问 一下 打 谁 找 找谁 联系谁 问谁 得 有 没 过 算 按 " +
    "什么时候 何时 哪天 截止 期限 日期 时间 字数 多少字 比例 金额 多少钱 名额 数量 地址 网址 网站 网页 链接 门槛 条件 标准 情况 规定 具体 相关 " +
    "能 会 要 给 拿 多 少 大 小 高 低 啊 呀 呢 吧 嘛 么 了 的 是 都 也 就 还是 或者 以及 一下子 那么 这么 怎样 如何 为什么 为啥 " +
    "范围 限制 之前 以前 以后 之后 前 后 分 哪两类 哪几类 哪几个 几级 级别 等级 占不占 不占 能否 可否 会不会 要不要 " +
    "联系人 电话 咨询 邮箱 联系方式 写 填 交 提供 准备 包括 包含 评价 看 方面 哪些方面 " +
    "近几年 最近几年 几年 您好 你好 谢谢 麻烦 劳驾 留个 留一下 发一下 发个 告诉我 说一下 讲一下 大概 大约 差不多 区间 " +
    "杠杠 硬杠杠 硬指标 硬性 由谁 由谁来 谁来 办公 起码 最起码 至少 界定 定义 意思 含义 理解 一次 通知 还会 会不会 还能 还用 还得 够格 怎么弄 怎么搞 咋弄 咋搞 咋办 怎么办 打算 天内 日内 领导 老师 厂子 厂里"
  ).split(" "),
);

/** Provinces and larger cities: a question naming one selects notices, it is not passage content. */
export const PLACES: readonly string[] = (
  "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 " +
  "台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 东莞 佛山 南京 苏州 无锡 常州 杭州 宁波 温州 嘉兴 绍兴 成都 绵阳 武汉 长沙 郑州 济南 青岛 " +
  "合肥 南昌 西安 兰州 昆明 贵阳 南宁 海口 石家庄 太原 沈阳 大连 长春 哈尔滨 呼和浩特 银川 西宁 乌鲁木齐 拉萨 " +
  "福州 厦门 泉州 漳州 三明 莆田 南平 龙岩 宁德 平潭 四平 延边 通化 白山 松原 白城 辽源 雄安"
).split(" ");

/**
 * Administrative levels a question names (「省里的电话」「市里的联系人」「工信部那边」): like places, they select
 * the sentence that names an office of that level, they are not words the passage must repeat.
 */
const LEVELS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/省里|省厅|厅里|省级的|省工信厅|省经信厅|省那边/, /省[^，。；市县区]{0,8}(厅|委)|省级/],
  [/市里|市局|市级的|市工信局|市经信局|市那边/, /市[^，。；省]{0,6}(局|委)|市级/],
  [/县里|区里|县级的|县区/, /[县区][^，。；]{0,6}(局|部门)/],
  [/部里|工信部那边|部委|国家那边|国家层面/, /工业和信息化部|工信部|国家/],
];

/** Whether a word only names a level (省里, 市工信局): a selector, not a topic word. */
export function isLevelWord(word: string): boolean {
  return LEVELS.some(([cue]) => {
    const m = cue.exec(word);
    return !!m && m[0] === word;
  });
}

export type Level = "province" | "city" | "county" | "ministry";
/** The levels in the order of LEVELS. */
const LEVEL_NAMES: readonly Level[] = ["province", "city", "county", "ministry"];

/** The administrative level the question names itself (「省厅的截止时间」), if any. */
export function levelNamed(question: string): Level | null {
  const i = LEVELS.findIndex(([cue]) => cue.test(question));
  return i < 0 ? null : LEVEL_NAMES[i]!;
}

/** The level of the office that issued a notice (or a part of it), read from the start of its title. */
export function issuerLevel(title: string): Level | null {
  const office = /^(.{2,16}?)(厅|局|委员会|委|部)/.exec(title)?.[1];
  if (!office) return null;
  if (/^工业和信息化$|^国家/.test(office)) return "ministry";
  if (/[县区]/.test(office)) return "county";
  if (/市/.test(office)) return "city";
  if (/省|自治区/.test(office)) return "province";
  return null;
}

export function levelsIn(question: string, places: string[] = []): RegExp[] {
  const named = LEVELS.filter(([cue]) => cue.test(question)).map(([, office]) => office);
  // 「绵阳能推几个」: a city named asks for what a city's office does, a county for what a county's does.
  for (const p of places) {
    const level = levelOf(p);
    const office = level === "city" ? LEVELS[1]![1] : level === "county" ? LEVELS[2]![1] : null;
    if (office && !named.includes(office)) named.push(office);
  }
  return named;
}

/**
 * The question without the asker's description of themselves (「我们是宝安一家做电子的小厂，」「我司在晋江，做鞋的，」):
 * their trade and size are no words a passage must repeat. Places in it are kept (they select notices);
 * the eligibility route reads the facts from the whole message before this.
 */
const LEGAL_STATUS = /分公司|子公司|分支机构|法人|国企|国有|央企|民企|民营|外资|合资|个体|事业单位|社会组织|规上|规模以上|上市|非法人/;

export function withoutSituation(question: string): string {
  const clause = /(^|[，。,；;！!？?\s])((?:您好|你好)?[，,]?\s*(?:我们|我司|本公司|我们公司|我公司|我这边|我们这边|我家)(?:是|在|为|属于|做|搞|主要做|就是)[^，。,；;！!？?]{1,30}(?:[，,]\s*(?:主要|是)?(?:做|搞|从事|生产)[^，。,；;！!？?]{1,12})*)(?=[，。,；;！!？?]|$)/g;
  let kept = "";
  let rest = question.replace(clause, (m, lead: string, body: string) => {
    // 「我们是分公司不是法人」「我们是国企」: a legal status is what a condition is about, not the asker's trade.
    if (LEGAL_STATUS.test(body)) return m;
    kept += ` ${placesIn(body).join(" ")}`;
    return lead;
  });
  // 「长春一家汽配企业报…」「晋江一家鞋企想报…」: the asker's trade named in passing, without 我们.
  // Only at a clause's start or after a place: 「注册一家有限责任公司」 is what is asked.
  rest = rest.replace(/一家(?:做|搞|从事|生产)?[^，。,；;！!？?\s]{1,14}?(?:企业|公司|工厂|厂|企)/g, (m, at: number, all: string) => {
    const lead = all.slice(0, at).split(/[，。,；;！!？?\s]/).pop()!.replace(/(的|是|这边)$/, "");
    if (lead !== "" && !/^(我们|我司|我)$/.test(lead) && !(lead.length <= 8 && placesIn(lead).length > 0)) return m;
    kept += ` ${placesIn(m).join(" ")}`;
    return "";
  });
  const content = rest.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, "");
  return [...content].length >= 4 ? `${rest}${kept}`.trim() : question;
}

/** Words that make a clause a question. */
const QUESTION_CUE = /[?？]|多少|几|吗|么|啥|什么|哪|怎|咋|谁|是否|能否|可否|可不可以|行不行|够不够|算不算|有没有|要不要|能不能/;
/** A figure the asker states of their own enterprise: digits or numerals in words with a magnitude or unit (九千万, 一千多万, 二十多个人, 十二项). */
const OWN_FIGURE = /\d[个多来余\s]{0,2}(万|亿|千|百|人|项|吨|家|台|套|件|成|%|％)|[一二两三四五六七八九十百千几]([一二两三四五六七八九十百千几]|[个]?[多来余])[个多来余]{0,2}(万|亿|千|百|人|项|吨|家|台|套|件|成)|[一二两三四五六七八九十几][个]?(万|亿|千万|百万)/;

/**
 * A long message telling the asker's own figures before its question (「去年营收大概九千万，研发投入也有一千多万。
 * …想报大连首版次，首年销售收入最低要求多少？」): the clauses stating a figure, before the question, are dropped,
 * so they weigh nothing against the words of the question. Only when the question asks for a kind of fact
 * of its own (an amount, a count, a date…); a yes/no question about the figures keeps them.
 */
export function withoutOwnFigures(question: string): string {
  return dropBeforeQuestion(question, (clauses, last) => {
    if (clauses.filter((c) => c.replace(/[^\u4e00-\u9fa5\dA-Za-z]/g, "").length > 0).length < 3) return null;
    const ask = askOf(clauses.slice(last).join(""));
    if (ask === "yesno" || ask === "other" || ask === "requirement") return null;
    return (c) => OWN_FIGURE.test(c) && !/报|申请|参评|认定/.test(c);
  });
}

/**
 * The message without the clauses before its question (the last clause asking something) that `drops`
 * picks; clauses that ask something themselves stay. `drops` sees the clauses and the question's index and
 * may return null to keep everything. The whole message when nothing of substance (4 characters) is left.
 */
function dropBeforeQuestion(question: string, drops: (clauses: string[], last: number) => ((clause: string) => boolean) | null): string {
  const clauses = question.split(/(?<=[，。,；;！!？?\s])/);
  let last = -1;
  clauses.forEach((c, i) => {
    if (QUESTION_CUE.test(c)) last = i;
  });
  if (last < 1) return question;
  const drop = drops(clauses, last);
  if (!drop) return question;
  const rest = clauses.filter((c, i) => i >= last || QUESTION_CUE.test(c) || !drop(c)).join("");
  return rest.replace(/[^\u4e00-\u9fa5A-Za-z0-9]/g, "").length >= 4 ? rest : question;
}

/** What opens an aside: a greeting, the asker introducing themself, talk about the asking. */
const ASIDE_OPENING = /^(您好|你好|领导(您)?好|老师(您)?好|各位好|打扰(了|一下|下)?|不好意思|麻烦(问)?(一)?下|请问一下|我是|我们是|我们这边是|本人是|我这边是|上周|昨天|前几天|最近|刚刚?接手|领导让我|是这样)/;

/**
 * A message whose question comes after asides (「领导您好 我是柳州市工信局的小韦 上周刚接手这块工作。想确认下
 * 每个市示范项目最多能推荐几个」): the clauses before the question that open with a greeting or the asker's
 * introduction, ask nothing, and name no program (namesProgram) are dropped. Places are read from the whole
 * message elsewhere.
 */
export function withoutAsides(question: string, namesProgram: (clause: string) => boolean): string {
  return dropBeforeQuestion(question, () => (c) => ASIDE_OPENING.test(c.trim()) && !/报|申请|认定/.test(c) && !LEGAL_STATUS.test(c) && !namesProgram(c));
}

/** A year followed by a month (「2024年3月才注册的」): the asker's own date. */
const YEAR_OF_MONTH = /(20\d\d|19\d\d)\s*年(?=\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月)/g;

/** Years the asker dates their own events with (a year with a month): no topic. */
export function askerYears(question: string): Set<string> {
  return new Set([...question.matchAll(YEAR_OF_MONTH)].map((m) => m[1]!));
}

/** Years naming a program's round (「2026年软件专项资金」): a year with no month after it. */
export function programYears(question: string): number[] {
  const own = askerYears(question);
  return [...question.matchAll(/(20\d\d)\s*年/g)].map((m) => m[1]!).filter((y) => !own.has(y)).map(Number);
}

/** 「退不退」「占不占名额」「能不能报」: an A-not-A question names the verb once (退, 占名额, 能报). */
export function foldAnotA(question: string): string {
  return question.replace(/([\u4e00-\u9fa5])不\1/g, "$1");
}

export function placesIn(question: string): string[] {
  const found = [...new Set([...PLACES.filter((p) => question.includes(p)), ...divisionsIn(question)])];
  // 「吉林」 inside 「吉林省」 is one place; keep the longest forms only.
  return found.filter((p) => !found.some((o) => o !== p && o.includes(p)));
}
