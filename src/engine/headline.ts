import { CashEnvelope, expectedResults } from "./envelope";
import { Decimal, ZERO } from "./money";

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
}

export function headlineFigures(envelope: CashEnvelope, successRate: Decimal): HeadlineFigures {
  const { total, attachment, results } = envelope.totals;
  return {
    envelope: total,
    secured: attachment,
    atRisk: results,
    atRiskShare: total.isZero() ? ZERO : results.div(total),
    expectedResults: expectedResults(envelope, successRate),
  };
}
