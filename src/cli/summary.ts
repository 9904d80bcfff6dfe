import { PlanSummary } from "../workbook/plan-types";

const GBP = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** £ as the seed reports write it: "£2,352,000", pence only when there are some ("£69,325.93"). */
export function poundsText(amount: number): string {
  const text = GBP.format(amount);
  return /\.\d$/.test(text) ? `${text}0` : text;
}

const share = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** The headline figures a report author pastes, then the plain sentence, then where OUT is. */
export function summaryText(summary: PlanSummary, out: string): string {
  return [
    `Framework:            ${summary.framework} (cohort ${summary.cohort}, ${summary.funded} families funded)`,
    `Cash envelope:        ${poundsText(summary.envelope)}`,
    `Secured up front:     ${poundsText(summary.secured)}`,
    `At risk on results:   ${poundsText(summary.atRisk)} (${share(summary.atRiskShare)})`,
    `Claimed to date:      ${poundsText(summary.claimedToDate)}`,
    `Forecast to end:      ${poundsText(summary.forecastToEnd)}`,
    `Still at risk:        ${poundsText(summary.stillAtRisk)}`,
    ...(summary.turnedAroundShare === null
      ? []
      : [`Turned around so far: ${share(summary.turnedAroundShare)}`]),
    "",
    summary.sentence,
    "",
    `Tables written to ${out}`,
  ].join("\n");
}
