import { expectedResults } from "../engine/envelope";
import { isError } from "../engine/errors";
import { dec, poundsToNumber } from "../engine/money";
import { costBreakEven } from "../engine/risk";
import { FundingInputs, InputProblem, Overrides, applyOverrides } from "../workbook/inputs";
import { envelopeFor } from "../workbook/plan";

/** The figures a coordinator watches move while dragging a what-if setting. */
export interface Headline {
  framework: string;
  funded: number;
  envelope: number;
  secured: number;
  atRisk: number;
  expectedResults: number;
  successRate: number;
  /** Success rate at which results cover `cost` beyond the attachment fees; null: not reachable. */
  breakEven?: number | null;
}

/**
 * Computed in the pane by the engine, with no round trip to Excel, so a change shows at once.
 * `cost` is the £ the user wants central money to cover (a team, the council's own spend).
 */
export function headline(
  inputs: FundingInputs,
  overrides: Overrides,
  cost?: number
): { headline?: Headline; problems: InputProblem[] } {
  const applied = applyOverrides(inputs, overrides);
  if (!applied.inputs) return { problems: applied.problems };
  const envelope = envelopeFor(applied.inputs);
  if (isError(envelope))
    return { problems: [{ sheet: "(assumptions)", cell: "", reason: envelope.message }] };
  const { successRate, framework } = applied.inputs.assumptions;
  let breakEven: number | null | undefined;
  if (cost !== undefined && Number.isFinite(cost) && cost >= 0) {
    const even = costBreakEven(envelope.totals, dec(cost));
    breakEven = isError(even) || !even.reachable || !even.rate ? null : even.rate.toNumber();
  }
  return {
    problems: [],
    headline: {
      framework: framework.id,
      funded: envelope.funded.toNumber(),
      envelope: poundsToNumber(envelope.totals.total),
      secured: poundsToNumber(envelope.totals.attachment),
      atRisk: poundsToNumber(envelope.totals.results),
      expectedResults: poundsToNumber(expectedResults(envelope, successRate)),
      successRate: successRate.toNumber(),
      breakEven,
    },
  };
}

const GBP = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});
export const formatPounds = (amount: number): string => GBP.format(amount);
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)}%`;
