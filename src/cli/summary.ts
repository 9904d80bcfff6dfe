import { AssumptionUsed } from "../engine/provenance";
import { defaultsText } from "../workbook/assumptions-used";
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

/** "cohort 730, 730 attached, 608 families funded": attached only when the workbook gives it. */
function familiesText(summary: PlanSummary): string {
  const attached =
    summary.attached === undefined || summary.attached === null
      ? ""
      : `${summary.attached} attached, `;
  return `cohort ${summary.cohort}, ${attached}${summary.funded} families funded`;
}

const points = (difference: number) =>
  `${difference >= 0 ? "+" : "−"}${Math.abs(difference * 100).toFixed(1)} points`;

/** "5 of 6 (quartile 4); peer average 77.4% (−22.1 points), national 44.8% (+10.5 points)". */
function peersText(peers: NonNullable<PlanSummary["peers"]>): string {
  return `${peers.rank} of ${peers.of} (quartile ${peers.quartile}); peer average ${share(peers.peerAverage)} (${points(peers.fromPeers)}), national ${share(peers.nationalAverage)} (${points(peers.fromNational)})`;
}

/**
 * The headline figures a report author pastes, any warning (families attached beyond the funded
 * number), then the plain sentence, then where OUT is, then the figures nobody entered.
 */
export function summaryText(
  summary: PlanSummary,
  out: string,
  assumptions: readonly AssumptionUsed[] = []
): string {
  const unentered = defaultsText(assumptions);
  const warnings = summary.warnings ?? [];
  return [
    `Framework:            ${summary.framework} (${familiesText(summary)})`,
    `Cash envelope:        ${poundsText(summary.envelope)}`,
    `Secured up front:     ${poundsText(summary.secured)}`,
    `At risk on results:   ${poundsText(summary.atRisk)} (${share(summary.atRiskShare)})`,
    `Claimed to date:      ${poundsText(summary.claimedToDate)}`,
    `Forecast to end:      ${poundsText(summary.forecastToEnd)}`,
    `Still at risk:        ${poundsText(summary.stillAtRisk)}`,
    ...(summary.expectedClawback === undefined
      ? []
      : [`Expected clawback:    ${poundsText(summary.expectedClawback)}`]),
    ...(summary.resultsCashByYear && summary.resultsCashByYear.length > 0
      ? [
          `Results cash in:      ${summary.resultsCashByYear.map((y) => `${y.financialYear} ${poundsText(y.amount)}`).join(", ")}`,
        ]
      : []),
    ...(summary.yearTwoRelease
      ? [
          `Year-2 release:       ${summary.yearTwoRelease.band} (${summary.yearTwoRelease.workedWith} of a year-1 commitment of ${summary.yearTwoRelease.commitment}, ${share(summary.yearTwoRelease.share)}): ${summary.yearTwoRelease.parts.map(([when, amount]) => `${poundsText(amount)} ${when.charAt(0).toLowerCase()}${when.slice(1)}`).join(", ")}`,
        ]
      : []),
    ...(summary.turnedAroundShare === null
      ? []
      : [`Turned around so far: ${share(summary.turnedAroundShare)}`]),
    ...(summary.peers ? [`Among its peers:      ${peersText(summary.peers)}`] : []),
    ...(warnings.length === 0 ? [] : ["", ...warnings.map((warning) => `Warning: ${warning}`)]),
    "",
    summary.sentence,
    "",
    `Tables written to ${out}`,
    ...(unentered.length === 0 ? [] : ["", ...unentered]),
  ].join("\n");
}
