import { priceClaims, profileOf } from "../engine/claims";
import { Result, isError } from "../engine/errors";
import { Decimal } from "../engine/money";
import { pbrRisk } from "../engine/risk";
import { envelopeFor } from "./envelope-of";
import { FundingInputs } from "./inputs";

/**
 * The families turned around so far: the risk forecast's claimed families, as buildPlan counts
 * them for the Report's share (buildPlan's summary carries it too). The pane's peer comparison
 * needs it before any plan is built.
 */
export function familiesTurnedAround(inputs: FundingInputs): Result<Decimal> {
  const envelope = envelopeFor(inputs);
  if (isError(envelope)) return envelope;
  const priced = priceClaims(inputs.assumptions.framework, inputs.claims, profileOf(envelope));
  if (isError(priced)) return priced;
  const risk = pbrRisk(envelope, priced);
  return isError(risk) ? risk : risk.forecast.claimedFamilies;
}
