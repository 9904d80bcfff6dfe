import { CashEnvelope } from "../engine/envelope";
import { OUTCOME_TYPES } from "../engine/outcomes";
import { paidOutcomes } from "../engine/paid-outcomes";
import { ExpectedClawback, ResultsCashTiming } from "../engine/realism";
import { PbrRisk, SensitivityRow } from "../engine/risk";
import { Decimal, ZERO } from "../engine/money";
import { f, label, num, pounds, v } from "./cells";
import { ClaimPartRanges, YES, exactly } from "./plan-claims";
import { EnvelopeCells } from "./plan-envelope";
import { RateCells } from "./plan-assumptions";
import { PlanBlock, PlanCell, PlanSheet, PlanTable } from "./plan-types";

export const RISK_SHEET = "PbR risk";
const HEADER_ROW = 4;

export interface RiskFacts {
  risk: PbrRisk;
  sensitivity: SensitivityRow[];
  cohort: Decimal;
  turnedAroundShare?: Decimal;
  employmentShare: Decimal;
  employmentTarget?: Decimal;
  /** The engine's expected clawback on the claims to date (realism.ts). */
  clawback: ExpectedClawback;
  /** The engine's results cash by financial year of arrival (realism.ts), as at the build. */
  cashTiming: ResultsCashTiming;
  rounding: string;
}

const sumifs = (
  ranges: ClaimPartRanges | undefined,
  value: keyof ClaimPartRanges,
  criteria: [keyof ClaimPartRanges, string][]
) =>
  ranges
    ? `SUMIFS(${ranges[value]},${criteria.map(([k, c]) => `${ranges[k]},${c}`).join(",")})`
    : "0";

/**
 * The PbR risk sheet: per year of attachment the results maximum, claimed to date, the forecast
 * to the programme's end (the claim trend, as FORECAST.LINEAR) and what is still at risk; the
 * same by outcome type; the claim history behind the forecast; turned-around and employment
 * shares; and the sensitivity of results income to the success rate.
 */
export function riskSheet(
  envelope: CashEnvelope,
  facts: RiskFacts,
  cells: EnvelopeCells,
  rates: RateCells,
  ranges?: ClaimPartRanges
): PlanSheet {
  const { risk } = facts;
  const { framework } = envelope;
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + risk.years.length;
  const totalRow = last + 1;
  const scalarsTop = totalRow + 3;
  // The forecast block's cells, named on the sheet (rows fixed below).
  const at = {
    end: scalarsTop + 1,
    claimed: scalarsTop + 2,
    forecast: scalarsTop + 3,
    additional: scalarsTop + 4,
    ratio: scalarsTop + 5,
  };
  const B = (row: number) => `$B$${row}`;

  const rows: PlanCell[][] = risk.years.map((year, i) => {
    const r = first + i;
    const y = year.year.index;
    const forecastYear = risk.forecast.byYear[i];
    const room = Decimal.max(ZERO, year.attached.minus(forecastYear.claimedFamilies));
    return [
      v(year.year.label, "text"),
      f(cells.families(y), num(year.attached), "families"),
      f(rates.resultsTotal(y), pounds(framework.resultsTotal[y - 1]), "money"),
      f(cells.results(y), pounds(year.maximum), "money"),
      f(sumifs(ranges, "claimed", [["year", String(y)]]), pounds(year.claimed), "money"),
      f(
        sumifs(ranges, "families", [
          ["year", String(y)],
          ["turnedAround", exactly(YES)],
        ]),
        num(forecastYear.claimedFamilies),
        "families"
      ),
      f(`MAX(0,B${r}-F${r})`, num(room), "families"),
      f(
        `MIN(G${r},${B(at.additional)}-SUM(H$${HEADER_ROW}:H${r - 1}))`,
        num(forecastYear.additionalFamilies),
        "families"
      ),
      f(`ROUND(H${r}*C${r}*${B(at.ratio)},2)`, pounds(year.forecastAdditional), "money"),
      f(`E${r}+I${r}`, pounds(year.forecastToEnd), "money"),
      f(`MAX(0,D${r}-J${r})`, pounds(year.atRisk), "money"),
    ];
  });
  const sumCell = (_column: string, value: number, format: PlanCell["format"]) =>
    v(value, format, true);
  const t = risk.totals;
  const claimedFamilies = risk.forecast.claimedFamilies;
  const totals: PlanCell[] = [
    label("Total", true),
    sumCell("B", num(envelope.totals.families), "families"),
    v(null),
    sumCell("D", pounds(t.maximum), "money"),
    sumCell("E", pounds(t.claimed), "money"),
    sumCell("F", num(claimedFamilies), "families"),
    sumCell(
      "G",
      num(
        risk.years.reduce(
          (s, y, i) =>
            s.plus(Decimal.max(ZERO, y.attached.minus(risk.forecast.byYear[i].claimedFamilies))),
          ZERO
        )
      ),
      "families"
    ),
    sumCell("H", num(risk.forecast.additionalFamilies), "families"),
    sumCell("I", pounds(t.forecastAdditional), "money"),
    sumCell("J", pounds(t.forecastToEnd), "money"),
    sumCell("K", pounds(t.atRisk), "money"),
  ];
  const table: PlanTable = {
    name: "TF_Risk",
    topLeft: `A${HEADER_ROW}`,
    columns: [
      { header: "Year attached", format: "text", total: { label: "Total" } },
      { header: "Families funded", format: "families", total: "sum" },
      { header: "Results per family £", format: "money" },
      { header: "Results maximum £", format: "money", total: "sum" },
      { header: "Claimed to date £", format: "money", total: "sum" },
      { header: "Turned around so far", format: "families", total: "sum" },
      { header: "Not yet turned around", format: "families", total: "sum" },
      { header: "Forecast more families", format: "families", total: "sum" },
      { header: "Forecast more £", format: "money", total: "sum" },
      { header: "Forecast to end £", format: "money", total: "sum" },
      { header: "Still at risk £", format: "money", total: "sum" },
    ],
    rows,
    totals,
  };

  // The claim history behind the trend: turned-around families by claim date, and their running total.
  const points = risk.forecast.byYear.length > 0 ? historyPoints(risk) : [];
  const historyTop = scalarsTop + 14;
  const hFirst = historyTop + 1;
  const hLast = historyTop + points.length;
  const historyRows = points.map((point, i) => {
    const r = hFirst + i;
    return [
      v(point.date, "date"),
      f(
        sumifs(ranges, "families", [
          ["date", `A${r}`],
          ["turnedAround", exactly(YES)],
        ]),
        num(point.count),
        "families"
      ),
      f(i === 0 ? `B${r}` : `C${r - 1}+B${r}`, num(point.running), "families"),
    ];
  });
  const history: PlanTable | undefined =
    points.length === 0
      ? undefined
      : {
          name: "TF_ClaimHistory",
          topLeft: `A${historyTop}`,
          columns: [
            { header: "Claim date", format: "date" },
            { header: "Families turned around", format: "families" },
            { header: "Running total", format: "families" },
          ],
          rows: historyRows,
        };
  const trend =
    points.length >= 2
      ? `_xlfn.FORECAST.LINEAR(${B(at.end)},$C$${hFirst}:$C$${hLast},$A$${hFirst}:$A$${hLast})`
      : undefined;
  const capped = trend && `MIN($B$${totalRow},MAX(0,${trend}))`;
  const forecastFormula = capped
    ? `MAX(${B(at.claimed)},IF(TF_Rounding="none",${capped},ROUNDDOWN(${capped},0)))`
    : B(at.claimed);
  const earnable = `SUMPRODUCT($F$${first}:$F$${last},$C$${first}:$C$${last})`;
  const target = facts.employmentTarget;
  // With nobody turned around yet (a plan with no claims), "Not met" would read as a failure.
  const met =
    target === undefined
      ? "n/a"
      : claimedFamilies.isZero()
        ? NONE_YET
        : facts.employmentShare.greaterThanOrEqualTo(target)
          ? "Met"
          : "Not met";

  const scalars: PlanCell[][] = [
    [label("Forecast to the programme's end", true), label("Value", true)],
    [
      label("Forecast date (last claim window)"),
      f("TF_ProgrammeEnd", risk.forecast.forecastDate, "date"),
    ],
    [label("Families turned around so far"), f(`F${totalRow}`, num(claimedFamilies), "families")],
    [
      label(
        points.length >= 2
          ? "Forecast turned around by then (claim trend)"
          : "Forecast turned around by then (too few claims for a trend)"
      ),
      f(forecastFormula, num(risk.forecast.forecastFamilies), "families"),
    ],
    [
      label("Forecast more families"),
      f(`${B(at.forecast)}-${B(at.claimed)}`, num(risk.forecast.additionalFamilies), "families"),
    ],
    [
      label("Results per turned-around family so far (share of maximum)"),
      f(
        `IF(${earnable}=0,1,MIN(1,E${totalRow}/${earnable}))`,
        risk.forecast.realisationRatio.toNumber(),
        "percent"
      ),
    ],
    [
      label("Expected clawback after spot checks £ (claimed × share checked × share invalid)"),
      f(
        `ROUND(E${totalRow}*TF_ClawbackChecked*TF_ClawbackInvalid,2)`,
        pounds(facts.clawback.clawback),
        "money"
      ),
    ],
    [
      label("Claimed to date net of expected clawback £"),
      f(`E${totalRow}-${B(scalarsTop + 6)}`, pounds(facts.clawback.net), "money"),
    ],
    [
      label("Share of the cohort turned around"),
      f(
        `IF(TF_Cohort=0,"",F${totalRow}/TF_Cohort)`,
        facts.turnedAroundShare === undefined ? "" : facts.turnedAroundShare.toNumber(),
        "percent"
      ),
    ],
    [
      label("Employment share of families turned around"),
      f(
        `IF(F${totalRow}=0,0,${sumifs(ranges, "families", [["employment", exactly(YES)]])}/F${totalRow})`,
        facts.employmentShare.toNumber(),
        "percent"
      ),
    ],
    [
      label("Employment target"),
      f(
        `IF(ISNUMBER(TF_EmploymentTarget),TF_EmploymentTarget,"")`,
        target === undefined ? "" : target.toNumber(),
        "percent"
      ),
    ],
    [
      label("Employment target met?"),
      f(
        `IF(ISNUMBER(TF_EmploymentTarget),IF(F${totalRow}=0,"${NONE_YET}",IF(${B(scalarsTop + 9)}>=TF_EmploymentTarget,"Met","Not met")),"n/a")`,
        met,
        "text"
      ),
    ],
  ];

  const outcomes = paidOutcomes(framework);
  const byOutcomeTop = historyTop + Math.max(points.length, 1) + 3;
  const byOutcomeRows = risk.byOutcome.map((entry, i) => {
    const r = byOutcomeTop + 1 + i;
    const y = entry.year.index;
    const outcomeCriteria = exactly(OUTCOME_TYPES[entry.outcome].label);
    return [
      v(entry.year.label, "text"),
      v(OUTCOME_TYPES[entry.outcome].label, "text"),
      f(rates.outcome(entry.outcome, y), pounds(entry.rate), "money"),
      f(`ROUND(${cells.families(y)}*C${r},2)`, pounds(entry.maximum), "money"),
      f(
        sumifs(ranges, "families", [
          ["year", String(y)],
          ["outcome", outcomeCriteria],
        ]),
        num(entry.familiesClaimed),
        "families"
      ),
      f(
        sumifs(ranges, "claimed", [
          ["year", String(y)],
          ["outcome", outcomeCriteria],
        ]),
        pounds(entry.claimed),
        "money"
      ),
    ];
  });
  const byOutcome: PlanTable = {
    name: "TF_RiskByOutcome",
    topLeft: `A${byOutcomeTop}`,
    columns: [
      { header: "Year attached", format: "text" },
      { header: "Outcome type", format: "text" },
      { header: "Rate £", format: "money" },
      { header: "If every family achieved it £", format: "money" },
      { header: "Families claimed", format: "families" },
      { header: "Claimed £", format: "money" },
    ],
    rows: byOutcomeRows,
  };

  const sensitivityTop = byOutcomeTop + byOutcomeRows.length + 3;
  const sensitivity: PlanTable = {
    name: "TF_Sensitivity",
    topLeft: `A${sensitivityTop}`,
    columns: [
      { header: "Success rate", format: "percent" },
      { header: "Results income £", format: "money" },
      { header: "Short of the maximum £", format: "money" },
    ],
    rows: facts.sensitivity.map((row, i) => {
      const r = sensitivityTop + 1 + i;
      return [
        v(row.rate.toNumber(), "percent"),
        f(`SUMPRODUCT(ROUND(${cells.resultsRows}*A${r},2))`, pounds(row.results), "money"),
        f(`${cells.resultsTotal}-B${r}`, pounds(row.shortfall), "money"),
      ];
    }),
  };

  const cash = cashArrivalParts(
    facts.cashTiming,
    framework.paymentLagMonths,
    sensitivityTop + facts.sensitivity.length + 3
  );

  return {
    name: RISK_SHEET,
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: [
          [label(`Payment by results at risk: ${framework.name}`, true)],
          [
            label(
              `Outcome types are alternative routes to one results maximum per family, so what is at risk is decided per year. Outcomes: ${outcomes.map((id) => OUTCOME_TYPES[id].label).join("; ")}.`
            ),
          ],
        ],
      },
      { topLeft: `A${scalarsTop}`, rows: scalars },
      { topLeft: `A${historyTop - 1}`, rows: [[label("Claim history behind the forecast", true)]] },
      ...(points.length === 0 ? [{ topLeft: `A${historyTop}`, rows: [[label(NO_CLAIMS)]] }] : []),
      {
        topLeft: `A${byOutcomeTop - 1}`,
        rows: [[label("By outcome type (alternative routes: do not add the maxima)", true)]],
      },
      {
        topLeft: `A${sensitivityTop - 1}`,
        rows: [[label("Sensitivity of results income to the success rate", true)]],
      },
      ...cash.blocks,
    ],
    tables: [table, ...(history ? [history] : []), byOutcome, sensitivity, ...cash.tables],
    charts: [
      {
        kind: "column-clustered",
        title: "PbR by year: maximum, claimed and forecast",
        categories: `'${RISK_SHEET}'!$A$${first}:$A$${last}`,
        series: [
          { name: "Results maximum £", values: `'${RISK_SHEET}'!$D$${first}:$D$${last}` },
          { name: "Claimed to date £", values: `'${RISK_SHEET}'!$E$${first}:$E$${last}` },
          { name: "Forecast to end £", values: `'${RISK_SHEET}'!$J$${first}:$J$${last}` },
        ],
        // Beside the forecast block and the claim history (columns A to C), down to the row
        // above the by-outcome table's title (that table is six columns wide).
        anchor: `D${scalarsTop}`,
        to: `G${byOutcomeTop - 2}`,
      },
    ],
  };
}

/** Where the claim history would be, in a plan with no claims yet (a what-if, a new cohort). */
const NO_CLAIMS =
  "No claims yet: the forecast follows the claim trend once the Claims table has two claim dates.";
const NONE_YET = "None turned around yet";

/**
 * "Results claimed, by the financial year the cash arrives": each claim window's claims paid at
 * the end of the month `lag` months after it closes, summed by financial year (the engine's
 * resultsCashTiming). Values as at the build, not formulas: the windows' dates are the
 * framework's. Claims after the last window are said apart: no window pays them.
 */
function cashArrivalParts(
  timing: ResultsCashTiming,
  lag: number,
  top: number
): { blocks: PlanBlock[]; tables: PlanTable[] } {
  const rows = timing.byFinancialYear.map((year) => [
    v(year.label, "text"),
    v(pounds(year.amount), "money"),
  ]);
  const table: PlanTable = {
    name: "TF_ResultsCash",
    topLeft: `A${top}`,
    columns: [
      { header: "Financial year the cash arrives", format: "text", total: { label: "Total" } },
      { header: "£ arriving", format: "money", total: "sum" },
    ],
    rows,
    totals: [label("Total", true), v(pounds(timing.total), "money", true)],
  };
  const after = lag === 1 ? "the month after" : `the ${lag}th month after`;
  const late = timing.afterLastWindow;
  const notesTop = rows.length > 0 ? top + rows.length + 3 : top;
  const notes: PlanCell[][] = [
    ...(rows.length === 0
      ? [[label("No claim paid in a window yet: no results cash to date.")]]
      : []),
    [
      label(
        `As at this build: each claim window's claims are paid by the end of ${after} it closes (the payment lag). Rebuild after new claims.`
      ),
    ],
    ...(late.amount.greaterThan(0)
      ? [
          [
            label("Claimed after the last claim window (no window pays them) £"),
            v(pounds(late.amount), "money"),
          ],
        ]
      : []),
  ];
  return {
    blocks: [
      {
        topLeft: `A${top - 1}`,
        rows: [[label("Results claimed, by the financial year the cash arrives", true)]],
      },
      { topLeft: `A${notesTop}`, rows: notes },
    ],
    tables: rows.length > 0 ? [table] : [],
  };
}

function historyPoints(risk: PbrRisk): { date: number; count: Decimal; running: Decimal }[] {
  let running = ZERO;
  return risk.forecast.points.map((point) => {
    running = running.plus(point.count);
    return { date: point.date, count: point.count, running };
  });
}
