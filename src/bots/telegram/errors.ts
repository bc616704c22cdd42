import { AppError } from "../../shared/errors.ts";

/** The chat blocked the bot or removed it (403 earlier); nothing is sent until it writes again. */
export class ChatInactiveError extends AppError {
  readonly code = "CHAT_INACTIVE";
}

/** getMe or the webhook / command set-up failed: a wrong token, or the Bot API is unreachable. */
export class TelegramStartError extends AppError {
  readonly code = "TELEGRAM_START_FAILED";
}
