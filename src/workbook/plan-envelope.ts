import { CashEnvelope } from "../engine/envelope";

import { f, label, num, pounds, v, wholePercent, wholePounds } from "./cells";
import { FundingInputs } from "./inputs";
import { RateCells } from "./plan-assumptions";
import { PlanCell, PlanSheet, PlanTable } from "./plan-types";

export const ENVELOPE_SHEET = "Cash envelope";
const HEADER_ROW = 4;

/** Where the envelope's cells are, for the PbR risk sheet's formulas. */
export interface EnvelopeCells {
  families: (year: number) => string;
  results: (year: number) => string;
  totalRow: number;
  /** The results-maximum column's year rows, and its total, as absolute references. */
  resultsRows: string;
  resultsTotal: string;
}

const col = {
  year: "A",
  families: "B",
  attachment: "C",
  results: "D",
  expected: "E",
  central: "F",
  council: "G",
  grant: "H",
  programme: "I",
};

/** The seed reports' sentence, built from the same values as the table. */
export function envelopeSentence(total: number, atRisk: number, secured: number): string {
  const share = total === 0 ? 0 : atRisk / total;
  return `Total cash envelope £${wholePounds(total)}, of which £${wholePounds(atRisk)} (${wholePercent(share)}) depends on payment by results; £${wholePounds(secured)} is secured as attachment fees.`;
}

/**
 * The cash-envelope sheet: per financial year the families funded, attachment £, the results
 * maximum, expected results at the assumed success rate, the council's contribution and the
 * grant line; a totals row; secured against at risk; and a sentence for reports.
 */
export function envelopeSheet(
  inputs: FundingInputs,
  envelope: CashEnvelope,
  rates: RateCells
): { sheet: PlanSheet; cells: EnvelopeCells } {
  const { assumptions } = inputs;
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + envelope.rows.length;
  const totalRow = last + 1;
  const attachedByYear = new Map(
    inputs.families.filter((r) => r.attached).map((r) => [r.year, r.attachedCell as string])
  );
  const usesAttached = inputs.families.some((r) => r.attached);

  const rows: PlanCell[][] = envelope.rows.map((row, i) => {
    const r = first + i;
    const year = row.year.index;
    const familiesFormula = usesAttached
      ? (attachedByYear.get(year) ?? "0")
      : `IF(OR(TF_Rounding="none",TF_Funded<>INT(TF_Funded)),TF_Funded/TF_Years,INT(TF_Funded/TF_Years)+IF(${year}<=MOD(TF_Funded,TF_Years),1,0))`;
    const expected = row.results.times(assumptions.successRate).toDecimalPlaces(2);
    return [
      v(row.year.label, "text"),
      f(familiesFormula, num(row.families), "families"),
      f(`ROUND(${col.families}${r}*${rates.attachment(year)},2)`, pounds(row.attachment), "money"),
      f(`ROUND(${col.families}${r}*${rates.resultsTotal(year)},2)`, pounds(row.results), "money"),
      f(`ROUND(${col.results}${r}*TF_SuccessRate,2)`, pounds(expected), "money"),
      f(`${col.attachment}${r}+${col.results}${r}`, pounds(row.total), "money"),
      f(`ROUND(${col.families}${r}*TF_Contribution,2)`, pounds(row.councilContribution), "money"),
      f("TF_Grant", pounds(row.grant), "money"),
      f(
        `${col.central}${r}+${col.council}${r}+${col.grant}${r}`,
        pounds(row.total.plus(row.councilContribution).plus(row.grant)),
        "money"
      ),
    ];
  });

  // Totals are sums of the rounded cells; the totals row's formulas are added with the table's.
  const columnTotal = (index: number) =>
    v(
      rows.reduce((s, row) => s + Number(row[index].value), 0),
      rows[0]?.[index]?.format,
      true
    );
  const totals = [label("Total", true), ...[1, 2, 3, 4, 5, 6, 7, 8].map(columnTotal)];
  // Sums of numbers already rounded to the penny: round again so binary fractions do not show.
  for (const cell of totals.slice(1))
    if (typeof cell.value === "number") cell.value = Math.round(cell.value * 100) / 100;

  const t = envelope.totals;
  const table: PlanTable = {
    name: "TF_Envelope",
    topLeft: `A${HEADER_ROW}`,
    columns: [
      { header: "Financial year", format: "text", total: { label: "Total" } },
      { header: "Families funded", format: "families", total: "sum" },
      { header: "Attachment £", format: "money", total: "sum" },
      { header: "Results (PbR) maximum £", format: "money", total: "sum" },
      { header: "Expected results £", format: "money", total: "sum" },
      { header: "Total central £", format: "money", total: "sum" },
      { header: "Council contribution £", format: "money", total: "sum" },
      { header: `${envelope.grantLabel ?? "Grant"} £`, format: "money", total: "sum" },
      { header: "Total programme £", format: "money", total: "sum" },
    ],
    rows,
    totals,
  };

  const tot = (c: string) => `${c}${totalRow}`;
  const secured = pounds(t.attachment);
  const atRisk = pounds(t.results);
  const total = pounds(t.total);
  const share = (part: number) => (total === 0 ? 0 : part / total);
  const below = totalRow + 2;
  const sentence = envelopeSentence(total, atRisk, secured);
  const sentenceFormula =
    `"Total cash envelope £"&TEXT(${tot("F")},"#,##0")&", of which £"&TEXT(${tot("D")},"#,##0")&" ("&TEXT(IF(${tot("F")}=0,0,${tot("D")}/${tot("F")}),"0%")` +
    `&") depends on payment by results; £"&TEXT(${tot("C")},"#,##0")&" is secured as attachment fees."`;
  const summary: PlanCell[][] = [
    [label("Secured and at risk", true), label("£", true), label("Share of envelope", true)],
    [
      label("Secured up front (attachment fees)"),
      f(tot("C"), secured, "money"),
      f(`IF(${tot("F")}=0,0,${tot("C")}/${tot("F")})`, share(secured), "percent"),
    ],
    [
      label("At risk on results (PbR)"),
      f(tot("D"), atRisk, "money"),
      f(`IF(${tot("F")}=0,0,${tot("D")}/${tot("F")})`, share(atRisk), "percent"),
    ],
    [label("Cash envelope (central government)"), f(tot("F"), total, "money"), v(null)],
    [v(null)],
    [label("For reports", true)],
    [f(sentenceFormula, sentence, "text")],
  ];

  return {
    cells: {
      families: (year) => `'${ENVELOPE_SHEET}'!$B$${first + year - 1}`,
      results: (year) => `'${ENVELOPE_SHEET}'!$D$${first + year - 1}`,
      totalRow,
      resultsRows: `'${ENVELOPE_SHEET}'!$D$${first}:$D$${last}`,
      resultsTotal: `'${ENVELOPE_SHEET}'!$D$${totalRow}`,
    },
    sheet: {
      name: ENVELOPE_SHEET,
      widths: { A: 38, B: 16, C: 18, D: 24, E: 20, F: 18, G: 22, H: 22, I: 20 },
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
      ],
      tables: [table],
      charts: [
        {
          kind: "column-stacked",
          title: "Central money by year: attachment and results",
          categories: `'${ENVELOPE_SHEET}'!$A$${first}:$A$${last}`,
          series: [
            { name: "Attachment £", values: `'${ENVELOPE_SHEET}'!$C$${first}:$C$${last}` },
            {
              name: "Results (PbR) maximum £",
              values: `'${ENVELOPE_SHEET}'!$D$${first}:$D$${last}`,
            },
          ],
          anchor: `K${HEADER_ROW}`,
        },
      ],
    },
  };
}
