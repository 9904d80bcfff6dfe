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

/** What the forecast needs from the claims, gathered in one pass over a long history. */
interface ClaimTallies {
  /** £ of every claim, turned around or not. */
  claimed: Tally;
  /** Turned-around families: all, per programme year of attachment (index 0 = year 1), by date. */
  turnedAround: Tally;
  turnedAroundIn: Tally[];
  turnedAroundOn: Map<number, Tally>;
}

function tallyClaims(envelope: CashEnvelope, claims: readonly PricedClaim[]): ClaimTallies {
  const turnedAroundOutcomes = new Set(envelope.framework.turnedAroundOutcomes);
  const tallies: ClaimTallies = {
    claimed: new Tally(),
    turnedAround: new Tally(),
    turnedAroundIn: envelope.framework.years.map(() => new Tally()),
    turnedAroundOn: new Map(),
  };
  for (const claim of claims) {
    tallies.claimed.add(claim.amount);
    if (!turnedAroundOutcomes.has(claim.outcome)) continue;
    tallies.turnedAround.add(claim.families);
    let onDate = tallies.turnedAroundOn.get(claim.date);
    if (!onDate) tallies.turnedAroundOn.set(claim.date, (onDate = new Tally()));
    onDate.add(claim.families);
    for (const part of claim.parts) tallies.turnedAroundIn[part.year - 1].add(part.families);
  }
  return tallies;
}

/** Turned-around claims as a cumulative history: one point per date, same-date claims merged. */
function historyPoints(byDate: ReadonlyMap<number, Tally>): ClaimPoint[] {
  return [...byDate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([date, tally]) => ({ date, count: tally.total() }));
}

/**
 * Claimed £ ÷ what the turned-around families claimed could have earned at most (their year's
 * results total). A turned-around family cannot earn more than that, however the other outcome
 * types have been claimed, so the ratio is capped at 1.
 */
function realisationRatio(
  envelope: CashEnvelope,
  claimed: Decimal,
  turnedAroundIn: readonly Decimal[]
): Decimal {
  const results = envelope.framework.resultsTotal;
  const earnable = sum(turnedAroundIn.map((families, i) => families.times(results[i])));
  return earnable.isZero() ? dec(1) : Decimal.min(dec(1), claimed.div(earnable));
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
  const tallies = tallyClaims(envelope, claims);
  const claimedFamilies = tallies.turnedAround.total();
  const turnedAroundIn = tallies.turnedAroundIn.map((tally) => tally.total());
  const points = historyPoints(tallies.turnedAroundOn);

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
  const ratio = realisationRatio(envelope, tallies.claimed.total(), turnedAroundIn);

  let left = additionalFamilies;
  const byYear = envelope.rows.map((row): ForecastYear => {
    const year = row.year.index;
    const claimedHere = turnedAroundIn[year - 1] ?? ZERO;
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
