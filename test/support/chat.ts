import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { ConsoleAdapter } from "../../src/bots/console/console-adapter.ts";
import { ConversationEngine, type DocumentPort, type DocumentRequest, type KnowledgePort } from "../../src/flows/engine/engine.ts";
import type { OutboundMessage } from "../../src/flows/engine/messages.ts";
import { RedisStateStore } from "../../src/flows/engine/store.ts";
import { catalog } from "../../src/flows/programs/index.ts";
import { fixedClock, type Clock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/log.ts";

/** Records queued documents instead of generating them (the queue has its own tests). */
export class RecordingDocuments implements DocumentPort {
  readonly requests: DocumentRequest[] = [];
  async enqueue(request: DocumentRequest): Promise<void> {
    this.requests.push(request);
  }
}

export interface EngineEnv {
  engine: ConversationEngine;
  store: RedisStateStore;
  redis: Redis;
  documents: RecordingDocuments;
  close(): Promise<void>;
}

/** An engine over a real Redis (fresh key prefix per call) with the real catalog. */
export function makeEngine(redisUrl: string, knowledge: KnowledgePort, opts: { clock?: Clock; prefix?: string; documents?: DocumentPort } = {}): EngineEnv {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 50 });
  const log = createLogger("silent");
  const store = new RedisStateStore(redis, log, { prefix: opts.prefix ?? `t${randomUUID().slice(0, 8)}` });
  const documents = new RecordingDocuments();
  let n = 0;
  const engine = new ConversationEngine({
    store,
    clock: opts.clock ?? fixedClock("2026-11-22"),
    log,
    catalog,
    knowledge,
    documents: opts.documents ?? documents,
    newId: () => `d${++n}`,
  });
  return { engine, store, redis, documents, close: async () => void redis.disconnect() };
}

/** One user talking through the console channel, as `npm run chat` does. */
export class ChatUser {
  readonly transcript: OutboundMessage[] = [];
  private readonly channel: ConsoleAdapter;
  private lastBatch: OutboundMessage[] = [];

  constructor(
    private engine: ConversationEngine,
    readonly userId = `u-${randomUUID().slice(0, 8)}`,
  ) {
    this.channel = new ConsoleAdapter({ userId, write: () => undefined, jsonl: true });
  }

  /** Talk to another engine instance (a restarted process), keeping the same user. */
  useEngine(engine: ConversationEngine): void {
    this.engine = engine;
  }

  /** Send a line (text, a button number or a button label); returns the bot's messages. */
  async say(line: string): Promise<OutboundMessage[]> {
    const out: OutboundMessage[] = [];
    const send = async (m: OutboundMessage) => {
      out.push(m);
      await this.channel.send({ channel: "console", chatId: this.userId }, m);
    };
    await this.engine.handle(this.channel.inbound(line), send);
    this.transcript.push(...out);
    this.lastBatch = out;
    return out;
  }

  /** Answer a sequence of lines; returns the messages of the last one. */
  async sayAll(lines: string[]): Promise<OutboundMessage[]> {
    let out: OutboundMessage[] = [];
    for (const l of lines) out = await this.say(l);
    return out;
  }

  /** Press the button whose label contains `label` in the latest messages. */
  async press(label: string): Promise<OutboundMessage[]> {
    const b = [...this.lastBatch].reverse().flatMap((m) => m.buttons).find((x) => x.label.includes(label));
    if (!b) throw new Error(`no button "${label}" in: ${this.lastText()}`);
    return this.say(b.label);
  }

  last(): OutboundMessage {
    const m = this.lastBatch.at(-1);
    if (!m) throw new Error("no messages yet");
    return m;
  }

  lastText(): string {
    return this.lastBatch.map((m) => m.text).join("\n---\n");
  }
}

/** Knowledge for engine tests that do not exercise retrieval: echoes the question. */
export const echoKnowledge: KnowledgePort = { answer: async (q) => `【问答】${q}` };
