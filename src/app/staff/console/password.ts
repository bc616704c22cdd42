import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** scrypt cost: N=2^15, r=8, p=1 (≈32 MiB, tens of ms): slow enough to make guessing expensive. */
const PARAMS: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize("NFC"), salt, KEY_BYTES, PARAMS, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$<salt>$<hash>` (base64url): what STAFF_CONSOLE_USERS holds for a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt);
  return `scrypt$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Whether `password` matches `stored` (constant-time comparison; false for a malformed hash). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[2]!, "base64url");
  if (expected.length !== KEY_BYTES) return false;
  const actual = await scrypt(password, Buffer.from(m[1]!, "base64url"));
  return timingSafeEqual(actual, expected);
}

/** A hash of no one's password: unknown user names are checked against it, so they take as long as known ones. */
export const DUMMY_HASH = `scrypt$${"A".repeat(22)}$${"A".repeat(43)}`;
