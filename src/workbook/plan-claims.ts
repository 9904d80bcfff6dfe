import { PricedClaim } from "../engine/claims";
import { Framework } from "../engine/frameworks";
import { OUTCOME_TYPES } from "../engine/outcomes";
import { f, label, num, pounds, v } from "./cells";
import { ClaimRow } from "./inputs";
import { RateCells } from "./plan-assumptions";
import { PlanCell, PlanSheet, PlanTable } from "./plan-types";

export const CLAIMS_SHEET = "Claims by year";
const HEADER_ROW = 4;

/** Absolute ranges of the claim-parts table's columns, for SUMIFS on the PbR risk sheet. */
export interface ClaimPartRanges {
  date: string;
  outcome: string;
  year: string;
  families: string;
  claimed: string;
  turnedAround: string;
  employment: string;
}

/**
 * Each claim split by the programme year its families were attached (in profile order, first in
 * first out, unless known) and priced at that year's rates. The split is the engine's; the £ are
 * formulas over the rates, so a change of rate recalculates. Undefined ranges: no claims yet.
 */
export function claimsSheet(
  framework: Framework,
  claims: readonly ClaimRow[],
  priced: readonly PricedClaim[],
  rates: RateCells
): { sheet: PlanSheet; ranges?: ClaimPartRanges } {
  const rows: PlanCell[][] = [];
  // The rates are the framework's own Decimals, shared by every claim of an outcome and year:
  // converting each once (not once per claim part) keeps 100,000 rows fast.
  const rateNumbers = new Map<unknown, number>();
  const rateNumber = (rate: PricedClaim["parts"][number]["rate"]) => {
    let n = rateNumbers.get(rate);
    if (n === undefined) rateNumbers.set(rate, (n = pounds(rate)));
    return n;
  };
  for (const claim of priced) {
    const source = claims[claim.row - 1];
    for (const part of claim.parts) {
      const r = HEADER_ROW + 1 + rows.length;
      const claimed = pounds(part.amount);
      // Without a known amount the part's £ IS the families at the rate, to the penny.
      const atRates = claim.amountKnown ? pounds(part.families.times(part.rate)) : claimed;
      rows.push([
        v(claim.date, "date"),
        v(source.label, "text"),
        v(claim.outcome, "text"),
        v(part.year, "count"),
        v(framework.years[part.year - 1].label, "text"),
        v(num(part.families), "families"),
        f(rates.outcome(claim.outcome, part.year), rateNumber(part.rate), "money"),
        f(`ROUND(F${r}*G${r},2)`, atRates, "money"),
        v(claim.amountKnown ? claimed : null, "money"),
        f(`IF(ISNUMBER(I${r}),I${r},H${r})`, claimed, "money"),
        v(framework.turnedAroundOutcomes.includes(claim.outcome)),
        v(framework.employmentOutcomes.includes(claim.outcome)),
      ]);
    }
  }
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + rows.length;
  const sum = (index: number) =>
    v(
      Math.round(rows.reduce((s, row) => s + Number(row[index].value), 0) * 100) / 100,
      rows[0]?.[index]?.format,
      true
    );
  const table: PlanTable | undefined =
    rows.length === 0
      ? undefined
      : {
          name: "TF_ClaimParts",
          topLeft: `A${HEADER_ROW}`,
          columns: [
            { header: "Claim date", format: "date", total: { label: "Total" } },
            { header: "Outcome (as claimed)", format: "text" },
            { header: "Outcome type", format: "text" },
            { header: "Attachment year", format: "count" },
            { header: "Financial year attached", format: "text" },
            { header: "Families", format: "families", total: "sum" },
            { header: "Rate £", format: "money" },
            { header: "At rates £", format: "money", total: "sum" },
            { header: "Known £", format: "money" },
            { header: "Claimed £", format: "money", total: "sum" },
            { header: "Turned around", format: "general" },
            { header: "Employment", format: "general" },
          ],
          rows,
          totals: [
            label("Total", true),
            v(null),
            v(null),
            v(null),
            v(null),
            sum(5),
            v(null),
            sum(7),
            v(null),
            sum(9),
            v(null),
            v(null),
          ],
        };
  const range = (c: string) => `'${CLAIMS_SHEET}'!$${c}$${first}:$${c}$${last}`;
  const outcomes = [...framework.results.keys()].map((id) => OUTCOME_TYPES[id].label).join("; ");
  return {
    ranges: table && {
      date: range("A"),
      outcome: range("C"),
      year: range("D"),
      families: range("F"),
      claimed: range("J"),
      turnedAround: range("K"),
      employment: range("L"),
    },
    sheet: {
      name: CLAIMS_SHEET,
      widths: {
        A: 14,
        B: 44,
        C: 30,
        D: 16,
        E: 22,
        F: 12,
        G: 12,
        H: 14,
        I: 12,
        J: 14,
        K: 14,
        L: 12,
      },
      blocks: [
        {
          topLeft: "A1",
          rows: [
            [label("Claims by year of attachment", true)],
            [
              label(
                rows.length === 0
                  ? `No claims yet. The framework pays for: ${outcomes}.`
                  : "Families whose year of attachment is not recorded are taken in the order they were attached (first in, first out)."
              ),
            ],
          ],
        },
      ],
      tables: table ? [table] : [],
      charts: [],
    },
  };
}
