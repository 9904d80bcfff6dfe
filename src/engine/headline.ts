import { CashEnvelope, expectedResults } from "./envelope";
import { Result, isError } from "./errors";
import { Decimal, ZERO } from "./money";
import {
  EnvelopeRelease,
  ExpectedClawback,
  envelopeYearTwoRelease,
  expectedClawback,
} from "./realism";

/**
 * The headline figures of a plan, computed here once for every adapter that shows them: the
 * tables' summary (and `tables --json`), the pane's what-if and the scenario row it saves.
 */
export interface HeadlineFigures {
  /** Everything the framework can pay: attachment fees, results maximum and the grant line. */
  envelope: Decimal;
  /** Paid on attachment: not at risk. */
  secured: Decimal;
  /** The results maximum: paid only for families turned around. */
  atRisk: Decimal;
  /** At risk ÷ envelope; 0 for an empty envelope. */
  atRiskShare: Decimal;
  /** Results £ expected at the success rate. */
  expectedResults: Decimal;
  /** Claimed to date, the clawback expected on it after spot checks, and the net. */
  clawback: ExpectedClawback;
  /** The year-2 attachment release, where the framework has it and attachments are given. */
  yearTwoRelease?: EnvelopeRelease;
}

/** The results claimed to date and DCLG's spot-check shares, for the expected clawback. */
export interface ClaimedToDate {
  claimed: Decimal;
  /** Share of claims spot-checked. */
  checked: Decimal;
  /** Share of the checked claims found invalid. */
  invalid: Decimal;
}

export function headlineFigures(
  envelope: CashEnvelope,
  successRate: Decimal,
  claims: ClaimedToDate
): Result<HeadlineFigures> {
  const { total, attachment, results } = envelope.totals;
  const clawback = expectedClawback(claims.claimed, claims.checked, claims.invalid);
  if (isError(clawback)) return clawback;
  const release = envelopeYearTwoRelease(envelope);
  if (release && isError(release)) return release;
  return {
    envelope: total,
    secured: attachment,
    atRisk: results,
    atRiskShare: total.isZero() ? ZERO : results.div(total),
    expectedResults: expectedResults(envelope, successRate),
    clawback,
    yearTwoRelease: release,
  };
}
