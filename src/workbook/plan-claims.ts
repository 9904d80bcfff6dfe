import { PricedClaim } from "../engine/claims";
import { Decimal, Tally } from "../engine/money";
import { Framework } from "../engine/frameworks";
import { OUTCOME_TYPES } from "../engine/outcomes";
import { f, label, literal, num, pounds, v } from "./cells";
import { ClaimRow } from "./inputs";
import { RateCells } from "./plan-assumptions";
import { PlanCell, PlanSheet, PlanTable } from "./plan-types";

export const CLAIMS_SHEET = "Claims by year";
const HEADER_ROW = 4;

/** What the Turned around and Employment columns say, and what SUMIFS looks for in them. */
export const YES = "yes";
export const NO = "no";
const yesNo = (flag: boolean) => (flag ? YES : NO);

/** A SUMIFS criterion matching exactly this text (its wildcards * ? ~ escaped with ~). */
export const exactly = (text: string): string => literal(text.replace(/[~*?]/g, "~$&"));

/**
 * Absolute ranges of the claim-parts table's columns, for SUMIFS on the PbR risk sheet. */
export interface ClaimPartRanges {
  date: string;
  outcome: string;
  year: string;
  families: string;
  claimed: string;
  turnedAround: string;
  employment: string;
}

/** Claim parts that become one row of the sheet, and what they add up to. */
interface ClaimGroup {
  date: number;
  label: string;
  outcome: PricedClaim["outcome"];
  year: number;
  rate: Decimal;
  known: boolean;
  /** The first claim row in the group, to keep the council's order within a date. */
  firstRow: number;
  families: Tally;
  amount: Tally;
}

/**
 * Claim parts by claim date, outcome (as claimed), attachment year and whether the £ is known:
 * what a council submits per claim window, and a sheet whose size depends on the windows and
 * outcome types, not on how many rows the claim log has (100,000 rows become a few hundred).
 * A part with a fraction of a family (rounding "none") keeps a row of its own, so that every
 * row's ROUND(families × rate) is the engine's own penny.
 */
function groupParts(claims: readonly ClaimRow[], priced: readonly PricedClaim[]): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const claim of priced) {
    const source = claims[claim.row - 1];
    for (const part of claim.parts) {
      const whole = part.families.isInteger();
      const key = `${claim.date}|${claim.amountKnown}|${part.year}|${whole ? "" : claim.row}|${source.label}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          date: claim.date,
          label: source.label,
          outcome: claim.outcome,
          year: part.year,
          rate: part.rate,
          known: claim.amountKnown,
          firstRow: claim.row,
          families: new Tally(),
          amount: new Tally(),
        };
        groups.set(key, group);
      }
      group.families.add(part.families);
      group.amount.add(part.amount);
    }
  }
  return [...groups.values()].sort((a, b) => a.date - b.date || a.firstRow - b.firstRow);
}

/**
 * The claims split by the programme year their families were attached (in profile order, first
 * in first out, unless known) and priced at that year's rates, one row per claim date, outcome
 * and year. The split is the engine's; the £ are formulas over the rates, so a change of rate
 * recalculates. Undefined ranges: no claims yet.
 */
export function claimsSheet(
  framework: Framework,
  claims: readonly ClaimRow[],
  priced: readonly PricedClaim[],
  rates: RateCells
): { sheet: PlanSheet; ranges?: ClaimPartRanges } {
  const rows: PlanCell[][] = groupParts(claims, priced).map((group, i) => {
    const r = HEADER_ROW + 1 + i;
    const families = group.families.total();
    const atRates = pounds(families.times(group.rate));
    // Without a known amount the row's £ IS the families at the rate, to the penny.
    const claimed = group.known ? pounds(group.amount.total()) : atRates;
    return [
      v(group.date, "date"),
      v(group.label, "text"),
      v(OUTCOME_TYPES[group.outcome].label, "text"),
      v(group.year, "count"),
      v(framework.years[group.year - 1].label, "text"),
      v(num(families), "families"),
      f(rates.outcome(group.outcome, group.year), pounds(group.rate), "money"),
      f(`ROUND(F${r}*G${r},2)`, atRates, "money"),
      v(group.known ? claimed : null, "money"),
      f(`IF(ISNUMBER(I${r}),I${r},H${r})`, claimed, "money"),
      v(yesNo(framework.turnedAroundOutcomes.includes(group.outcome)), "text"),
      v(yesNo(framework.employmentOutcomes.includes(group.outcome)), "text"),
    ];
  });
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
            { header: "Turned around", format: "text" },
            { header: "Employment", format: "text" },
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
  const outcomes = [...framework.results.keys()].map((id) => OUTCOME_TYPES[id].label);
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
      widths: {},
      blocks: [
        {
          topLeft: "A1",
          rows: [
            [label("Claims by year of attachment", true)],
            [
              label(
                rows.length === 0
                  ? "No claims yet: they appear here by year of attachment once the Claims table has some."
                  : "One row per claim date, outcome and year of attachment (claims on the same date added together). Families whose year of attachment is not recorded are taken in the order they were attached (first in, first out)."
              ),
            ],
          ],
        },
        // With no claims the page would be empty (the lines above are helpers, not printed):
        // what the framework pays for is what a plan with no claims yet needs to know.
        ...(rows.length === 0
          ? [
              {
                topLeft: "A4",
                rows: [
                  [label("No claims yet. The framework pays results for:", true)],
                  ...outcomes.map((outcome) => [label(outcome)]),
                ],
              },
            ]
          : []),
      ],
      tables: table ? [table] : [],
      charts: [],
    },
  };
}
