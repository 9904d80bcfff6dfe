import { PricedClaim } from "./claims";
import { CashEnvelope, expectedResults } from "./envelope";
import { Result, isError } from "./errors";
import { ProgrammeYear, resultRate } from "./frameworks";
import { MAX_MONEY, Problems } from "./messages";
import { Decimal, Tally, ZERO, dec, sum, toPence } from "./money";
import { OUTCOME_TYPES, OutcomeId } from "./outcomes";
import { paidOutcomes } from "./paid-outcomes";
import { TurnedAroundForecast, forecastTurnedAround } from "./risk-forecast";

// The turned-around forecast has its own module; re-exported so the engine's index offers it.
export * from "./risk-forecast";

export interface RiskYear {
  year: ProgrammeYear;
  /** Families attached (funded) in this programme year. */
  attached: Decimal;
  /** The most results can pay for this year's families: the envelope row's results £. */
  maximum: Decimal;
  /** £ claimed so far for families attached this year. */
  claimed: Decimal;
  /** £ the forecast adds by the programme end. */
  forecastAdditional: Decimal;
  /** Claimed plus forecast additional: the results £ expected by the programme end. */
  forecastToEnd: Decimal;
  /** £ of the maximum neither claimed nor forecast: max(0, maximum − forecast to end). */
  atRisk: Decimal;
}

export interface RiskByOutcome {
  year: ProgrammeYear;
  outcome: OutcomeId;
  label: string;
  rate: Decimal;
  /** What this outcome type alone could pay if every family attached this year achieved it. */
  maximum: Decimal;
  familiesClaimed: Decimal;
  claimed: Decimal;
}

export interface RiskTotals {
  maximum: Decimal;
  claimed: Decimal;
  forecastAdditional: Decimal;
  forecastToEnd: Decimal;
  atRisk: Decimal;
}

export interface PbrRisk {
  years: RiskYear[];
  byOutcome: RiskByOutcome[];
  totals: RiskTotals;
  forecast: TurnedAroundForecast;
}

/**
 * Payment-by-results risk, per programme year of attachment. Outcome types are alternative
 * routes to ONE per-family maximum (phase 1: £700 crime/ASB/education + £100 progress to work,
 * OR £800 continuous employment), so the £ at risk is decided per year against that year's
 * results maximum and never summed over outcome types; `byOutcome` shows each route's own
 * ceiling and claims for reference only. Claims must be priced against the envelope's profile.
 */
export function pbrRisk(envelope: CashEnvelope, claims: readonly PricedClaim[]): Result<PbrRisk> {
  const yearsAttached = envelope.rows.length;
  // One pass over the claims, tallying each part's families and £ by year and by year and
  // outcome: filtering every claim once per year and outcome made this quadratic in practice.
  const claimedIn = envelope.rows.map(() => new Tally());
  const byYearOutcome = envelope.rows.map(
    () => new Map<OutcomeId, { families: Tally; claimed: Tally }>()
  );
  for (const claim of claims) {
    for (const part of claim.parts) {
      if (part.year > yearsAttached)
        return Problems.claimYearNotInEnvelope(claim.row, part.year, yearsAttached);
      claimedIn[part.year - 1].add(part.amount);
      const outcomes = byYearOutcome[part.year - 1];
      let group = outcomes.get(claim.outcome);
      if (!group)
        outcomes.set(claim.outcome, (group = { families: new Tally(), claimed: new Tally() }));
      group.families.add(part.families);
      group.claimed.add(part.amount);
    }
  }
  const forecast = forecastTurnedAround(envelope, claims);
  if (isError(forecast)) return forecast;

  const years = envelope.rows.map((row, i): RiskYear => {
    const claimed = claimedIn[i].total();
    const forecastAdditional = forecast.byYear[i].additionalAmount;
    const forecastToEnd = claimed.plus(forecastAdditional);
    return {
      year: row.year,
      attached: row.families,
      maximum: row.results,
      claimed,
      forecastAdditional,
      forecastToEnd,
      atRisk: Decimal.max(ZERO, row.results.minus(forecastToEnd)),
    };
  });

  const { framework } = envelope;
  const outcomes = paidOutcomes(framework);
  const byOutcome = envelope.rows.flatMap((row) =>
    outcomes.map((outcome): RiskByOutcome => {
      const group = byYearOutcome[row.year.index - 1].get(outcome);
      const rate = resultRate(framework, outcome, row.year.index);
      return {
        year: row.year,
        outcome,
        label: OUTCOME_TYPES[outcome].label,
        rate,
        maximum: toPence(row.families.times(rate)),
        familiesClaimed: group?.families.total() ?? ZERO,
        claimed: group?.claimed.total() ?? ZERO,
      };
    })
  );

  const column = (pick: (year: RiskYear) => Decimal) => sum(years.map(pick));
  return {
    years,
    byOutcome,
    totals: {
      maximum: column((y) => y.maximum),
      claimed: column((y) => y.claimed),
      forecastAdditional: column((y) => y.forecastAdditional),
      forecastToEnd: column((y) => y.forecastToEnd),
      atRisk: column((y) => y.atRisk),
    },
    forecast,
  };
}

/** 40%, 50% … 100%: the success rates a what-if table shows when the user does not choose. */
export const DEFAULT_SUCCESS_RATES: readonly Decimal[] = [
  "0.4",
  "0.5",
  "0.6",
  "0.7",
  "0.8",
  "0.9",
  "1",
].map((r) => dec(r));

export interface SensitivityRow {
  rate: Decimal;
  /** Results £ if this share of every year's results maximum is achieved (rows to the penny). */
  results: Decimal;
  /** Results £ lost against the maximum at this rate. */
  shortfall: Decimal;
}

/** Results £ at each success rate, to show how much of the envelope hangs on performance. */
export function sensitivity(
  envelope: CashEnvelope,
  rates: readonly Decimal[] = DEFAULT_SUCCESS_RATES
): Result<SensitivityRow[]> {
  const rows: SensitivityRow[] = [];
  for (const [i, rate] of rates.entries()) {
    if (!rate.isFinite() || rate.lessThan(0) || rate.greaterThan(1)) {
      return Problems.rateOutOfRange(`success rate ${i + 1}`, rate.toString());
    }
    const results = expectedResults(envelope, rate);
    rows.push({ rate, results, shortfall: envelope.totals.results.minus(results) });
  }
  return rows;
}

export interface BreakEven {
  /** The £ the results must cover (for example the council's contribution). */
  amount: Decimal;
  /** False when even every family achieving every result would not cover the amount. */
  reachable: boolean;
  /** The success rate (0–1) at which results equal the amount, when reachable. */
  rate?: Decimal;
  /** Results £ at that rate from the penny-rounded rows (within half a penny a row of the amount). */
  results?: Decimal;
}

/** The success rate at which results cover an amount; above 100% it cannot be reached. */
export function breakEvenRate(envelope: CashEnvelope, amount: Decimal): Result<BreakEven> {
  const share = breakEvenShare(envelope.totals.results, amount);
  if (isError(share) || share.rate === undefined) return share;
  return { ...share, results: expectedResults(envelope, share.rate) };
}

/**
 * The success rate at which central money (attachment fees plus results) covers a cost, such as
 * the council's own team: 0 when the fees alone cover it. Needs only the envelope's totals, so a
 * cell (TF_BREAK_EVEN_RATE) and the pane's what-if need not build the table.
 */
export function costBreakEven(
  totals: { attachment: Decimal; results: Decimal },
  cost: Decimal
): Result<BreakEven> {
  const beyondFees = cost.minus(totals.attachment);
  return breakEvenShare(totals.results, beyondFees.lessThan(0) ? ZERO : beyondFees);
}

/** The share of a results maximum that an amount is, without the £ it brings at that rate. */
export function breakEvenShare(maximum: Decimal, amount: Decimal): Result<BreakEven> {
  if (!amount.isFinite()) return Problems.notFinite("the amount to cover");
  if (amount.lessThan(0)) return Problems.negative("the amount to cover", amount.toString());
  if (amount.greaterThan(MAX_MONEY))
    return Problems.moneyOutOfRange("the amount to cover", amount.toString());
  if (amount.isZero()) return { amount, reachable: true, rate: ZERO };
  if (maximum.isZero() || amount.greaterThan(maximum)) return { amount, reachable: false };
  return { amount, reachable: true, rate: amount.div(maximum) };
}
