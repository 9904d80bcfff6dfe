import { PricedClaim } from "./claims";
import { serialFromIso } from "./dates";
import { CashEnvelope } from "./envelope";
import { Result, isError } from "./errors";
import { ClaimPoint, forecastOutcomes } from "./forecast";
import { Problems } from "./messages";
import { Decimal, Tally, ZERO, dec, sum, toPence } from "./money";

/**
 * "trend": FORECAST.LINEAR through the running total of turned-around claims.
 * "claims-only": fewer than two claim dates give no trend, so the forecast is what is claimed.
 */
export type ForecastBasis = "trend" | "claims-only";

export interface ForecastYear {
  /** Programme year of attachment (1-based). */
  year: number;
  /** Turned-around families claimed so far among those attached this year. */
  claimedFamilies: Decimal;
  /** Further turned-around families forecast among those attached this year. */
  additionalFamilies: Decimal;
  /** £ the additional families are expected to earn, to the penny. */
  additionalAmount: Decimal;
}

export interface TurnedAroundForecast {
  basis: ForecastBasis;
  /** Serial date the forecast runs to: the framework's programme end. */
  forecastDate: number;
  claimedFamilies: Decimal;
  /** Turned-around families expected by the programme end (never fewer than claimed). */
  forecastFamilies: Decimal;
  additionalFamilies: Decimal;
  /**
   * Claimed £ ÷ what the turned-around families claimed could have earned at most (their
   * year's results total): how fully results have been realised so far, at most 1.
   */
  realisationRatio: Decimal;
  byYear: ForecastYear[];
  /** The claim history the trend runs through: turned-around families by claim date. */
  points: ClaimPoint[];
}

/** Turned-around claims as a cumulative history: one point per date, same-date claims merged. */
export function turnedAroundPoints(turnedAround: readonly PricedClaim[]): ClaimPoint[] {
  const byDate = new Map<number, Tally>();
  for (const claim of turnedAround) {
    let tally = byDate.get(claim.date);
    if (!tally) byDate.set(claim.date, (tally = new Tally()));
    tally.add(claim.families);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([date, tally]) => ({ date, count: tally.total() }));
}

function realisationRatio(
  envelope: CashEnvelope,
  claims: readonly PricedClaim[],
  turnedAround: readonly PricedClaim[]
): Decimal {
  const results = envelope.framework.resultsTotal;
  // Families per year first, then times the year's results total: the same sum, far fewer steps.
  const familiesIn = results.map(() => new Tally());
  for (const claim of turnedAround)
    for (const part of claim.parts) familiesIn[part.year - 1].add(part.families);
  const earnable = sum(familiesIn.map((tally, i) => tally.total().times(results[i])));
  if (earnable.isZero()) return dec(1);
  // A turned-around family cannot earn more than its year's results total, however the other
  // outcome types have been claimed, so the ratio is capped at 1.
  const claimed = sum(claims.map((claim) => claim.amount));
  return Decimal.min(dec(1), claimed.div(earnable));
}

/**
 * Turned-around families forecast to the programme end from the claim trend, capped at the
 * envelope's funded families. The additional families are placed first in first out in the
 * attachment years' families not yet turned around, and priced at that year's results total
 * times the realisation ratio. Forecast families are whole (rounded down: part of a family earns
 * nothing) unless the envelope keeps fractions.
 */
export function forecastTurnedAround(
  envelope: CashEnvelope,
  claims: readonly PricedClaim[]
): Result<TurnedAroundForecast> {
  const { framework } = envelope;
  const forecastDate = serialFromIso(framework.programmeEnd);
  if (forecastDate === undefined)
    return Problems.programmeEndNotADate(framework.id, framework.programmeEnd);
  const turnedAround = claims.filter((claim) =>
    framework.turnedAroundOutcomes.includes(claim.outcome)
  );
  const claimedFamilies = sum(turnedAround.map((claim) => claim.families));
  const points = turnedAroundPoints(turnedAround);

  let basis: ForecastBasis = "claims-only";
  let forecastFamilies = claimedFamilies;
  if (points.length >= 2) {
    const trend = forecastOutcomes(points, forecastDate, envelope.funded);
    if (isError(trend)) return trend;
    const whole =
      envelope.rounding === "none" ? trend : trend.toDecimalPlaces(0, Decimal.ROUND_DOWN);
    basis = "trend";
    forecastFamilies = Decimal.max(whole, claimedFamilies);
  }
  const additionalFamilies = forecastFamilies.minus(claimedFamilies);
  const ratio = realisationRatio(envelope, claims, turnedAround);

  // Turned-around families claimed per year of attachment, in one pass (claim order, as before).
  const claimedIn = new Map<number, Tally>();
  for (const claim of turnedAround)
    for (const part of claim.parts) {
      let tally = claimedIn.get(part.year);
      if (!tally) claimedIn.set(part.year, (tally = new Tally()));
      tally.add(part.families);
    }
  let left = additionalFamilies;
  const byYear = envelope.rows.map((row): ForecastYear => {
    const year = row.year.index;
    const claimedHere = claimedIn.get(year)?.total() ?? ZERO;
    const room = Decimal.max(ZERO, row.families.minus(claimedHere));
    const additional = Decimal.min(left, room);
    left = left.minus(additional);
    const amount = toPence(additional.times(framework.resultsTotal[year - 1]).times(ratio));
    return {
      year,
      claimedFamilies: claimedHere,
      additionalFamilies: additional,
      additionalAmount: amount,
    };
  });
  return {
    basis,
    forecastDate,
    claimedFamilies,
    forecastFamilies,
    additionalFamilies: sum(byYear.map((y) => y.additionalFamilies)),
    realisationRatio: ratio,
    byYear,
    points,
  };
}
