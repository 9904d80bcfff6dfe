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
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money leaves the engine as a number of pounds with at most two decimal places. */
export function poundsToNumber(value: Decimal): number {
  return toPence(value).toNumber();
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO);
}
