/**
 * Minimal exact decimal: value = mantissa × 10^-scale. Enough for the sums and
 * power-of-ten products the numeral parser needs, without binary floating error
 * (1.2 × 10^8 is exactly 120000000, not 119999999.99999999).
 */
export interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

export const ZERO: Decimal = { mantissa: 0n, scale: 0 };

export function decimalFromInt(n: number | bigint): Decimal {
  return normalizeDecimal({ mantissa: BigInt(n), scale: 0 });
}

/** Parses "123", "1.25", ".5" (ASCII digits only, no sign). Returns undefined otherwise. */
export function decimalFromString(s: string): Decimal | undefined {
  const m = /^(\d*)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[1] === "" && m[2] === undefined)) return undefined;
  const intPart = m[1] ?? "";
  const frac = m[2] ?? "";
  return normalizeDecimal({ mantissa: BigInt((intPart || "0") + frac), scale: frac.length });
}

function normalizeDecimal(d: Decimal): Decimal {
  let { mantissa, scale } = d;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale -= 1;
  }
  return { mantissa, scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(scale - a.scale), b.mantissa * 10n ** BigInt(scale - b.scale), scale];
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return normalizeDecimal({ mantissa: x + y, scale });
}

/** a × 10^k, k may be negative. */
export function shiftDecimal(a: Decimal, k: number): Decimal {
  if (k >= 0) {
    const scale = a.scale - k;
    return scale >= 0
      ? normalizeDecimal({ mantissa: a.mantissa, scale })
      : { mantissa: a.mantissa * 10n ** BigInt(-scale), scale: 0 };
  }
  return normalizeDecimal({ mantissa: a.mantissa, scale: a.scale - k });
}

/** a × n for a small non-negative integer n (a digit or a power of ten). */
export function mulDecimalInt(a: Decimal, n: number): Decimal {
  return normalizeDecimal({ mantissa: a.mantissa * BigInt(n), scale: a.scale });
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroDecimal(a: Decimal): boolean {
  return a.mantissa === 0n;
}

export function isIntegerDecimal(a: Decimal): boolean {
  return normalizeDecimal(a).scale === 0;
}

/** Plain decimal notation, no exponent: "12000", "0.3", "1.25". */
export function decimalToString(a: Decimal): string {
  const d = normalizeDecimal(a);
  const negative = d.mantissa < 0n;
  const digits = (negative ? -d.mantissa : d.mantissa).toString();
  let out: string;
  if (d.scale === 0) out = digits;
  else {
    const padded = digits.padStart(d.scale + 1, "0");
    out = `${padded.slice(0, padded.length - d.scale)}.${padded.slice(padded.length - d.scale)}`;
  }
  return negative ? `-${out}` : out;
}

/** The double nearest to the exact decimal value. */
export function decimalToNumber(a: Decimal): number {
  return Number(decimalToString(a));
}

export function negateDecimal(a: Decimal): Decimal {
  return { mantissa: -a.mantissa, scale: a.scale };
}
