import { Result, isError } from "./errors";
import { Problems } from "./messages";
import { Decimal, ZERO, dec } from "./money";

export const FORECAST_METHODS = ["linear"] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

export interface ClaimPoint {
  /** Excel serial date of the claim. */
  date: number;
  /** Families (outcomes) claimed on that date. */
  count: Decimal;
}

/** The running total of claim counts, in the order given. */
export function runningTotals(points: readonly ClaimPoint[]): Decimal[] {
  let total = ZERO;
  return points.map((point) => (total = total.plus(point.count)));
}

/**
 * Excel's FORECAST.LINEAR(x, known_y, known_x): the least-squares line through the points,
 * evaluated at x. Computed in Decimal so the result does not depend on summation order.
 */
export function forecastLinear(
  x: number,
  knownY: readonly Decimal[],
  knownX: readonly number[]
): Result<Decimal> {
  const n = knownX.length;
  if (n < 2) return Problems.tooFewPoints("claim_dates", n, 2);
  const meanX = knownX.reduce((s, v) => s.plus(v), ZERO).div(n);
  const meanY = knownY.reduce((s, v) => s.plus(v), ZERO).div(n);
  let sxy = ZERO;
  let sxx = ZERO;
  knownX.forEach((xi, i) => {
    const dx = dec(xi).minus(meanX);
    sxy = sxy.plus(dx.times(knownY[i].minus(meanY)));
    sxx = sxx.plus(dx.times(dx));
  });
  if (sxx.isZero()) return Problems.tooFewPoints("claim_dates", new Set(knownX).size, 2);
  const slope = sxy.div(sxx);
  return meanY.plus(slope.times(dec(x).minus(meanX)));
}

/**
 * Cumulative outcomes forecast to a date from the claim history: FORECAST.LINEAR on the running
 * total of claims, capped at the cohort (no more families can be turned around than there are)
 * and never below zero (a date before the trend starts has no outcomes yet).
 */
export function forecastOutcomes(
  points: readonly ClaimPoint[],
  forecastDate: number,
  cohort?: Decimal,
  method: ForecastMethod = "linear"
): Result<Decimal> {
  void method; // one method today; the parameter keeps the contract open for more
  for (let i = 1; i < points.length; i++) {
    if (points[i].date < points[i - 1].date) return Problems.datesOutOfOrder("claim_dates", i + 1);
  }
  const line = forecastLinear(
    forecastDate,
    runningTotals(points),
    points.map((p) => p.date)
  );
  if (isError(line)) return line;
  let value = Decimal.max(line, ZERO);
  if (cohort !== undefined) value = Decimal.min(value, cohort);
  return value;
}
