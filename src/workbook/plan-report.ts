import { utcFromSerial } from "../engine/dates";
import { CashEnvelope } from "../engine/envelope";
import { OUTCOME_TYPES } from "../engine/outcomes";
import { paidOutcomes } from "../engine/paid-outcomes";
import { PbrRisk } from "../engine/risk";
import { ZERO, sum } from "../engine/money";
import { f, label, literal, num, onePlacePercent, pounds, v, wholePounds } from "./cells";
import { ENVELOPE_SHEET, envelopeSentence, envelopeSentenceFormula } from "./plan-envelope";
import { widthOf } from "./plan-layout";
import { PeersFacts, peersSection } from "./plan-peers";
import { RISK_SHEET } from "./plan-risk";
import { CellValue, NumberFormat, PlanCell, PlanSheet, PlanSummary, PlanTable } from "./plan-types";
import { columnLetters, parseAddress } from "./snapshot";

/** The Report sheet's name: what a report writer (report.docx) looks the sheet up by. */
export const REPORT_SHEET = "Report";

/** The Report sheet's tables, by name, for writers that render them. */
export const REPORT_TABLES = {
  envelope: "TF_ReportEnvelope",
  outcomes: "TF_ReportOutcomes",
  pbr: "TF_ReportPbR",
} as const;

/** What the Report sheet is built from: the engine's results and the plan's headline figures. */
export interface ReportFacts {
  envelope: CashEnvelope;
  risk: PbrRisk;
  /** The plan's summary: the headline figures (headlineFigures and the PbR totals). */
  summary: PlanSummary;
  /** The council among its peers, when the inputs carry a Peers table. */
  peers?: PeersFacts;
}

/** The sheets the Report's formulas point into, as built for the same plan. */
export interface ReportSources {
  envelope: PlanSheet;
  risk: PlanSheet;
}

/** Where a plan table's column is: its data rows and totals cell, as absolute references. */
interface ColumnPlace {
  /** The data-row cell of the i-th row (0-based). */
  row: (i: number) => string;
  rows: string;
  total: string;
}

/**
 * A column of a table on another generated sheet, found by the table's name and the column's
 * header, so the Report follows those sheets wherever their columns are. Throws if the plan has
 * no such table or column: a programming slip every build shows at once.
 */
function columnOf(sheet: PlanSheet, tableName: string, header: string): ColumnPlace {
  const table = sheet.tables.find((t) => t.name === tableName);
  const index = table?.columns.findIndex((c) => c.header === header) ?? -1;
  const start = table && parseAddress(table.topLeft);
  if (!table || index < 0 || !start)
    throw new Error(`the plan has no column "${header}" in table ${tableName} on ${sheet.name}`);
  const letter = columnLetters(start.column + index);
  const ref = (row: number) => `'${sheet.name}'!$${letter}$${row}`;
  const first = start.row + 1;
  const last = start.row + table.rows.length;
  return {
    row: (i) => ref(first + i),
    rows: `'${sheet.name}'!$${letter}$${first}:$${letter}$${last}`,
    total: ref(last + 1),
  };
}

/** A date as TEXT(x, "d mmmm yyyy") shows it: "31 May 2015". */
function longDate(serial: number): string {
  return utcFromSerial(serial).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

const isWhole = (values: CellValue[]) =>
  values.every((x) => typeof x !== "number" || Number.isInteger(x));
/** £ in whole pounds, or to the penny where pence occur in the column. */
const moneyFormat = (values: CellValue[]): NumberFormat =>
  isWhole(values) ? "money" : "money-pence";
/** Families as whole numbers; to two places only where fractional families are kept. */
const countFormat = (values: CellValue[]): NumberFormat => (isWhole(values) ? "count" : "families");
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const ratio = (part: string, whole: string) => `IF(${whole}=0,0,${part}/${whole})`;
const sentence = (formula: string, value: string): PlanCell => ({
  value,
  formula,
  format: "general",
  role: "sentence",
});

/** Gives every cell of a column the column's format (cells whose format was left open). */
function formatColumns(table: PlanTable): PlanTable {
  for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])])
    row.forEach((cell, i) => {
      if (cell.format === undefined && i < table.columns.length)
        cell.format = table.columns[i].format;
    });
  return table;
}

/**
 * The Report sheet: the tables councils publish, laid out to be pasted into a committee paper as
 * they are — the cash envelope by year with the attachment and results shares (as Barnet's
 * paper shows it), the outcomes achieved with the families turned around and their share of the
 * cohort (as Rotherham's), the payment-by-results performance, and the narrative sentences.
 * Every figure is a live formula over the Cash envelope and PbR risk sheets and the named
 * assumptions, cached with the engine's value; the sentences are formulas too, so editing an
 * assumption rewrites the words.
 */
export function reportSheet(facts: ReportFacts, sources: ReportSources): PlanSheet {
  const { envelope, risk, summary } = facts;
  const { framework } = envelope;

  // 1. The cash envelope by year: year | families | attachment £ | results £ | total £ | shares.
  const envelopeTop = 6;
  const e = (header: string) => columnOf(sources.envelope, "TF_Envelope", header);
  const families = e("Families funded");
  const attachment = e("Attachment £");
  const results = e("Results (PbR) maximum £");
  const central = e("Total central £");
  const eFirst = envelopeTop + 1;
  const eTotal = envelopeTop + envelope.rows.length + 1;
  const envelopeRows: PlanCell[][] = envelope.rows.map((row, i) => {
    const r = eFirst + i;
    const total = pounds(row.total);
    return [
      v(row.year.label, "text"),
      f(families.row(i), num(row.families)),
      f(attachment.row(i), pounds(row.attachment)),
      f(results.row(i), pounds(row.results)),
      f(central.row(i), total),
      f(ratio(`C${r}`, `E${r}`), share(pounds(row.attachment), total), "percent"),
      f(ratio(`D${r}`, `E${r}`), share(pounds(row.results), total), "percent"),
    ];
  });
  const column = (i: number) => envelopeRows.map((row) => row[i].value);
  const envelopeTable = formatColumns({
    name: "TF_ReportEnvelope",
    topLeft: `A${envelopeTop}`,
    columns: [
      { header: "Financial year", format: "text", total: { label: "Total" } },
      { header: "Families funded", format: countFormat(column(1)), total: "sum" },
      { header: "Attachment £", format: moneyFormat(column(2)), total: "sum" },
      { header: "PbR £", format: moneyFormat(column(3)), total: "sum" },
      { header: "Total £", format: moneyFormat(column(4)), total: "sum" },
      { header: "Attachment %", format: "percent", total: "none" },
      { header: "PbR %", format: "percent", total: "none" },
    ],
    rows: envelopeRows,
    // The headline figures; the SUBTOTAL formulas of the "sum" columns are added with every table's.
    totals: [
      label("Total", true),
      v(summary.funded, undefined, true),
      v(summary.secured, undefined, true),
      v(summary.atRisk, undefined, true),
      v(summary.envelope, undefined, true),
      f(
        ratio(`C${eTotal}`, `E${eTotal}`),
        share(summary.secured, summary.envelope),
        "percent",
        true
      ),
      f(ratio(`D${eTotal}`, `E${eTotal}`), summary.atRiskShare, "percent", true),
    ],
  });

  // 2. The outcomes achieved: outcome | families | % of cohort, and the families turned around.
  const outcomesTop = eTotal + 3;
  const byOutcome = (header: string) => columnOf(sources.risk, "TF_RiskByOutcome", header);
  const outcomeColumn = byOutcome("Outcome type").rows;
  const claimedColumn = byOutcome("Families claimed").rows;
  const riskTotal = (header: string) => columnOf(sources.risk, "TF_Risk", header).total;
  const outcomes = paidOutcomes(framework);
  const oTotal = outcomesTop + outcomes.length + 1;
  const cohortShare = (cell: string) => `IF(TF_Cohort=0,0,${cell}/TF_Cohort)`;
  const outcomeRows = outcomes.map((id, i) => {
    const r = outcomesTop + 1 + i;
    const claimed = num(
      sum(risk.byOutcome.filter((x) => x.outcome === id).map((x) => x.familiesClaimed))
    );
    return [
      v(OUTCOME_TYPES[id].label, "text"),
      f(`SUMIFS(${claimedColumn},${outcomeColumn},${literal(OUTCOME_TYPES[id].label)})`, claimed),
      f(cohortShare(`B${r}`), share(claimed, summary.cohort), "percent"),
    ];
  });
  const turnedAround = num(risk.forecast.claimedFamilies);
  const outcomesTable = formatColumns({
    name: "TF_ReportOutcomes",
    topLeft: `A${outcomesTop}`,
    columns: [
      { header: "Outcome achieved", format: "text", total: { label: "Families turned around" } },
      {
        header: "Families",
        format: countFormat([...outcomeRows.map((row) => row[1].value), turnedAround]),
        total: "none",
      },
      { header: "% of cohort", format: "percent", total: "none" },
    ],
    rows: outcomeRows,
    totals: [
      label("Families turned around", true),
      f(riskTotal("Turned around so far"), turnedAround, undefined, true),
      f(cohortShare(`B${oTotal}`), summary.turnedAroundShare ?? 0, "percent", true),
    ],
  });
  const turnedAroundLabels = framework.turnedAroundOutcomes.map((id) => OUTCOME_TYPES[id].label);
  const outcomesNote = [
    [
      label(
        `Turned around: ${turnedAroundLabels.join(" or ")}. The other outcomes are paid beside these and are not added in.`
      ),
    ],
  ];

  // 3. PbR performance: the maximum, claimed, forecast, still at risk and the expected clawback.
  const pbrTop = oTotal + 4;
  const p = (key: PbrKey) => `B${pbrTop + 1 + PBR_ROWS.indexOf(key)}`;
  const pbrValues: Record<PbrKey, number> = {
    maximum: summary.atRisk,
    claimed: summary.claimedToDate,
    further: pounds(risk.totals.forecastAdditional),
    forecast: summary.forecastToEnd,
    atRisk: summary.stillAtRisk,
    clawback: summary.expectedClawback ?? 0,
  };
  const pbrFormulas: Record<PbrKey, string> = {
    maximum: `D${eTotal}`,
    claimed: riskTotal("Claimed to date £"),
    further: riskTotal("Forecast more £"),
    forecast: riskTotal("Forecast to end £"),
    atRisk: riskTotal("Still at risk £"),
    clawback: `ROUND(${p("claimed")}*TF_ClawbackChecked*TF_ClawbackInvalid,2)`,
  };
  const pbrFormat = moneyFormat(Object.values(pbrValues));
  const pbrRows = PBR_ROWS.map((key) => {
    const r = pbrTop + 1 + PBR_ROWS.indexOf(key);
    const bold = key === "atRisk";
    return [
      key === "clawback"
        ? {
            ...label(PBR_LABELS[key]),
            note: "Claimed to date × share of claims checked × share of checked claims found invalid.",
          }
        : label(PBR_LABELS[key], bold),
      f(pbrFormulas[key], pbrValues[key], pbrFormat, bold),
      key === "clawback"
        ? v(null, "percent")
        : f(ratio(`B${r}`, p("maximum")), share(pbrValues[key], summary.atRisk), "percent", bold),
    ];
  });
  const pbrTable: PlanTable = {
    name: "TF_ReportPbR",
    topLeft: `A${pbrTop}`,
    columns: [
      { header: "Payment by results", format: "text" },
      { header: "£", format: pbrFormat },
      { header: "% of maximum", format: "percent" },
    ],
    rows: pbrRows,
  };

  // 4. The narrative: the envelope, PbR-performance and forecast sentences, each a live formula.
  const narrativeTop = pbrTop + PBR_ROWS.length + 3;
  const envelopeText = envelopeSentence(summary.envelope, summary.atRisk, summary.secured);
  const envelopeFormula = envelopeSentenceFormula(`E${eTotal}`, `D${eTotal}`, `C${eTotal}`);

  const ta = `B${oTotal}`;
  const claimedShare = share(summary.claimedToDate, summary.atRisk);
  const pbrText =
    `£${wholePounds(summary.claimedToDate)} claimed to date for ${wholePounds(turnedAround)} ${turnedAround === 1 ? "family" : "families"} turned around ` +
    `(${onePlacePercent(summary.turnedAroundShare ?? 0)} of the cohort), ` +
    `${onePlacePercent(claimedShare)} of the £${wholePounds(summary.atRisk)} payment-by-results maximum.`;
  const pbrFormula =
    `"£"&TEXT(${p("claimed")},"#,##0")&" claimed to date for "&TEXT(${ta},"#,##0")&IF(${ta}=1," family"," families")&" turned around ("` +
    `&TEXT(${cohortShare(ta)},"0.0%")&" of the cohort), "&TEXT(${ratio(p("claimed"), p("maximum"))},"0.0%")` +
    `&" of the £"&TEXT(${p("maximum")},"#,##0")&" payment-by-results maximum."`;

  // The success rate the forecast stands on: families turned around by the end (so far and
  // forecast) of the families funded.
  const forecastFamilies = risk.forecast.claimedFamilies.plus(risk.forecast.additionalFamilies);
  const rate = envelope.totals.families.isZero()
    ? ZERO
    : forecastFamilies.div(envelope.totals.families);
  const rateFormula = ratio(
    `(${riskTotal("Turned around so far")}+${riskTotal("Forecast more families")})`,
    riskTotal("Families funded")
  );
  const by = longDate(risk.forecast.forecastDate);
  const trend = risk.forecast.basis === "trend";
  const forecastText = trend
    ? `At the success rate of ${onePlacePercent(rate.toNumber())} that the claims so far point to, a further £${wholePounds(pbrValues.further)} is forecast by ${by}, leaving £${wholePounds(summary.stillAtRisk)} at risk.`
    : `With too few claim dates for a trend, no further results are forecast by ${by}, leaving £${wholePounds(summary.stillAtRisk)} at risk.`;
  const forecastFormula = trend
    ? `"At the success rate of "&TEXT(${rateFormula},"0.0%")&" that the claims so far point to, a further £"&TEXT(${p("further")},"#,##0")` +
      `&" is forecast by "&TEXT(TF_ProgrammeEnd,"d mmmm yyyy")&", leaving £"&TEXT(${p("atRisk")},"#,##0")&" at risk."`
    : `"With too few claim dates for a trend, no further results are forecast by "&TEXT(TF_ProgrammeEnd,"d mmmm yyyy")` +
      `&", leaving £"&TEXT(${p("atRisk")},"#,##0")&" at risk."`;

  // 5. Among its peers, when there are peers: below the narrative, with its own chart.
  const peers =
    facts.peers &&
    peersSection(facts.peers, {
      sheet: REPORT_SHEET,
      top: narrativeTop + 6,
      turnedAroundCell: ta,
    });

  const labels = [
    ...envelope.rows.map((row) => row.year.label),
    ...outcomes.map((id) => OUTCOME_TYPES[id].label),
    "Families turned around",
    ...PBR_ROWS.map((key) => PBR_LABELS[key]),
    ...(peers?.labels ?? []),
  ];
  return {
    name: REPORT_SHEET,
    widths: {
      // Wide enough for the longest label by the print layout's own measure, so none wraps.
      A: Math.max(24, ...labels.map((text) => Math.ceil(widthOf(text, false)))),
      B: 15,
      C: 13,
      D: 12,
      E: 13,
      F: 14,
      G: 10,
    },
    blocks: [
      {
        topLeft: "A1",
        rows: [
          [label(`Report: ${framework.name}`, true)],
          [
            label(
              `Built from the "${ENVELOPE_SHEET}" and "${RISK_SHEET}" sheets and the assumptions, every figure a formula: copy the tables into a committee paper as they are.`
            ),
          ],
        ],
      },
      { topLeft: `A${envelopeTop - 1}`, rows: [[label("The cash envelope by year", true)]] },
      { topLeft: `A${outcomesTop - 1}`, rows: [[label("Outcomes achieved", true)]] },
      { topLeft: `A${oTotal + 1}`, rows: outcomesNote },
      { topLeft: `A${pbrTop - 1}`, rows: [[label("Payment by results performance", true)]] },
      {
        topLeft: `A${narrativeTop}`,
        rows: [
          [label("For reports", true)],
          [sentence(envelopeFormula, envelopeText)],
          [sentence(pbrFormula, pbrText)],
          [sentence(forecastFormula, forecastText)],
        ],
      },
      ...(peers?.blocks ?? []),
    ],
    tables: [envelopeTable, outcomesTable, pbrTable, ...(peers?.tables ?? [])],
    charts: peers?.charts ?? [],
  };
}

type PbrKey = "maximum" | "claimed" | "further" | "forecast" | "atRisk" | "clawback";
const PBR_ROWS: PbrKey[] = ["maximum", "claimed", "further", "forecast", "atRisk", "clawback"];
const PBR_LABELS: Record<PbrKey, string> = {
  maximum: "Maximum (at risk on results)",
  claimed: "Claimed to date",
  further: "Forecast further claims",
  forecast: "Forecast to the end (claimed and further)",
  atRisk: "Still at risk",
  clawback: "Expected clawback after spot checks",
};
