import type { Activity, Address, ChannelAdapter, InboundHandler, SentMessage } from "../../src/bots/port.ts";
import type { Channel, OutboundMessage } from "../../src/flows/engine/messages.ts";

/** A channel adapter that records what it is asked to send (outbox and delivery tests). */
export class RecordingAdapter implements ChannelAdapter {
  readonly sent: Array<{ to: Address; message: OutboundMessage }> = [];
  /** Make `send` throw (the platform is down) while true. */
  failing = false;
  onMessage: InboundHandler | null = null;

  constructor(
    readonly channel: Channel,
    private readonly ownsChat: (chatId: string) => boolean = () => true,
  ) {}

  async start(onMessage: InboundHandler): Promise<void> {
    this.onMessage = onMessage;
  }
  async send(to: Address, message: OutboundMessage): Promise<SentMessage> {
    if (this.failing) throw new Error("platform down");
    this.sent.push({ to, message });
    return { messageId: String(this.sent.length) };
  }
  async edit(to: Address, _id: string, message: OutboundMessage): Promise<SentMessage> {
    return this.send(to, message);
  }
  async progress(_to: Address, _activity: Activity): Promise<void> {}
  owns(to: Address): boolean {
    return to.channel === this.channel && this.ownsChat(to.chatId);
  }
  async stop(): Promise<void> {
    this.onMessage = null;
  }
}
