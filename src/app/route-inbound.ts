import { replyAddress, type InboundHandler } from "../bots/port.ts";
import type { ConversationEngine, Send } from "../flows/engine/engine.ts";
import type { InboundMessage } from "../flows/engine/messages.ts";
import type { Logger } from "../shared/log.ts";
import { engineTexts } from "../flows/engine/texts.ts";
import type { Metrics, MessageOutcome } from "./metrics.ts";
import type { Outbox } from "./outbox.ts";

const failureTexts = new Set<string>([engineTexts.errors.busy, engineTexts.errors.internal]);
/** Handles a message before the engine (staff commands); true when it did. */
export type Intercept = (message: InboundMessage, send: Send) => Promise<boolean>;

/**
 * What every adapter's inbound messages go to: first what is pending in the outbox for
 * that chat (a document finished while nobody served it), then the engine, whose replies
 * go back through the outbox to the adapter that owns the chat.
 */
export function routeInbound(engine: ConversationEngine, outbox: Outbox, log: Logger, metrics?: Metrics, intercept?: Intercept): InboundHandler {
  return async (message, hints) => {
    const started = process.hrtime.bigint();
    const to = replyAddress(message);
    // While the adapter is still recording the message, the user's state is read in the same
    // tick (one round trip less); nothing is done before the message is recorded.
    const hinted = hints?.pendingDeliveries;
    const prefetched = hinted instanceof Promise ? engine.prefetch(message) : undefined;
    const pending = await hinted;
    // The adapter may have seen already that nothing is pending (one Redis call less per message).
    if (pending !== false) await outbox.flush(to).catch((err: unknown) => log.warn({ err: (err as Error).message }, "outbox flush failed"));
    if (intercept && (await intercept(message, outbox.sender(to)).catch((err: unknown) => (log.error({ err: (err as Error).message }, "staff command failed"), false)))) return;
    const send = outbox.sender(to);
    let outcome: MessageOutcome = "silent";
    await engine.handle(
      message,
      async (m) => {
        outcome = failureTexts.has(m.text) ? "failed" : outcome === "failed" ? outcome : "replied";
        await send(m);
      },
      prefetched,
    );
    metrics?.messages.inc({ channel: message.channel, outcome });
    metrics?.answerSeconds.observe({ channel: message.channel }, Number(process.hrtime.bigint() - started) / 1e9);
  };
}
