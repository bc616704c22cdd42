import { hashPassword } from "../src/app/staff/console/password.ts";

/**
 * `npm run --silent staff-password`: reads a password from standard input (typed, without echo,
 * or the first line of what is piped in) and prints its `scrypt$<salt>$<hash>` for
 * STAFF_CONSOLE_USERS (`name:scrypt$…[:unit]`). The password itself is never printed or logged.
 */
const MIN = 10;

async function typed(): Promise<string> {
  process.stderr.write("输入密码后按回车（至少 10 个字符，输入时不显示）：");
  process.stdin.setRawMode(true);
  process.stdin.setEncoding("utf8");
  let out = "";
  try {
    for await (const chunk of process.stdin) {
      for (const ch of chunk as string) {
        if (ch === "\r" || ch === "\n") return out;
        if (ch === "\u0003") process.exit(130); // Ctrl-C
        if (ch === "\u007f" || ch === "\b") out = [...out].slice(0, -1).join("");
        else out += ch;
      }
    }
    return out;
  } finally {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stderr.write("\n");
  }
}

async function piped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

const password = process.stdin.isTTY ? await typed() : await piped();
if ([...password].length < MIN) {
  process.stderr.write(`密码至少 ${MIN} 个字符。\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
