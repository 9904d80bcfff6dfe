import { Result } from "./errors";
import { Problems } from "./messages";
import { Decimal, ZERO } from "./money";

/**
 * Share of the cohort turned around. A family is turned around once, so more outcomes than
 * families is an error rather than a share above 100%. Rotherham: 473 of 730 = 64.79% (the
 * report prints 64.7%, the share cut to one decimal place).
 */
export function turnedAroundShare(outcomes: Decimal, cohort: Decimal): Result<Decimal> {
  if (cohort.isZero()) return Problems.emptyCohort("cohort");
  if (outcomes.greaterThan(cohort))
    return Problems.moreOutcomesThanFamilies(outcomes.toString(), cohort.toString());
  return outcomes.div(cohort);
}

/**
 * Employment results as a share of the families turned around (the Troubled Families Unit's
 * target: 10%). Rotherham, August 2014: 38 of 473 = 8.0%.
 */
export function employmentShare(employmentOutcomes: Decimal, turnedAround: Decimal): Decimal {
  return turnedAround.isZero() ? ZERO : employmentOutcomes.div(turnedAround);
}
