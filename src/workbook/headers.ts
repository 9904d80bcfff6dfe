import { normaliseName } from "../engine/text";
import { CellValue } from "./plan-types";

/**
 * Column names councils use for the same thing, matched case-, space- and
 * punctuation-insensitively ("Families attached", "FAMILIES_ATTACHED", "families attached (paid)"),
 * with "No. of"/"Number of" and "£" left out ("No. of families identified" is "families
 * identified", "Payment received £" is "payment received").
 */
export interface ColumnSpec<K extends string> {
  key: K;
  names: readonly string[];
  required: boolean;
  /** The column in a sentence: "a families-nominated column". */
  what: string;
  /** Headings to suggest when the column is missing, the usual one first. */
  headings: readonly string[];
}

export const FAMILIES_COLUMNS: readonly ColumnSpec<"year" | "nominated" | "attached">[] = [
  {
    key: "year",
    names: ["financial year", "year", "fy", "programme year", "year of programme"],
    required: true,
    what: "financial-year",
    headings: ["Financial year"],
  },
  {
    key: "nominated",
    names: [
      "families nominated",
      "nominated",
      "families identified",
      "identified",
      "cohort",
      "families in cohort",
      "nominated families",
      "identified families",
      "families identified nominated",
      "families nominated identified",
      "families identified or nominated",
      "families nominated or identified",
      "cohort size",
    ],
    required: true,
    what: "families-nominated",
    headings: ["Families nominated", "Families identified"],
  },
  {
    key: "attached",
    names: [
      "families attached",
      "attached",
      "families attached paid",
      "attached families",
      "families funded",
      "funded",
    ],
    required: false,
    what: "families-attached",
    headings: ["Families attached"],
  },
];

export type ClaimsColumn = "date" | "outcome" | "families" | "amount" | "reference";

export const CLAIMS_COLUMNS: readonly ColumnSpec<ClaimsColumn>[] = [
  {
    key: "date",
    names: [
      "claim date",
      "date",
      "date claimed",
      "claimed on",
      "claim window",
      "date of claim",
      "claim month",
      "month of claim",
      "month claimed",
      "claim period",
      "date submitted",
    ],
    required: true,
    what: "claim-date",
    headings: ["Claim date", "Date of claim"],
  },
  {
    key: "outcome",
    names: [
      "outcome",
      "outcome type",
      "result",
      "result type",
      "outcome achieved",
      "outcomes",
      "outcome claimed",
      "type of outcome",
      "result claimed",
      "type of result",
    ],
    required: true,
    what: "outcome",
    headings: ["Outcome", "Type of outcome"],
  },
  {
    key: "families",
    names: [
      "families",
      "number of families",
      "families claimed",
      "count",
      "number",
      "claims",
      "families claimed for",
    ],
    required: true,
    what: "number-of-families",
    headings: ["Families", "Number of families claimed"],
  },
  {
    key: "amount",
    names: [
      "amount",
      "amount £",
      "£",
      "value",
      "claimed £",
      "amount claimed",
      "payment",
      "payment received",
      "amount received",
      "amount paid",
      "payment amount",
      "claim value",
      "pbr payment",
      "results payment",
    ],
    required: false,
    what: "amount",
    headings: ["Amount £"],
  },
  {
    // Optional: without it, two identical rows are two claims (the same window, outcome and
    // count is common); with it, a reference given twice is the same claim entered twice.
    key: "reference",
    names: [
      "claim reference",
      "reference",
      "ref",
      "claim ref",
      "claim id",
      "reference number",
      "claim reference number",
    ],
    required: false,
    what: "claim-reference",
    headings: ["Claim reference"],
  },
];

export const ASSUMPTION_COLUMNS: readonly ColumnSpec<"setting" | "value">[] = [
  {
    key: "setting",
    names: ["setting", "assumption", "name", "item"],
    required: true,
    what: "setting",
    headings: ["Setting"],
  },
  {
    key: "value",
    names: ["value", "amount", "input"],
    required: true,
    what: "value",
    headings: ["Value"],
  },
];

/**
 * The form in which headers are compared: "No. of families identified", "Number of families
 * identified" and "families identified" are one; "Payment received £" is "payment received".
 * "Number" alone stays: it is a heading of its own.
 */
export function headerKey(text: string): string {
  if (/^\W*£\W*$/.test(text)) return "£";
  return normaliseName(text.replace(/[£#]/g, " "))
    .replace(/\bgbp\b/g, "")
    .trim()
    .replace(/^(?:no|nr|num|number)(?: of)? (?=\S)/, "")
    .replace(/\s+/g, " ");
}

const normal = (value: CellValue): string => (typeof value === "string" ? headerKey(value) : "");

/** Two or more columns of one header row that name the same thing (0-based). */
export interface DuplicateColumns<K extends string> {
  spec: ColumnSpec<K>;
  columns: number[];
}

/**
 * Which column each key is in (0-based); which required columns are missing; and any key that
 * more than one column names (the first is used, but the caller reports it: never a silent pick).
 */
export function matchHeader<K extends string>(
  header: readonly CellValue[],
  specs: readonly ColumnSpec<K>[]
): {
  columns: Partial<Record<K, number>>;
  missing: ColumnSpec<K>[];
  duplicates: DuplicateColumns<K>[];
} {
  const names = header.map(normal);
  const columns: Partial<Record<K, number>> = {};
  const duplicates: DuplicateColumns<K>[] = [];
  const taken = new Set<number>();
  for (const spec of specs) {
    const wanted = new Set(spec.names.map(headerKey));
    const matching: number[] = [];
    names.forEach((name, i) => {
      if (name !== "" && !taken.has(i) && wanted.has(name)) matching.push(i);
    });
    if (matching.length > 0) {
      columns[spec.key] = matching[0];
      for (const i of matching) taken.add(i);
    }
    if (matching.length > 1) duplicates.push({ spec, columns: matching });
  }
  const missing = specs.filter((spec) => spec.required && columns[spec.key] === undefined);
  return { columns, missing, duplicates };
}

/**
 * A header written over two rows, as one row: officers merge a heading down over two rows
 * beside headings grouped under a label ("Claim" over "Outcome type" and "Number of families"),
 * or split a long heading ("Number of" above "families"). Each column takes the lower row's
 * heading if it names a column, else the upper row's, else the two read as one.
 */
export function twoRowHeader<K extends string>(
  upper: readonly CellValue[],
  lower: readonly CellValue[],
  specs: readonly ColumnSpec<K>[]
): CellValue[] {
  const known = new Set(specs.flatMap((spec) => spec.names.map(headerKey)));
  const names = (value: CellValue) => known.has(normal(value));
  const width = Math.max(upper.length, lower.length);
  const header: CellValue[] = [];
  for (let i = 0; i < width; i++) {
    const [top, bottom] = [upper[i] ?? null, lower[i] ?? null];
    if (names(bottom)) header.push(bottom);
    else if (names(top)) header.push(top);
    else if (typeof top === "string" && typeof bottom === "string") header.push(`${top} ${bottom}`);
    else header.push(bottom ?? top);
  }
  return header;
}

export type PeersColumn = "authority" | "cohort" | "turnedAround" | "region" | "asAt" | "source";

/**
 * A Peers table: other councils' published cohorts and families turned around (DCLG's progress
 * tables, councils' own papers), each row with where it was published and the date it is as at.
 */
export const PEERS_COLUMNS: readonly ColumnSpec<PeersColumn>[] = [
  {
    key: "authority",
    names: ["authority", "local authority", "council", "upper tier authority", "la", "area"],
    required: true,
    what: "authority",
    headings: ["Authority"],
  },
  {
    key: "cohort",
    names: [
      "families in the cohort",
      "families in cohort",
      "families in the programme",
      "families in programme",
      "cohort",
      "cohort size",
      "troubled families",
    ],
    required: true,
    what: "families-in-the-cohort",
    headings: ["Families in the cohort"],
  },
  {
    key: "turnedAround",
    names: ["families turned around", "turned around", "families turned round", "turned round"],
    required: true,
    what: "families-turned-around",
    headings: ["Families turned around"],
  },
  {
    key: "region",
    names: ["region"],
    required: false,
    what: "region",
    headings: ["Region"],
  },
  {
    key: "asAt",
    names: ["as at", "figures as at", "as at date", "date of figures"],
    required: false,
    what: "as-at",
    headings: ["As at"],
  },
  {
    key: "source",
    names: ["source", "sources", "published in", "publication"],
    required: false,
    what: "source",
    headings: ["Source"],
  },
];
