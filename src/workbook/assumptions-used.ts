import { Framework, FrameworkProvenance } from "../engine/frameworks";
import { Decimal } from "../engine/money";
import { OUTCOME_TYPES, OutcomeId } from "../engine/outcomes";
import { paidOutcomes } from "../engine/paid-outcomes";
import { AssumptionUsed, Provenance } from "../engine/provenance";
import { AssumptionKey, Assumptions, SETTING_PROVENANCE, SETTING_WHAT } from "./assumptions";

/*
 * Every rate and assumption a set of tables is built with, each with its basis: the list
 * `tables --json` prints, the summary's "Defaults used" and the Funding assumptions sheet's
 * Basis and Source columns read.
 */

const GBP = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** £ as a report writes it: "£2,400", "£69,325.93". */
export function moneyText(amount: Decimal): string {
  const text = GBP.format(amount.toNumber());
  return /\.\d$/.test(text) ? `${text}0` : text;
}

/** A share as a person writes it: "5/6" for sixths that are no round percentage, else "65%". */
export function shareText(share: Decimal): string {
  const sixths = share.times(6);
  if (sixths.isInteger() && !share.times(100).isInteger()) return `${sixths.toNumber()}/6`;
  return `${share.times(100).toDecimalPlaces(2).toNumber()}%`;
}

/** The source column of a basis: the source (published), the reasoning, or where it was given. */
export function sourceText(provenance: Provenance): string {
  return provenance.source ?? provenance.reasoning ?? "";
}

const MONEY: ReadonlySet<AssumptionKey> = new Set(["councilContribution", "grantPerYear"]);
const COUNTS: ReadonlySet<AssumptionKey> = new Set(["years", "funded"]);

/** The assumption keys that are a framework setting until a user gives them. */
const FRAMEWORK_SETTING: Partial<Record<AssumptionKey, keyof FrameworkProvenance>> = {
  share: "eligibilityShare",
  rounding: "rounding",
  councilContribution: "councilContributionPerFamily",
  grantPerYear: "grant",
  employmentTarget: "employmentTarget",
};

/** Why the tool's own default is what it is, for the settings that have one. */
const DEFAULT_REASONING: Partial<Record<AssumptionKey, string>> = {
  framework: "phase 1, when the workbook names no framework",
  successRate: "every result achieved: the most the results can pay",
};

/** A setting's name as a person reads it: "Success rate", "Co-ordinator grant per year". */
function settingName(key: AssumptionKey, framework: Framework): string {
  if (key === "grantPerYear") return `${framework.grant?.label ?? "Grant"} per year`;
  if (key === "councilContribution") return "Council contribution per family";
  const what = SETTING_WHAT[key] ?? key;
  const bare = what.replace(/^the /, "");
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function valueText(key: AssumptionKey, value: unknown): string {
  if (value instanceof Decimal) {
    if (MONEY.has(key)) return moneyText(value);
    if (COUNTS.has(key)) return value.toString();
    return shareText(value);
  }
  if (typeof value === "object" && value !== null && "id" in value) {
    return String((value as { id: unknown }).id);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

const used = (setting: string, value: string, provenance: Provenance): AssumptionUsed => ({
  setting,
  value,
  basis: provenance.basis,
  source: sourceText(provenance),
});

/**
 * The basis of a setting's value: yours (and where) when a user gave it, else the framework's
 * basis for the settings a framework sets, else the tool's default.
 */
export function settingBasis(assumptions: Assumptions, key: AssumptionKey): Provenance {
  const where = assumptions.given?.[key];
  if (where) return { basis: "yours", source: where };
  const fromFramework = FRAMEWORK_SETTING[key];
  const provenance = assumptions.framework.definition.provenance;
  return (
    (fromFramework && (provenance[fromFramework] as Provenance | undefined)) ??
    SETTING_PROVENANCE[key] ?? {
      basis: "default",
      reasoning: DEFAULT_REASONING[key] ?? "not given: the tool's default",
    }
  );
}

/** The settings of the Assumptions table (any key, with the basis of its value). */
export function settingsUsed(assumptions: Assumptions): AssumptionUsed[] {
  const { framework } = assumptions;
  const keys = Object.keys(SETTING_WHAT) as AssumptionKey[];
  return keys.flatMap((key) => {
    const value = (assumptions as unknown as Record<string, unknown>)[key];
    if (value === undefined || value === null) return [];
    return [
      used(settingName(key, framework), valueText(key, value), settingBasis(assumptions, key)),
    ];
  });
}

/** The framework's rates by programme year, its claim windows, payment lag and end. */
export function ratesUsed(framework: Framework): AssumptionUsed[] {
  const provenance = framework.definition.provenance;
  const perYear = framework.years.flatMap((year, i) => [
    used(
      `Attachment fee, ${year.label}`,
      moneyText(framework.attachment[i]),
      provenance.attachment
    ),
    used(
      `Results total, ${year.label}`,
      moneyText(framework.resultsTotal[i]),
      provenance.resultsTotal
    ),
    ...paidOutcomes(framework).map((outcome: OutcomeId) =>
      used(
        `${OUTCOME_TYPES[outcome].label} result, ${year.label}`,
        moneyText(framework.results.get(outcome)?.[i] ?? new Decimal(0)),
        provenance.results[outcome]?.[i] ?? provenance.resultsTotal
      )
    ),
  ]);
  const windows = framework.claimWindows;
  return [
    ...perYear,
    used(
      "Claim windows",
      windows.length === 0
        ? "none"
        : `${windows.length}, ${windows[0]} to ${windows[windows.length - 1]}`,
      provenance.claimWindows
    ),
    used(
      "Payment lag",
      `${framework.paymentLagMonths} month${framework.paymentLagMonths === 1 ? "" : "s"}`,
      provenance.paymentLagMonths
    ),
    used("Programme end (last claim)", framework.programmeEnd, provenance.programmeEnd),
  ];
}

/** Every setting and rate the tables are built with, settings first. */
export function assumptionsUsed(assumptions: Assumptions): AssumptionUsed[] {
  return [...settingsUsed(assumptions), ...ratesUsed(assumptions.framework)];
}

/** "success rate 100% (default), co-ordinator grant per year £100,000 (default)". */
function listed(assumptions: readonly AssumptionUsed[]): string {
  return assumptions
    .map(
      ({ setting, value, basis }) =>
        `${setting.charAt(0).toLowerCase()}${setting.slice(1)} ${value} (${basis})`
    )
    .join(", ");
}

/**
 * What nobody entered, said: every figure the tool chose ("Defaults used: …") and every rate
 * inferred rather than published ("Inferred: …"). Empty when the user gave everything.
 */
export function defaultsText(assumptions: readonly AssumptionUsed[]): string[] {
  const defaults = assumptions.filter((a) => a.basis === "default");
  const inferred = assumptions.filter((a) => a.basis === "inferred");
  return [
    ...(defaults.length === 0 ? [] : [`Defaults used: ${listed(defaults)}.`]),
    ...(inferred.length === 0 ? [] : [`Inferred, not published: ${listed(inferred)}.`]),
  ];
}
