/**
 * Not every message is an answer. Before a line is read as the answer to the current
 * question it is checked for what people say in passing: a wish to stop or pause, a request
 * for a person, small talk, a correction of an earlier answer. Only clear cases are caught
 * (short lines with the telltale words); everything else goes on to be read as an answer,
 * and a question about the step is recognised later (intents.ts `looksLikeQuestion`).
 * The word lists are what users type, not texts the bot shows.
 */
export type Aside =
  | { kind: "stop" }
  | { kind: "human" }
  | { kind: "smalltalk" }
  | { kind: "help" }
  /** 「不对，…应该是…」: `subject` names what was wrong (「省份」), `value` the right answer. */
  | { kind: "correction"; subject: string; value: string };

const STOP =
  /^(?:好吧|那|嗯|哦)?[，,]?(?:先这样|先到这|算了|不弄了|不填了|不搞了|不做了|不想填了|先不填|先不弄|先不搞|回头再|下次再|改天再|晚点再|晚些再|等会再|等会儿再|稍后再|有空再|我?(?:下午|明天|晚上|周一|下周|待会|一会儿?)再)/u;
const HUMAN = /人工客服|转人工|人工服务|找人工|要人工|联系人工|真人|^人工$|^客服$|找客服|联系客服|客服电话|怎么联系你们|找谁咨询|咨询电话|联系电话是多少/u;
const SMALLTALK =
  /^(?:你好|您好|你好呀|hello|hi|哈喽|嗨|喂|在吗|在不在|有人吗|在么|谢谢|多谢|谢了|感谢|辛苦了|哈哈+|呵呵|早上好|下午好|晚上好)[啊呀吗呢！!。.~？?\s]*$/iu;
const PUNCT_ONLY = /^[\s?？!！。.，,…~～、\-—]+$/u;
const HELP = /^(?:帮助|说明|填写说明|怎么填|怎么填写|这个怎么填|这项怎么填|这一项怎么填|什么意思|啥意思|不懂|看不懂|help)[？?。.!！]*$/iu;

/** 「省份填错了，应该是福建省」「不对，营业收入应该是9000万」「刚才的城市写错了 改成厦门」 */
const CORRECTION = [
  /^(?<subject>.{1,16}?)(?:填错了|写错了|搞错了|说错了|弄错了|错了|不对)[，,。\s]*(?:应该是|应是|应为|改成|改为|是)(?<value>.+)$/u,
  /^(?:不对|不是|错了|填错了|写错了|说错了|更正一下|更正|纠正一下)[，,。\s]*(?<subject>.{0,16}?)(?:应该是|应是|应为|改成|改为)(?<value>.+)$/u,
  /^把(?<subject>.{1,16}?)(?:改成|改为|更正为|修改为)(?<value>.+)$/u,
];

/** What a line says, when it is clearly not an answer; null otherwise. */
export function classifyAside(input: string): Aside | null {
  const t = input.trim();
  const n = [...t].length;
  if (t === "" || n > 40) return null;
  if (PUNCT_ONLY.test(t)) return { kind: "smalltalk" };
  if (HELP.test(t)) return { kind: "help" };
  if (HUMAN.test(t) && n <= 20) return { kind: "human" };
  if (SMALLTALK.test(t)) return { kind: "smalltalk" };
  if (STOP.test(t) && n <= 24) return { kind: "stop" };
  for (const re of CORRECTION) {
    const m = re.exec(t);
    if (m?.groups) {
      const subject = (m.groups.subject ?? "").replace(/^(?:刚才|之前|前面|上面)(?:的|那个)?|(?:那一?项|那个|这一?项)$/gu, "").replace(/的$/u, "").trim();
      const value = (m.groups.value ?? "").replace(/^[:：\s]+/u, "").trim();
      if (value !== "") return { kind: "correction", subject, value };
    }
  }
  return null;
}
