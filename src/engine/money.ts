import DecimalBase from "decimal.js";

/**
 * The engine's own Decimal constructor. A clone, so that the settings never leak into (or are
 * changed by) any other code in the page that also uses decimal.js. Forty significant digits
 * keep fractional families (5/6 of a cohort) exact enough that every penny rounds correctly.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalInput = Decimal | number | string;

export const ZERO = new Decimal(0);

export function dec(value: DecimalInput): Decimal {
  return new Decimal(value);
}

/** Money is held to the penny: half a penny rounds up, as in the councils' own tables. */
export function toPence(value: Decimal): Decimal {
  // Most amounts are already whole pence (rates are); rounding would only copy them. -0 (from
  // a -0 cell, or rounding a tiny negative) is £0: never printed as "-£0".
  const pence =
    value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return pence.isZero() && pence.isNegative() ? ZERO : pence;
}

/** Money leaves the engine as a number of pounds with at most two decimal places. */
export function poundsToNumber(value: Decimal): number {
  return toPence(value).toNumber();
}

/**
 * Adds up Decimals quickly and exactly. A long claim history repeats a handful of values (the
 * same few family counts, the same part amounts, shared instances — see wholeNumber), so each
 * distinct instance is counted and multiplied once instead of being added thousands of times.
 */
export class Tally {
  private readonly counts = new Map<Decimal, number>();

  add(value: Decimal): this {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    return this;
  }

  total(): Decimal {
    let total = ZERO;
    for (const [value, n] of this.counts) total = total.plus(n === 1 ? value : value.times(n));
    return total;
  }
}

export function sum(values: readonly Decimal[]): Decimal {
  if (values.length === 0) return ZERO;
  if (values.length < 16) return values.reduce((total, value) => total.plus(value));
  const tally = new Tally();
  for (const value of values) tally.add(value);
  return tally.total();
}

// Decimals are immutable, so whole numbers of families can share one instance each: that is what
// lets a Tally of a claim history collapse to a few multiplications.
const WHOLE: Decimal[] = [];
const WHOLE_VALUES = new Map<Decimal, number>();
const MAX_SHARED = 10000;

/** A whole number as a Decimal, shared for small counts (0 to 10,000). */
export function wholeNumber(n: number): Decimal {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SHARED) return new Decimal(n);
  let shared = WHOLE[n];
  if (shared === undefined) {
    // -0 + 0 is +0: a shared zero must not carry a minus sign.
    shared = WHOLE[n] = new Decimal(n + 0);
    WHOLE_VALUES.set(shared, n + 0);
  }
  return shared;
}

/** A Decimal as a number; a shared whole number without re-reading its digits. */
export function numberOf(value: Decimal): number {
  return WHOLE_VALUES.get(value) ?? value.toNumber();
}
