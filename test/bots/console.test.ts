import { ConsoleAdapter, type ConsoleLine } from "../../src/bots/console/console-adapter.ts";
import type { Address } from "../../src/bots/port.ts";
import type { InboundMessage } from "../../src/flows/engine/messages.ts";
import { runConformance, type AdapterHarness, type PlatformCall } from "./conformance.ts";

const address: Address = { channel: "console", chatId: "alice", userId: "alice" };
const base = { channel: "console", chatId: "alice", userId: "alice" } as const;
const text = (seq: number, t: string): InboundMessage => ({ ...base, updateId: `run1:${seq}`, kind: "text", text: t });
const write = (s: string): PlatformCall => ({ method: "write", payload: s });
const yesNo = [
  { id: "q:3:yes", label: "是" },
  { id: "q:3:no", label: "否" },
];

/** The console's platform is the terminal: its only call is a write to stdout. */
function consoleHarness(jsonl: boolean): AdapterHarness<ConsoleLine> {
  let seq = 100;
  return {
    name: jsonl ? "console (--jsonl)" : "console",
    address,
    async setup() {
      let calls: PlatformCall[] = [];
      const adapter = new ConsoleAdapter({ userId: "alice", jsonl, runId: "run1", write: (s) => void calls.push(write(s)) });
      return {
        adapter,
        deliver: (e) => adapter.receive(e),
        takeCalls: () => {
          const taken = calls;
          calls = [];
          return taken;
        },
        close: async () => undefined,
      };
    },
    inbound: [
      { name: "a question", event: { seq: 1, line: "我们公司能报什么？" }, expected: text(1, "我们公司能报什么？") },
      { name: "spaces are kept for the engine", event: { seq: 2, line: "  3千万 " }, expected: text(2, "  3千万 ") },
      { name: "a number with no buttons shown is text", event: { seq: 3, line: "1" }, expected: text(3, "1") },
      { name: "an empty line", event: { seq: 4, line: "" }, expected: text(4, "") },
    ],
    outbound: jsonl
      ? [
          { name: "text", message: { text: "你好", buttons: [], file: null }, calls: [write('{"text":"你好","buttons":[],"file":null}\n')] },
          {
            name: "buttons",
            message: { text: "是否为独立法人？", buttons: yesNo, file: null },
            calls: [write('{"text":"是否为独立法人？","buttons":[{"id":"q:3:yes","label":"是"},{"id":"q:3:no","label":"否"}],"file":null}\n')],
          },
          {
            name: "a file",
            message: { text: "申报书已生成", buttons: [], file: { path: "/d/a.docx", name: "申报书.docx" } },
            calls: [write('{"text":"申报书已生成","buttons":[],"file":{"path":"/d/a.docx","name":"申报书.docx"}}\n')],
          },
          {
            name: "an edit is printed anew",
            message: { text: "已选择：是", buttons: [], file: null, editOf: "1" },
            calls: [write('{"text":"已选择：是","buttons":[],"file":null}\n')],
          },
        ]
      : [
          { name: "text", message: { text: "你好", buttons: [], file: null }, calls: [write("你好\n\n")] },
          { name: "buttons", message: { text: "是否为独立法人？", buttons: yesNo, file: null }, calls: [write("是否为独立法人？\n[1] 是  [2] 否\n\n")] },
          {
            name: "a file",
            message: { text: "申报书已生成", buttons: [], file: { path: "/d/a.docx", name: "申报书.docx" } },
            calls: [write("申报书已生成\n📎 申报书.docx\n   /d/a.docx\n\n")],
          },
          { name: "an edit is printed anew", message: { text: "已选择：是", buttons: [], file: null, editOf: "1" }, calls: [write("已选择：是\n\n")] },
        ],
    greeting: { seq: 1, line: "帮助" },
    press: (button, _sent, message) => ({ seq: ++seq, line: String(message.buttons.indexOf(button) + 1) }),
  };
}

runConformance(consoleHarness(false));
runConformance(consoleHarness(true));
