import readline from "node:readline";
import { KnowledgeBase, QuestionError, renderAnswerText } from "./knowledge/index.ts";
import { clockFromEnv } from "./shared/clock.ts";
import { ConfigError, loadConfig } from "./shared/config.ts";
import { createLogger } from "./shared/log.ts";
import { createChatModel } from "./knowledge/llm.ts";

/**
 * `npm start`: the local chat on this terminal, no bot token needed. Policy Q&A
 * over the indexed notices for now; the Telegram/Feishu adapters and the guided
 * flows join as the conversation engine lands.
 */
const welcome = [
  "申报助手（本地对话）已就绪。",
  "请直接提问，例如：「先进级智能工厂对成熟度有什么要求？」「融合发展项目申报的联系人是谁？」",
  "输入「退出」结束。",
].join("\n");

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
const log = createLogger(config.LOG_LEVEL);
const chatModel = createChatModel(config);
const kb = await KnowledgeBase.open({ config, clock: clockFromEnv(config.SHENBAO_TODAY), log, ...(chatModel ? { chatModel } : {}) });
log.info({ notices: kb.noticeCount }, "local chat ready");
process.stdout.write(`${welcome}\n> `);

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const text = line.trim();
  if (["退出", "exit", "quit"].includes(text)) break;
  if (text !== "") {
    try {
      process.stdout.write(`${renderAnswerText(await kb.ask(text))}\n`);
    } catch (err) {
      if (!(err instanceof QuestionError)) throw err;
      log.info({ code: err.code }, "question rejected");
      process.stdout.write(`${err.userMessage()}\n`);
    }
  }
  process.stdout.write("> ");
}
process.stdout.write("\n再见！\n");
