import { replyAddress, type InboundHandler } from "../bots/port.ts";
import type { ConversationEngine } from "../flows/engine/engine.ts";
import type { Logger } from "../shared/log.ts";
import type { Outbox } from "./outbox.ts";

/**
 * What every adapter's inbound messages go to: first what is pending in the outbox for
 * that chat (a document finished while nobody served it), then the engine, whose replies
 * go back through the outbox to the adapter that owns the chat.
 */
export function routeInbound(engine: ConversationEngine, outbox: Outbox, log: Logger): InboundHandler {
  return async (message) => {
    const to = replyAddress(message);
    await outbox.flush(to).catch((err: unknown) => log.warn({ err: (err as Error).message }, "outbox flush failed"));
    await engine.handle(message, outbox.sender(to));
  };
}
