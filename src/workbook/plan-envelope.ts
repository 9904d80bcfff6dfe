import { CashEnvelope } from "../engine/envelope";
import { EnvelopeRelease } from "../engine/realism";

import { f, label, num, pounds, v, wholePercent, wholePounds } from "./cells";
import { FundingInputs } from "./inputs";
import { RateCells } from "./plan-assumptions";
import { releaseBlock } from "./plan-release";
import { PlanCell, PlanColumn, PlanSheet, PlanTable } from "./plan-types";
import { columnLetters } from "./snapshot";

export const ENVELOPE_SHEET = "Cash envelope";
const HEADER_ROW = 4;
/** The chart's height in rows (about 7.5 cm at Excel's default row height). */
const CHART_ROWS = 18;

/** Where the envelope's cells are, for the PbR risk sheet's formulas. */
export interface EnvelopeCells {
  families: (year: number) => string;
  results: (year: number) => string;
  totalRow: number;
  /** The results-maximum column's year rows, and its total, as absolute references. */
  resultsRows: string;
  resultsTotal: string;
}

type ColumnKey =
  | "year"
  | "attached"
  | "families"
  | "beyond"
  | "attachment"
  | "results"
  | "expected"
  | "central"
  | "council"
  | "grant"
  | "programme";

/**
 * The table's columns in order. With the families attached given (Families table), the table
 * shows attached, funded and the families beyond the funded number side by side; otherwise the
 * funded families are the cohort's share spread evenly, and attached would only repeat them.
 */
function columnKeys(attachedGiven: boolean): ColumnKey[] {
  const families: ColumnKey[] = attachedGiven ? ["attached", "families", "beyond"] : ["families"];
  return [
    "year",
    ...families,
    "attachment",
    "results",
    "expected",
    "central",
    "council",
    "grant",
    "programme",
  ];
}

/** The seed reports' sentence, built from the same values as the table. */
export function envelopeSentence(total: number, atRisk: number, secured: number): string {
  const share = total === 0 ? 0 : atRisk / total;
  return `Total cash envelope £${wholePounds(total)}, of which £${wholePounds(atRisk)} (${wholePercent(share)}) depends on payment by results; £${wholePounds(secured)} is secured as attachment fees.`;
}

/**
 * envelopeSentence as a live formula over the cells holding the envelope's total, the £ at risk
 * on results and the £ secured: its value is envelopeSentence of those cells' values.
 */
export function envelopeSentenceFormula(total: string, atRisk: string, secured: string): string {
  return (
    `"Total cash envelope £"&TEXT(${total},"#,##0")&", of which £"&TEXT(${atRisk},"#,##0")&" ("&TEXT(IF(${total}=0,0,${atRisk}/${total}),"0%")` +
    `&") depends on payment by results; £"&TEXT(${secured},"#,##0")&" is secured as attachment fees."`
  );
}

/**
 * The cash-envelope sheet: per financial year the families attached, funded and beyond the
 * funded number (when the Families table gives attachments), attachment £, the results
 * maximum, expected results at the assumed success rate, the council's contribution and the
 * grant line; a totals row; secured against at risk; a sentence for reports; and, where the
 * framework has the rule and the Families table gives attachments, the year-2 attachment release.
 */
export function envelopeSheet(
  inputs: FundingInputs,
  envelope: CashEnvelope,
  rates: RateCells,
  release?: EnvelopeRelease
): { sheet: PlanSheet; cells: EnvelopeCells } {
  const { assumptions } = inputs;
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + envelope.rows.length;
  const totalRow = last + 1;
  const attachedByYear = new Map(
    inputs.families.filter((r) => r.attached).map((r) => [r.year, r.attachedCell as string])
  );
  const keys = columnKeys(envelope.attachedGiven);
  const letter = (key: ColumnKey) => columnLetters(keys.indexOf(key) + 1);
  const at = (key: ColumnKey, r: number) => `${letter(key)}${r}`;

  const rows: PlanCell[][] = envelope.rows.map((row, i) => {
    const r = first + i;
    const year = row.year.index;
    const expected = row.results.times(assumptions.successRate).toDecimalPlaces(2);
    const funded = letter("families");
    const cells: Record<ColumnKey, PlanCell> = {
      year: v(row.year.label, "text"),
      attached: f(attachedByYear.get(year) ?? "0", num(row.attached), "families"),
      // First attached, first funded: this year's attached, up to what the funded number leaves
      // after the earlier years (the header above the first row is text, which SUM ignores).
      families: envelope.attachedGiven
        ? f(
            `MIN(${at("attached", r)},MAX(0,TF_Funded-SUM(${funded}$${HEADER_ROW}:${funded}${r - 1})))`,
            num(row.families),
            "families"
          )
        : f(
            `IF(OR(TF_Rounding="none",TF_Funded<>INT(TF_Funded)),TF_Funded/TF_Years,INT(TF_Funded/TF_Years)+IF(${year}<=MOD(TF_Funded,TF_Years),1,0))`,
            num(row.families),
            "families"
          ),
      beyond: f(`${at("attached", r)}-${at("families", r)}`, num(row.beyondFunded), "families"),
      attachment: f(
        `ROUND(${at("families", r)}*${rates.attachment(year)},2)`,
        pounds(row.attachment),
        "money"
      ),
      results: f(
        `ROUND(${at("families", r)}*${rates.resultsTotal(year)},2)`,
        pounds(row.results),
        "money"
      ),
      expected: f(`ROUND(${at("results", r)}*TF_SuccessRate,2)`, pounds(expected), "money"),
      central: f(`${at("attachment", r)}+${at("results", r)}`, pounds(row.total), "money"),
      council: f(
        `ROUND(${at("families", r)}*TF_Contribution,2)`,
        pounds(row.councilContribution),
        "money"
      ),
      grant: f("TF_Grant", pounds(row.grant), "money"),
      programme: f(
        `${at("central", r)}+${at("council", r)}+${at("grant", r)}`,
        pounds(row.total.plus(row.councilContribution).plus(row.grant)),
        "money"
      ),
    };
    return keys.map((key) => cells[key]);
  });

  // Totals are sums of the rounded cells; the totals row's formulas are added with the table's.
  const columnTotal = (index: number) =>
    v(
      rows.reduce((s, row) => s + Number(row[index].value), 0),
      rows[0]?.[index]?.format,
      true
    );
  const totals = [label("Total", true), ...keys.slice(1).map((_, i) => columnTotal(i + 1))];
  // Sums of numbers already rounded to the penny: round again so binary fractions do not show.
  for (const cell of totals.slice(1))
    if (typeof cell.value === "number") cell.value = Math.round(cell.value * 100) / 100;

  const headers: Record<ColumnKey, PlanColumn> = {
    year: { header: "Financial year", format: "text", total: { label: "Total" } },
    attached: { header: "Families attached", format: "families", total: "sum" },
    families: { header: "Families funded", format: "families", total: "sum" },
    beyond: { header: "Beyond funded (no fees)", format: "families", total: "sum" },
    attachment: { header: "Attachment £", format: "money", total: "sum" },
    results: { header: "Results (PbR) maximum £", format: "money", total: "sum" },
    expected: { header: "Expected results £", format: "money", total: "sum" },
    central: { header: "Total central £", format: "money", total: "sum" },
    council: { header: "Council contribution £", format: "money", total: "sum" },
    grant: { header: `${envelope.grantLabel ?? "Grant"} £`, format: "money", total: "sum" },
    programme: { header: "Total programme £", format: "money", total: "sum" },
  };
  const t = envelope.totals;
  const table: PlanTable = {
    name: "TF_Envelope",
    topLeft: `A${HEADER_ROW}`,
    columns: keys.map((key) => headers[key]),
    rows,
    totals,
  };

  const tot = (key: ColumnKey) => at(key, totalRow);
  const secured = pounds(t.attachment);
  const atRisk = pounds(t.results);
  const total = pounds(t.total);
  const share = (part: number) => (total === 0 ? 0 : part / total);
  const below = totalRow + 2;
  const sentence = envelopeSentence(total, atRisk, secured);
  const sentenceFormula = envelopeSentenceFormula(
    tot("central"),
    tot("results"),
    tot("attachment")
  );
  const summary: PlanCell[][] = [
    [label("Secured and at risk", true), label("£", true), label("Share of envelope", true)],
    [
      label("Secured up front (attachment fees)"),
      f(tot("attachment"), secured, "money"),
      f(
        `IF(${tot("central")}=0,0,${tot("attachment")}/${tot("central")})`,
        share(secured),
        "percent"
      ),
    ],
    [
      label("At risk on results (PbR)"),
      f(tot("results"), atRisk, "money"),
      f(`IF(${tot("central")}=0,0,${tot("results")}/${tot("central")})`, share(atRisk), "percent"),
    ],
    [label("Cash envelope (central government)"), f(tot("central"), total, "money"), v(null)],
    ...(envelope.attachedGiven
      ? [
          [
            label("Attached beyond funded (earn nothing)"),
            f(tot("beyond"), num(t.beyondFunded), "families"),
            v(null),
          ],
        ]
      : []),
    [v(null)],
    [label("For reports", true)],
    [f(sentenceFormula, sentence, "text")],
  ];

  const releaseRows = release
    ? [
        releaseBlock(envelope.framework, release, below + summary.length + 1, {
          attachedYear1: at("attached", first),
          attachmentYear2: at("attachment", first + 1),
        }),
      ]
    : [];

  // Below the sentence for reports and the release block, where there is one.
  const chartTop =
    below + summary.length + 1 + (releaseRows.length ? releaseRows[0].rows.length + 1 : 0);
  const sheet = `'${ENVELOPE_SHEET}'!`;
  const column = (key: ColumnKey) => `${sheet}$${letter(key)}$${first}:$${letter(key)}$${last}`;
  return {
    cells: {
      families: (year) => `${sheet}$${letter("families")}$${first + year - 1}`,
      results: (year) => `${sheet}$${letter("results")}$${first + year - 1}`,
      totalRow,
      resultsRows: column("results"),
      resultsTotal: `${sheet}$${letter("results")}$${totalRow}`,
    },
    sheet: {
      name: ENVELOPE_SHEET,
      widths: {},
      blocks: [
        {
          topLeft: "A1",
          rows: [
            [label(`Cash envelope: ${assumptions.framework.name}`, true)],
            [
              label(
                `Built from ${inputs.sources.families} and the assumptions on the "Funding assumptions" sheet.`
              ),
            ],
          ],
        },
        { topLeft: `A${below}`, rows: summary },
        ...releaseRows,
      ],
      tables: [table],
      charts: [
        {
          kind: "column-stacked",
          title: "Income by financial year: attachment fees and results (PbR)",
          categories: column("year"),
          series: [
            { name: "Attachment £", values: column("attachment") },
            { name: "Results (PbR) maximum £", values: column("results") },
          ],
          // Under the table's first four columns.
          anchor: `A${chartTop}`,
          to: `D${chartTop + CHART_ROWS - 1}`,
        },
      ],
    },
  };
}
