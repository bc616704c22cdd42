import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "sb_sid";

/** A new session token: 256 random bits, kept only in the user's HttpOnly cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

// Digests of the sessions seen lately: every request of a chat otherwise hashes its token again.
const CACHE_SIZE = 10_000;
const recent = new Map<string, string>();

/** The chat id of a session: a digest, so Redis never holds the token itself. */
export function chatIdOf(token: string | undefined): string | null {
  if (!token || token.length !== 43) return null;
  const cached = recent.get(token);
  if (cached) return cached;
  if (!/^[\w-]{43}$/.test(token)) return null;
  const chatId = `w${createHash("sha256").update(token).digest("hex").slice(0, 24)}`;
  if (recent.size >= CACHE_SIZE) recent.delete(recent.keys().next().value!);
  recent.set(token, chatId);
  return chatId;
}
