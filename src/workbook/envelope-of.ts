import { CashEnvelope, cashEnvelope } from "../engine/envelope";
import { Result } from "../engine/errors";
import { Decimal, ZERO, sum } from "../engine/money";
import { FundingInputs } from "./inputs";

/*
 * The envelope of a workbook's inputs, apart from the plan builder: the pane's what-if needs it
 * on every keystroke, while the builder (and its sheets) loads only when tables are built.
 */

/**
 * The cash envelope for the inputs: the families attached each year when the Families table
 * gives them, capped at the funded number (the share of the cohort, or the agreed number; first
 * attached, first funded), otherwise the funded number spread evenly over the programme years.
 */
export function envelopeFor(inputs: FundingInputs): Result<CashEnvelope> {
  const { assumptions, families } = inputs;
  const { framework } = assumptions;
  const cohort = sum(families.map((row) => row.nominated));
  const common = {
    framework,
    cohort,
    rounding: assumptions.rounding,
    share: assumptions.share,
    fundedOverride: assumptions.funded,
    councilContributionPerFamily: assumptions.councilContribution,
    grantPerYear: assumptions.grantPerYear,
  };
  if (families.some((row) => row.attached)) {
    const lastYear = Math.max(...families.map((row) => row.year));
    const profile = Array.from(
      { length: lastYear },
      (_, i) => families.find((row) => row.year === i + 1)?.attached ?? ZERO
    );
    return cashEnvelope({ ...common, profile });
  }
  const years =
    assumptions.years ?? Math.max(framework.defaultYears, ...families.map((row) => row.year));
  return cashEnvelope({ ...common, years: Math.min(years, framework.years.length) });
}

/**
 * The warning when more families were attached than are funded: "122 families attached beyond
 * the 608 funded earn no fees or results". None when every attached family is funded.
 */
export function beyondFundedWarning(envelope: CashEnvelope): string[] {
  const beyond = envelope.totals.beyondFunded;
  if (!beyond.greaterThan(0)) return [];
  const many = (n: Decimal) => `${formatFamilies(n)} ${n.equals(1) ? "family" : "families"}`;
  return [
    `${many(beyond)} attached beyond the ${formatFamilies(envelope.funded)} funded earn no fees or results.`,
  ];
}

/** Families as a person reads them: whole numbers plain, fractions (rounding "none") to 2 places. */
const formatFamilies = (n: Decimal): string =>
  n.isInteger() ? n.toFixed(0) : n.toDecimalPlaces(2).toString();
