import { normaliseName } from "../engine/text";
import { CellValue } from "./plan-types";

/**
 * Column names councils use for the same thing, matched case-, space- and
 * punctuation-insensitively ("Families attached", "FAMILIES_ATTACHED", "families attached (paid)").
 */
export interface ColumnSpec<K extends string> {
  key: K;
  names: readonly string[];
  required: boolean;
}

export const FAMILIES_COLUMNS: readonly ColumnSpec<"year" | "nominated" | "attached">[] = [
  { key: "year", names: ["financial year", "year", "fy", "programme year"], required: true },
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
    ],
    required: true,
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
  },
];

export type ClaimsColumn = "date" | "outcome" | "families" | "amount" | "reference";

export const CLAIMS_COLUMNS: readonly ColumnSpec<ClaimsColumn>[] = [
  {
    key: "date",
    names: ["claim date", "date", "date claimed", "claimed on", "claim window"],
    required: true,
  },
  {
    key: "outcome",
    names: ["outcome", "outcome type", "result", "result type", "outcome achieved", "outcomes"],
    required: true,
  },
  {
    key: "families",
    names: ["families", "number of families", "families claimed", "count", "number", "claims"],
    required: true,
  },
  {
    key: "amount",
    names: ["amount", "amount £", "£", "value", "claimed £", "amount claimed", "payment"],
    required: false,
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
  },
];

export const ASSUMPTION_COLUMNS: readonly ColumnSpec<"setting" | "value">[] = [
  { key: "setting", names: ["setting", "assumption", "name", "item"], required: true },
  { key: "value", names: ["value", "amount", "input"], required: true },
];

const normal = (value: CellValue): string =>
  typeof value === "string" ? normaliseName(value.replace(/£/g, " ")) : "";

/** Which column each key is in (0-based), or undefined if a required column is missing. */
export function matchHeader<K extends string>(
  header: readonly CellValue[],
  specs: readonly ColumnSpec<K>[]
): { columns: Partial<Record<K, number>>; missing: ColumnSpec<K>[] } {
  const names = header.map(normal);
  const columns: Partial<Record<K, number>> = {};
  const taken = new Set<number>();
  for (const spec of specs) {
    const wanted = spec.names.map((n) => normaliseName(n));
    const index = names.findIndex((name, i) => !taken.has(i) && wanted.includes(name));
    if (index >= 0) {
      columns[spec.key] = index;
      taken.add(index);
    }
  }
  const missing = specs.filter((spec) => spec.required && columns[spec.key] === undefined);
  return { columns, missing };
}
