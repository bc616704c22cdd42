import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "sb_sid";

/** A new session token: 256 random bits, kept only in the user's HttpOnly cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The chat id of a session: a digest, so Redis never holds the token itself. */
export function chatIdOf(token: string | undefined): string | null {
  if (!token || !/^[\w-]{43}$/.test(token)) return null;
  return `w${createHash("sha256").update(token).digest("hex").slice(0, 24)}`;
}
