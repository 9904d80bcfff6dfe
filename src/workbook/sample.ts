import { serialFromIso } from "../engine/dates";
import { isError } from "../engine/errors";
import { label, v } from "./cells";
import { isAuthorityLabel } from "./assumptions";
import { readInputs } from "./inputs";
import { layoutForPrint } from "./plan-layout";
import { buildPlan } from "./plan";
import { snapshotOfPlan } from "./plan-snapshot";
import { PlanCell, PlanSheet, WorkbookPlan } from "./plan-types";

/*
 * The sample input workbook, from the seed reports: Barnet's fast-track cohort (705 nominated
 * families, 588 funded, attached half in each of two years) and a claim history in Rotherham's
 * pattern (claims in July and October 2013, February, May and August 2014, with the same
 * outcome types), scaled to Barnet's cohort.
 */
export type FamiliesData = [string, number, number | null][];
/** Date, outcome, families, £ where known, and optionally the council's own claim reference. */
export type ClaimsData = [string, string, number, number | null, string?][];
export type AssumptionsData = [string, string | number][];

const FAMILIES: FamiliesData = [
  ["2012/13", 705, 294],
  ["2013/14", 0, 294],
];

const CLAIMS: ClaimsData = [
  ["2013-07-31", "Education & Crime / Anti-Social Behaviour", 58, null],
  ["2013-07-31", "Progress to work", 4, null],
  ["2013-10-31", "Education & Crime / Anti-Social Behaviour", 71, null],
  ["2013-10-31", "Continuous employment", 6, null],
  ["2014-02-28", "Education & Crime / Anti-Social Behaviour", 83, null],
  ["2014-02-28", "Progress to work", 9, 900],
  ["2014-02-28", "Continuous employment", 8, null],
  ["2014-05-31", "Education & Crime / Anti-Social Behaviour", 76, null],
  ["2014-05-31", "Continuous employment", 11, null],
  ["2014-05-31", "Continuous employment (following previous claim for ASB / Education)", 4, null],
  ["2014-08-31", "Education & Crime / Anti-Social Behaviour", 64, null],
  ["2014-08-31", "Progress to work", 14, null],
  ["2014-08-31", "Continuous employment", 13, null],
  ["2014-08-31", "Continuous employment (following previous claim for ASB / Education)", 6, null],
  ["2014-08-31", "All adults remain in work throughout intervention", 5, null],
];

const ASSUMPTIONS: AssumptionsData = [
  ["Framework", "phase1-fast-track"],
  ["Council contribution per family", 6000],
  ["Co-ordinator grant", 100000],
  ["Success rate", 0.65],
  ["Employment target", 0.1],
  ["Share of claims checked", 0.021],
  ["Share of checked claims found invalid", 0.1],
];

const title = (text: string, note: string): PlanCell[][] => [[label(text, true)], [label(note)]];

/**
 * Input sheets (Families, Claims, Assumptions tables of plain values) for any such data, laid
 * out for print as the generated sheets are (widths fitted, one page wide).
 */
export const inputSheets = (
  families: FamiliesData,
  claims: ClaimsData,
  assumptions: AssumptionsData
): PlanSheet[] => {
  const authority = assumptions.find(([setting]) => isAuthorityLabel(setting))?.[1];
  return unlaid(families, claims, assumptions).map((sheet) =>
    layoutForPrint(sheet, { authority: typeof authority === "string" ? authority : undefined })
  );
};

const unlaid = (
  families: FamiliesData,
  claims: ClaimsData,
  assumptions: AssumptionsData
): PlanSheet[] => [
  {
    name: "Families",
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: title("Families", "Families nominated and attached each financial year."),
      },
    ],
    tables: [
      {
        name: "Families",
        topLeft: "A4",
        columns: [
          { header: "Financial year", format: "text" },
          { header: "Families nominated", format: "count" },
          { header: "Families attached", format: "count" },
        ],
        rows: families.map(([year, nominated, attached]) => [
          v(year, "text"),
          v(nominated, "count"),
          v(attached, "count"),
        ]),
      },
    ],
    charts: [],
  },
  claimsSheet(claims),
  {
    name: "Assumptions",
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: title(
          "Assumptions",
          "Change these and rebuild the tables (or edit the generated Funding assumptions sheet)."
        ),
      },
    ],
    tables: [
      {
        name: "Assumptions",
        topLeft: "A4",
        columns: [
          { header: "Setting", format: "text" },
          { header: "Value", format: "general" },
        ],
        rows: assumptions.map(([setting, value]) => [
          v(setting, "text"),
          v(value, typeof value === "number" && value < 1 ? "percent" : "general"),
        ]),
      },
    ],
    charts: [],
  },
];

/** The Claims table; the reference column only when some claim has one (it is optional). */
function claimsSheet(claims: ClaimsData): PlanSheet {
  const referenced = claims.some((claim) => claim[4] !== undefined);
  return {
    name: "Claims",
    widths: {},
    blocks: [
      {
        topLeft: "A1",
        rows: title(
          "Claims",
          "Payment-by-results claims: one row per claim window and outcome type (£ where known)."
        ),
      },
    ],
    tables: [
      {
        name: "Claims",
        topLeft: "A4",
        columns: [
          { header: "Claim date", format: "date" },
          { header: "Outcome", format: "text" },
          { header: "Families", format: "count" },
          { header: "Amount £", format: "money" },
          ...(referenced ? [{ header: "Claim reference", format: "text" as const }] : []),
        ],
        rows: claims.map(([date, outcome, families, amount, reference]) => [
          v(serialFromIso(date) ?? date, "date"),
          v(outcome, "text"),
          v(families, "count"),
          v(amount, "money"),
          ...(referenced ? [v(reference ?? null, "text")] : []),
        ]),
      },
    ],
    charts: [],
  };
}

/** The sample input workbook as a plan of plain values, with the summary its tables will show. */
export function samplePlan(): WorkbookPlan {
  const sheets = inputSheets(FAMILIES, CLAIMS, ASSUMPTIONS);
  const { inputs, problems } = readInputs(snapshotOfPlan({ sheets }));
  if (!inputs)
    throw new Error(`the sample inputs do not read: ${problems.map((p) => p.reason).join("; ")}`);
  const built = buildPlan(inputs);
  if (isError(built)) throw new Error(`the sample inputs do not build: ${built.message}`);
  return { sheets, names: {}, summary: built.summary };
}
