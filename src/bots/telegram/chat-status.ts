import type { Transformer } from "grammy";
import type { Redis } from "ioredis";

/**
 * Chats the bot cannot write to (the user blocked it, or it was removed from the group):
 * marked on a 403 answer or a my_chat_member update, cleared when the chat writes again.
 * One Redis hash, chat id → when and why, readable by every process (and broadcasts).
 */
export class ChatStatus {
  constructor(
    private readonly redis: () => Redis,
    private readonly prefix: string,
  ) {}

  async markInactive(chatId: string, reason: string): Promise<void> {
    await this.redis().hset(this.key, chatId, JSON.stringify({ at: new Date().toISOString(), reason }));
  }

  async markActive(chatId: string): Promise<void> {
    await this.redis().hdel(this.key, chatId);
  }

  async isInactive(chatId: string): Promise<boolean> {
    return (await this.redis().hexists(this.key, chatId)) === 1;
  }

  private get key(): string {
    return `${this.prefix}:tg:inactive`;
  }
}

/** An API transformer that reports a 403 answer to a call for a chat (blocked, kicked, deactivated). */
export function forbiddenTransformer(onForbidden: (chatId: string, description: string) => Promise<void>): Transformer {
  return async (prev, method, payload, signal) => {
    const res = await prev(method, payload, signal);
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (!res.ok && res.error_code === 403 && chatId !== undefined) await onForbidden(String(chatId), res.description);
    return res;
  };
}
