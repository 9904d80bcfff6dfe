import { serialFromUtc, utcFromSerial, endOfMonthAfter, financialYearOf } from "./dates";
import { CashEnvelope, EnvelopeRow, cashEnvelope } from "./envelope";
import { Result, isError } from "./errors";
import { Framework, Rounding } from "./frameworks";
import { Problems } from "./messages";
import { Decimal, ZERO, sum, toPence } from "./money";
import { OUTCOME_TYPES, OutcomeId } from "./outcomes";
import { outcomeNotPaid } from "./paid-outcomes";
import { EnvelopeRelease, envelopeYearTwoRelease } from "./realism";
import { windowCloses } from "./claim-summaries";
import { financialYearLabel } from "./years";

/**
 * Months from a family's attachment to the claim for its result, when the user gives none: an
 * assumption (no source gives one figure). Rotherham attached from April 2012 and first claimed
 * in July 2013; results are measured over six months or more after the work starts.
 */
export const MONTHS_TO_RESULT = 12;

export interface CashFlowInput {
  framework: Framework;
  /** Families attached in each programme year, from year 1. */
  attached: readonly Decimal[];
  /**
   * Share of the funded families turned around, each paid the results maximum (the envelope's
   * results column). Ignored where `routes` is given.
   */
  successRate?: Decimal;
  /**
   * Or the share of funded families reaching each paid outcome (the routes to a result), each
   * paid that outcome's rate: e.g. 55% crime/ASB/education and 10% continuous employment.
   */
  routes?: Partial<Record<OutcomeId, Decimal>>;
  /** Months from attachment to the claim (MONTHS_TO_RESULT when not given). */
  monthsToResult?: number;
  /** The cohort (its eligible share caps the families paid for) or an agreed funded number. */
  cohort?: Decimal;
  fundedOverride?: Decimal;
  /** The eligibility share of the cohort funded (the framework's, 5/6 in phase 1, when not given). */
  share?: Decimal;
  rounding?: Rounding;
}

/** Money received in one UK financial year (1 April to 31 March). */
export interface CashFlowYear {
  startYear: number;
  /** "2016/17". */
  label: string;
  /** Attachment fees received this year. */
  attachment: Decimal;
  /** Results (PbR) received this year, at the success rate. */
  results: Decimal;
  /** attachment + results. */
  received: Decimal;
  /** Received this year and every year before it. */
  cumulative: Decimal;
}

export interface CashFlow {
  envelope: CashEnvelope;
  /** Attachment fees over all years: the envelope's. */
  attachment: Decimal;
  /** Results £ expected at the success rate (or routes), over all years. */
  expectedResults: Decimal;
  /** attachment + expectedResults: what the years add up to. */
  total: Decimal;
  /** Every financial year from the first programme year to the last money, gaps included. */
  years: CashFlowYear[];
  /** Phase 1's year-2 release, where it moved attachment fees (deferred £ to the next year). */
  release?: EnvelopeRelease;
  monthsToResult: number;
}

/** An amount of money received in a financial year. */
interface Receipt {
  startYear: number;
  attachment: Decimal;
  results: Decimal;
}

function checkShare(what: string, share: Decimal): Result<Decimal> {
  if (!share.isFinite()) return Problems.notFinite(what);
  if (share.lessThan(0) || share.greaterThan(1))
    return Problems.rateOutOfRange(what, `${share.times(100).toString()}%`);
  return share;
}

/** Results £ expected for one attachment year's funded families, to the penny. */
function expectedForRow(
  row: EnvelopeRow,
  framework: Framework,
  successRate: Decimal,
  routes: readonly [OutcomeId, Decimal][] | undefined
): Decimal {
  if (!routes) return toPence(row.results.times(successRate));
  const i = row.year.index - 1;
  const perFamily = sum(
    routes.map(([id, share]) => share.times(framework.results.get(id)?.[i] ?? ZERO))
  );
  return toPence(row.families.times(perFamily));
}

function checkRoutes(
  framework: Framework,
  routes: Partial<Record<OutcomeId, Decimal>>
): Result<[OutcomeId, Decimal][]> {
  const checked: [OutcomeId, Decimal][] = [];
  let turnedAround = ZERO;
  for (const [id, share] of Object.entries(routes) as [OutcomeId, Decimal][]) {
    const notPaid = outcomeNotPaid(framework, id);
    if (notPaid) return notPaid;
    const ok = checkShare(`the success rate for ${OUTCOME_TYPES[id].label}`, share);
    if (isError(ok)) return ok;
    if (framework.turnedAroundOutcomes.includes(id)) turnedAround = turnedAround.plus(share);
    checked.push([id, share]);
  }
  if (turnedAround.greaterThan(1))
    return Problems.rateOutOfRange(
      "the success rates of the routes to turning a family around, added up,",
      `${turnedAround.times(100).toString()}%`
    );
  return checked;
}

/** The last day of the month `months` after a date's month (a quarter's end stays one). */
const monthsAfter = (serial: number, months: number): number => {
  const date = utcFromSerial(serial);
  return serialFromUtc(date.getUTCFullYear(), date.getUTCMonth() + 2 + months, 0);
};

/**
 * Splits £ into four quarters to the penny (the odd pence in the last), so the parts add up
 * to the whole.
 */
function quarters(amount: Decimal): Decimal[] {
  const part = amount.div(4).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return [part, part, part, amount.minus(part.times(3))];
}

/**
 * The money of a plan by the financial year it is received: attachment fees in the year the
 * family is attached (phase 1's year-2 fees as the release rule pays them, deferred £ in the
 * year after), results at the success rate spread over the year's four quarters of attachment,
 * each claimed in the first claim window `monthsToResult` months after its quarter ends (the
 * last window at the latest: every result is claimed by the programme's end) and paid at the end
 * of the month the payment lag gives. Received over all years = attachment + expected results.
 */
export function cashFlow(input: CashFlowInput): Result<CashFlow> {
  const { framework } = input;
  const monthsToResult = input.monthsToResult ?? MONTHS_TO_RESULT;
  if (!Number.isInteger(monthsToResult) || monthsToResult < 0 || monthsToResult > 120)
    return Problems.monthsToResultOutOfRange(monthsToResult);
  const successRate = checkShare("the success rate", input.successRate ?? ZERO);
  if (isError(successRate)) return successRate;
  const routes = input.routes ? checkRoutes(framework, input.routes) : undefined;
  if (routes && isError(routes)) return routes;
  const closes = windowCloses(framework);
  if (isError(closes)) return closes;

  const envelope = cashEnvelope({
    framework,
    profile: [...input.attached],
    cohort: input.cohort,
    fundedOverride: input.fundedOverride,
    share: input.share,
    rounding: input.rounding,
  });
  if (isError(envelope)) return envelope;
  const release = envelopeYearTwoRelease(envelope);
  if (release && isError(release)) return release;

  const receipts: Receipt[] = [];
  const receive = (startYear: number, attachment: Decimal, results: Decimal) =>
    receipts.push({ startYear, attachment, results });
  for (const row of envelope.rows) {
    const start = row.year.startYear;
    if (release && row.year.index === 2) {
      receive(start, release.paidNow.plus(release.paidLater), ZERO);
      // Deferred, not lost: paid once performance improves, on no published date; the model
      // takes the year after.
      receive(start + 1, release.deferred, ZERO);
    } else {
      receive(start, row.attachment, ZERO);
    }
    const expected = expectedForRow(row, framework, successRate, routes);
    quarters(expected).forEach((amount, q) => {
      // Families attached through the year: each quarter's counted at the quarter's end.
      const attachedBy = serialFromUtc(start, 7 + 3 * q, 0);
      const claimable = monthsAfter(attachedBy, monthsToResult);
      const window = closes.find((close) => close >= claimable) ?? closes[closes.length - 1];
      const arrives =
        window === undefined ? claimable : endOfMonthAfter(window, framework.paymentLagMonths);
      receive(financialYearOf(arrives), ZERO, amount);
    });
  }

  const first = envelope.rows[0]?.year.startYear ?? framework.years[0].startYear;
  const last = Math.max(
    first,
    ...receipts.filter((r) => !r.attachment.plus(r.results).isZero()).map((r) => r.startYear)
  );
  const years: CashFlowYear[] = [];
  let cumulative = ZERO;
  for (let startYear = first; startYear <= last; startYear++) {
    const those = receipts.filter((r) => r.startYear === startYear);
    const attachment = sum(those.map((r) => r.attachment));
    const results = sum(those.map((r) => r.results));
    const received = attachment.plus(results);
    cumulative = cumulative.plus(received);
    years.push({
      startYear,
      label: financialYearLabel(startYear),
      attachment,
      results,
      received,
      cumulative,
    });
  }
  const attachment = envelope.totals.attachment;
  const expectedResults = sum(
    envelope.rows.map((row) => expectedForRow(row, framework, successRate, routes))
  );
  return {
    envelope,
    attachment,
    expectedResults,
    total: attachment.plus(expectedResults),
    years,
    release,
    monthsToResult,
  };
}
