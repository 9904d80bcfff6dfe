import { Result, isError } from "../engine/errors";
import { Framework, Rounding, builtInFramework } from "../engine/frameworks";
import { Decimal, dec } from "../engine/money";
import {
  countSetting,
  frameworkSetting,
  isBlankSetting,
  moneySetting,
  roundingSetting,
  shareSetting,
  yearsSetting,
} from "../engine/parse-settings";
import { normaliseName } from "../engine/text";
import { ASSUMPTION_COLUMNS } from "./headers";
import { InputProblem, cellOf, locateTable } from "./locate";
import { CellValue } from "./plan-types";
import { WorkbookSnapshot } from "./snapshot";

/** The what-if settings the tables are built with; each has a sensible default. */
export interface Assumptions {
  framework: Framework;
  /** Programme years to spread the cohort over when families attached per year are not given. */
  years?: number;
  rounding: Rounding;
  share: Decimal;
  /** The authority's agreed funded number, in place of share × cohort. */
  funded?: Decimal;
  councilContribution: Decimal;
  /** Share of the results maximum expected to be achieved. */
  successRate: Decimal;
  /** The framework's fixed yearly grant line (co-ordinator, Service Transformation, up-front). */
  grantPerYear: Decimal;
  employmentTarget?: Decimal;
  /** Share of claimed £ expected to be found invalid at spot checks and clawed back. */
  clawbackRate: Decimal;
  /**
   * The settings a user gave, each with where ("the Assumptions table, Inputs!B7"); what is not
   * here is the framework's figure or the tool's default. Replaced, never changed in place.
   */
  given?: Partial<Record<AssumptionKey, string>>;
}

export type AssumptionKey =
  | "framework"
  | "years"
  | "rounding"
  | "share"
  | "funded"
  | "councilContribution"
  | "successRate"
  | "grantPerYear"
  | "employmentTarget"
  | "clawbackRate";

const SETTING_NAMES: Record<AssumptionKey, readonly string[]> = {
  framework: ["framework", "programme", "phase", "funding framework"],
  years: ["years", "programme years", "attach over years", "years to attach"],
  rounding: ["rounding", "rounding of families"],
  share: ["eligibility share", "share", "funded share"],
  funded: [
    "funded",
    "funded families",
    "funded override",
    "agreed funded number",
    "funded families override",
  ],
  councilContribution: [
    "council contribution",
    "council contribution per family",
    "council contribution £ per family",
  ],
  successRate: ["success rate", "assumed success rate", "expected success rate"],
  grantPerYear: [
    "grant",
    "grant per year",
    "co ordinator grant",
    "coordinator grant",
    "service transformation grant",
    "up front amount",
  ],
  employmentTarget: ["employment target", "employment share target"],
  clawbackRate: [
    "clawback rate",
    "clawback",
    "invalid claims",
    "invalid claim rate",
    "spot check clawback",
  ],
};

const BY_NAME = new Map<string, AssumptionKey>(
  (Object.entries(SETTING_NAMES) as [AssumptionKey, readonly string[]][]).flatMap(([key, names]) =>
    names.map((name) => [normaliseName(name), key] as [string, AssumptionKey])
  )
);

export function defaultAssumptions(framework: Framework): Assumptions {
  return {
    framework,
    rounding: framework.rounding,
    share: framework.eligibilityShare,
    councilContribution: framework.councilContributionPerFamily,
    successRate: dec(1),
    grantPerYear: framework.grant?.perYear ?? dec(0),
    employmentTarget: framework.employmentTarget,
    clawbackRate: dec(0),
    given: {},
  };
}

/** Where a setting given outside the workbook came from, when the caller does not say. */
export const GIVEN_OUTSIDE = "given outside the workbook (a command-line flag or the task pane)";

/** How a setting is named in its problems ("the success rate must be …"), by every adapter. */
export const SETTING_WHAT: Record<AssumptionKey, string> = {
  framework: "the framework",
  years: "years",
  rounding: "rounding",
  share: "the eligibility share",
  funded: "the funded number",
  councilContribution: "the council contribution",
  successRate: "the success rate",
  grantPerYear: "the grant",
  employmentTarget: "the employment target",
  clawbackRate: "the clawback rate",
};

/**
 * Sets one assumption from what a user wrote (in the Assumptions table, as a command-line flag
 * or in the pane), read by the engine's one set of setting parsers; returns the reason when the
 * value cannot be used. A blank value leaves the assumption as it was.
 */
export function setAssumption(
  assumptions: Assumptions,
  key: AssumptionKey,
  value: CellValue,
  /** Where the user gave it, for the basis of figures: "the Assumptions table, Inputs!B7". */
  where: string = GIVEN_OUTSIDE
): string | undefined {
  if (isBlankSetting(value)) return undefined;
  const what = SETTING_WHAT[key];
  const parsed = ((): Result<unknown> => {
    switch (key) {
      case "framework":
        return frameworkSetting(value);
      case "years":
        return yearsSetting(what, value, assumptions.framework);
      case "rounding":
        return roundingSetting(value);
      case "funded":
        // Fractions of families are the engine's to refuse: they depend on the rounding rule.
        return countSetting(what, value, true);
      case "councilContribution":
      case "grantPerYear":
        return moneySetting(what, value);
      case "share":
      case "successRate":
      case "employmentTarget":
      case "clawbackRate":
        return shareSetting(what, value);
    }
  })();
  if (isError(parsed)) return parsed.message;
  const given = assumptions.given ?? {};
  if (key === "framework") {
    // A new framework brings its own defaults; what the user set beyond them stays.
    const kept = Object.fromEntries(
      (["years", "funded"] as const).flatMap((k) => (given[k] ? [[k, given[k]]] : []))
    );
    Object.assign(assumptions, {
      ...defaultAssumptions(parsed as Framework),
      years: assumptions.years,
      funded: assumptions.funded,
    });
    assumptions.given = { ...kept, framework: where };
  } else {
    (assumptions as unknown as Record<AssumptionKey, unknown>)[key] = parsed;
    assumptions.given = { ...given, [key]: where };
  }
  return undefined;
}

/** Finds the setting a user's label names, or undefined. */
export function assumptionKey(label: string): AssumptionKey | undefined {
  return (
    BY_NAME.get(normaliseName(label)) ??
    (Object.keys(SETTING_NAMES) as AssumptionKey[]).find(
      (k) => k.toLowerCase() === label.toLowerCase()
    )
  );
}

/**
 * Reads the workbook's Assumptions table (Setting | Value), if it has one; every setting it does
 * not give keeps its default. The framework is read first, since the other defaults follow it.
 */
export function readAssumptions(
  snapshot: WorkbookSnapshot,
  problems: InputProblem[]
): Assumptions | undefined {
  const phase1 = builtInFramework("phase1") as Framework;
  const assumptions = defaultAssumptions(phase1);
  const found = locateTable(snapshot, "Assumptions", ASSUMPTION_COLUMNS);
  if (!found.table) return assumptions;
  const table = found.table;
  const entries = table.rows.map(({ row, cells }) => ({
    row,
    label: cells[table.columns.setting ?? 0],
    value: cells[table.columns.value ?? 1],
  }));
  const known = entries.map((e) => ({
    ...e,
    key: typeof e.label === "string" ? assumptionKey(e.label) : undefined,
  }));
  const ordered = [
    ...known.filter((e) => e.key === "framework"),
    ...known.filter((e) => e.key !== "framework"),
  ];
  let ok = true;
  for (const { row, label, value, key } of ordered) {
    if (!key) {
      problems.push({
        sheet: table.sheet,
        cell: cellOf(table, row, "setting"),
        reason: `${JSON.stringify(label)} is not a setting: use ${Object.values(SETTING_NAMES)
          .map((n) => n[0])
          .join(", ")}.`,
      });
      ok = false;
      continue;
    }
    const cell = cellOf(table, row, "value");
    const reason = setAssumption(
      assumptions,
      key,
      value,
      `the Assumptions table, ${table.sheet}!${cell}`
    );
    if (reason) {
      problems.push({ sheet: table.sheet, cell, reason });
      ok = false;
    }
  }
  return ok ? assumptions : undefined;
}
