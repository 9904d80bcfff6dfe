/**
 * Where a figure comes from. A finance officer signs the tables off and a scrutiny panel
 * questions them, so every rate and assumption says whether it is published (and where),
 * inferred from published figures (and how), the tool's own default, or the user's.
 */
export type Basis = "published" | "inferred" | "default" | "yours";

export interface Provenance {
  basis: Basis;
  /** For `published`: the source's title, date and the table or paragraph. */
  source?: string;
  /** For `inferred` (and a `default` worth explaining): the reasoning, in one line. */
  reasoning?: string;
}

/** One assumption as the tables, the pane and `tables --json` list it. */
export interface AssumptionUsed {
  /** The setting as a person names it: "Success rate", "Year-2 crime/ASB/education result". */
  setting: string;
  /** The value as shown: "65%", "£1,500", "phase1". */
  value: string;
  basis: Basis;
  /** The source (published) or the reasoning (inferred, default); where it was given (yours). */
  source: string;
}
