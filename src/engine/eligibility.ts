import { Result } from "./errors";
import { Rounding } from "./frameworks";
import { Problems } from "./messages";
import { Decimal } from "./money";

export interface EligibilityOptions {
  /** Share of the cohort that is funded (5/6 in phase 1). */
  share: Decimal;
  rounding: Rounding;
  /** The authority's agreed funded number, when it differs from share × cohort. */
  override?: Decimal;
}

/** Rounds a number of families the way the framework (or the user) says. */
export function roundFamilies(families: Decimal, rounding: Rounding): Decimal {
  switch (rounding) {
    case "half-up":
      return families.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    case "down":
      return families.toDecimalPlaces(0, Decimal.ROUND_DOWN);
    case "none":
      return families;
  }
}

/**
 * Families for which an attachment fee can be claimed: 5/6 of 705 = 587.5 → 588 (Barnet).
 * An override replaces the calculation but may never fund more families than the cohort.
 */
export function fundedFamilies(cohort: Decimal, options: EligibilityOptions): Result<Decimal> {
  if (options.override === undefined)
    return roundFamilies(cohort.times(options.share), options.rounding);
  const override = options.override;
  if (override.greaterThan(cohort))
    return Problems.overrideAboveCohort(override.toString(), cohort.toString());
  if (!override.isInteger() && options.rounding !== "none") {
    return Problems.fractionNeedsNone("the funded number", override.toString());
  }
  return override;
}
