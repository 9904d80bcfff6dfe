import {
  FRAMEWORK_IDS,
  Framework,
  ROUNDINGS,
  Rounding,
  builtInFramework,
  parseShare,
} from "../engine/frameworks";
import { MAX_FAMILIES, MAX_MONEY } from "../engine/messages";
import { Decimal, dec } from "../engine/money";
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
  };
}

const percent = (value: CellValue): Decimal | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? dec(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text.endsWith("%") ? parseShare(text.slice(0, -1))?.div(100) : parseShare(text);
};

const amount = (value: CellValue): Decimal | undefined => {
  const text = typeof value === "string" ? value.replace(/[£,\s]/g, "") : value;
  const n =
    typeof text === "number" ? text : typeof text === "string" && text !== "" ? Number(text) : NaN;
  return Number.isFinite(n) ? dec(n) : undefined;
};

/**
 * Sets one assumption from what a user wrote (in the Assumptions table or as a command-line
 * flag); returns the reason when the value cannot be used.
 */
export function setAssumption(
  assumptions: Assumptions,
  key: AssumptionKey,
  value: CellValue
): string | undefined {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  switch (key) {
    case "framework": {
      const framework = typeof value === "string" ? builtInFramework(value) : undefined;
      if (!framework)
        return `there is no framework called ${JSON.stringify(value)}: use one of ${FRAMEWORK_IDS.join(", ")}.`;
      Object.assign(assumptions, {
        ...defaultAssumptions(framework),
        years: assumptions.years,
        funded: assumptions.funded,
      });
      return undefined;
    }
    case "years": {
      const n = amount(value)?.toNumber();
      const most = assumptions.framework.years.length;
      if (n === undefined || !Number.isInteger(n) || n < 1 || n > most)
        return `years must be a whole number from 1 to ${most}, not ${JSON.stringify(value)}.`;
      assumptions.years = n;
      return undefined;
    }
    case "rounding": {
      const name = String(value)
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-");
      const found = ROUNDINGS.find((r) => r === name || r.replace("-", "") === name);
      if (!found)
        return `rounding must be "half-up", "none" or "down", not ${JSON.stringify(value)}.`;
      assumptions.rounding = found;
      return undefined;
    }
    case "funded": {
      const n = amount(value);
      if (n === undefined || n.isNegative() || n.greaterThan(MAX_FAMILIES))
        return `the funded number must be a number of families, not ${JSON.stringify(value)}.`;
      assumptions.funded = n;
      return undefined;
    }
    case "councilContribution":
    case "grantPerYear": {
      const n = amount(value);
      if (n === undefined || n.isNegative() || n.greaterThan(MAX_MONEY))
        return `${key === "grantPerYear" ? "the grant" : "the council contribution"} must be £ (not negative), not ${JSON.stringify(value)}.`;
      assumptions[key] = n;
      return undefined;
    }
    case "share":
    case "successRate":
    case "employmentTarget":
    case "clawbackRate": {
      const n = percent(value);
      if (n === undefined || n.isNegative() || n.greaterThan(1))
        return `this must be a share from 0% to 100% (such as 65% or 0.65), not ${JSON.stringify(value)}.`;
      assumptions[key] = n;
      return undefined;
    }
  }
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
    const reason = setAssumption(assumptions, key, value);
    if (reason) {
      problems.push({ sheet: table.sheet, cell: cellOf(table, row, "value"), reason });
      ok = false;
    }
  }
  return ok ? assumptions : undefined;
}
