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
import { Provenance } from "../engine/provenance";
import { REALISM_PROVENANCE, SPOT_CHECKS } from "../engine/realism";
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
  /** Share of claims DCLG spot-checks (2.1% published). */
  clawbackChecked: Decimal;
  /** Share of the checked claims found invalid and clawed back. */
  clawbackInvalid: Decimal;
  /**
   * The settings a user gave, each with where ("the Assumptions table, Inputs!B7"); what is not
   * here is the framework's figure or the tool's default. Replaced, never changed in place.
   */
  given?: Partial<Record<AssumptionKey, string>>;
  /** The authority the workbook is for ("Authority" in its Assumptions table): the page header. */
  authority?: string;
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
  | "clawbackChecked"
  | "clawbackInvalid";

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
  clawbackChecked: [
    "share of claims checked",
    "share of claims spot checked",
    "claims checked",
    "claims spot checked",
    "clawback checked",
  ],
  clawbackInvalid: [
    "share of checked claims found invalid",
    "checked claims found invalid",
    "share of checked claims invalid",
    "invalid share of checked claims",
    "clawback invalid",
  ],
};

/**
 * The single "Clawback rate" this tool once read. It mixed two published figures (the share of
 * claims checked and the share of those found invalid), so it is refused with what replaced it
 * rather than read as either.
 */
const RETIRED_NAMES = new Set(
  [
    "clawback rate",
    "clawbackRate",
    "clawback",
    "invalid claims",
    "invalid claim rate",
    "spot check clawback",
  ].map(normaliseName)
);

/** Why an old clawback setting is not read, and what to give instead. */
export const CLAWBACK_RATE_RETIRED =
  'the single clawback rate was replaced by two settings, "Share of claims checked" (DCLG checked about 2.1%) and "Share of checked claims found invalid" (2-3% early, about 10% in the last round): the expected clawback is claimed × checked × invalid. Give those instead.';

/** Whether a label names the retired single clawback rate. */
export function isRetiredClawbackRate(label: string): boolean {
  return RETIRED_NAMES.has(normaliseName(label));
}

/**
 * Where each setting's default comes from, beside the defaults below: read by the Funding
 * assumptions sheet and `tables --json`. The settings taken from the framework's data carry the
 * framework's own provenance; these are the ones the framework does not hold (the clawback).
 */
export const SETTING_PROVENANCE: Partial<Record<AssumptionKey, Provenance>> = {
  clawbackChecked: REALISM_PROVENANCE.checked,
  clawbackInvalid: REALISM_PROVENANCE.invalid,
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
    clawbackChecked: SPOT_CHECKS.checked,
    clawbackInvalid: SPOT_CHECKS.invalid,
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
  clawbackChecked: "the share of claims checked",
  clawbackInvalid: "the share of checked claims found invalid",
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
      case "clawbackChecked":
      case "clawbackInvalid":
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

/** Labels naming the authority: text for the printed page header, not a what-if setting. */
const AUTHORITY_NAMES = new Set(
  ["authority", "local authority", "council", "council name", "authority name"].map(normaliseName)
);

/** Whether a label in the Assumptions table names the authority the workbook is for. */
export const isAuthorityLabel = (label: string): boolean =>
  AUTHORITY_NAMES.has(normaliseName(label));

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
    if (!key && typeof label === "string" && isAuthorityLabel(label)) {
      if (typeof value === "string" && value.trim()) assumptions.authority = value.trim();
      continue;
    }
    if (!key && typeof label === "string" && isRetiredClawbackRate(label)) {
      problems.push({
        sheet: table.sheet,
        cell: cellOf(table, row, "setting"),
        reason: `${JSON.stringify(label)}: ${CLAWBACK_RATE_RETIRED}`,
      });
      ok = false;
      continue;
    }
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
