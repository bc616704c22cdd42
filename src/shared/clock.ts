/** Injectable clock: everything that compares dates reads "today" from here. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at a calendar day (00:00 in Asia/Shanghai). */
export function fixedClock(isoDay: string): Clock {
  const d = new Date(`${isoDay}T00:00:00+08:00`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`fixedClock: not a date: ${isoDay}`);
  return { now: () => new Date(d) };
}

/** The calendar day (YYYY-MM-DD) in China Standard Time, where every notice's dates live. */
export function isoDayInChina(date: Date): string {
  return chinaDay.format(date);
}

// Building an Intl formatter costs ~0.1 ms; the engine asks for today on every message.
const chinaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

export function clockFromEnv(today: string | undefined): Clock {
  return today ? fixedClock(today) : systemClock;
}
