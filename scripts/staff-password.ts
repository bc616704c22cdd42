import { hashPassword } from "../src/app/staff/console/password.ts";

/**
 * `npm run --silent staff-password`: reads a password from standard input (one line; piped or
 * typed) and prints its `scrypt$<salt>$<hash>` for STAFF_CONSOLE_USERS
 * (`name:scrypt$…[:unit]`). The password itself is never printed or logged.
 */
const MIN = 10;
const chunks: Buffer[] = [];
if (process.stdin.isTTY) process.stderr.write("输入密码后按回车（至少 10 个字符）：");
for await (const c of process.stdin) {
  chunks.push(c as Buffer);
  if (process.stdin.isTTY && Buffer.concat(chunks).includes(10)) break;
}
const password = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
if ([...password].length < MIN) {
  process.stderr.write(`密码至少 ${MIN} 个字符。\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
