import { Claim, priceClaims, profileOf } from "../engine/claims";
import { Framework, builtInFramework } from "../engine/frameworks";
import { CashEnvelope } from "../engine/envelope";
import { Result, isError } from "../engine/errors";
import { headlineFigures } from "../engine/headline";
import { Decimal, dec, poundsToNumber } from "../engine/money";
import { costBreakEven, pbrRisk } from "../engine/risk";
import { AssumptionKey, Assumptions, defaultAssumptions } from "../workbook/assumptions";
import { FundingInputs, InputProblem, Overrides, applyOverrides } from "../workbook/inputs";
import { beyondFundedWarning, envelopeFor } from "../workbook/envelope-of";
import { releaseFigures } from "../workbook/plan-release";
import { PlanRelease } from "../workbook/plan-types";
import { settingProblem } from "../workbook/setting-problem";

/** The figures a coordinator watches move while dragging a what-if setting. */
export interface Headline {
  framework: string;
  /** Families attached, when the Families table gives them; null when the cohort is spread. */
  attached: number | null;
  /** Families funded: what the envelope pays for, never more than the funded number. */
  funded: number;
  /** Families attached beyond the funded number: they earn no fees or results. */
  beyondFunded: number;
  /** What the coordinator must not miss ("122 families attached beyond the 608 funded …"). */
  warnings: string[];
  envelope: number;
  secured: number;
  atRisk: number;
  expectedResults: number;
  successRate: number;
  /** Success rate at which results cover `cost` beyond the attachment fees; null: not reachable. */
  breakEven?: number | null;
  /** Results £ claimed to date (the Claims table). */
  claimed: number;
  /** £ expected to be repaid after DCLG's spot checks: claimed × share checked × share invalid. */
  expectedClawback: number;
  /** The year-2 attachment release, when the framework has it and the workbook gives attachments. */
  yearTwoRelease?: PlanRelease;
}

/**
 * Computed in the pane by the engine, with no round trip to Excel, so a change shows at once.
 * `cost` is the £ the user wants central money to cover (a team, the council's own spend).
 */
export function headline(
  inputs: FundingInputs,
  overrides: Overrides,
  cost?: number
): { headline?: Headline; problems: InputProblem[] } {
  const applied = applyOverrides(inputs, overrides);
  if (!applied.inputs) return { problems: applied.problems };
  const envelope = envelopeFor(applied.inputs);
  if (isError(envelope)) return { problems: [envelopeProblem(applied.inputs, envelope.message)] };
  const { successRate, framework } = applied.inputs.assumptions;
  let breakEven: number | null | undefined;
  if (cost !== undefined && Number.isFinite(cost) && cost >= 0) {
    const even = costBreakEven(envelope.totals, dec(cost));
    breakEven = isError(even) || !even.reachable || !even.rate ? null : even.rate.toNumber();
  }
  const claimed = claimedToDate(applied.inputs, envelope);
  if (isError(claimed)) return { problems: [claimsProblem(applied.inputs, claimed.message)] };
  const head = headlineFigures(envelope, successRate, {
    claimed,
    checked: applied.inputs.assumptions.clawbackChecked,
    invalid: applied.inputs.assumptions.clawbackInvalid,
  });
  if (isError(head)) return { problems: [envelopeProblem(applied.inputs, head.message)] };
  const release = head.yearTwoRelease;
  return {
    problems: [],
    headline: {
      framework: framework.id,
      attached: envelope.attachedGiven ? envelope.totals.attached.toNumber() : null,
      funded: envelope.funded.toNumber(),
      beyondFunded: envelope.totals.beyondFunded.toNumber(),
      warnings: beyondFundedWarning(envelope),
      envelope: poundsToNumber(head.envelope),
      secured: poundsToNumber(head.secured),
      atRisk: poundsToNumber(head.atRisk),
      expectedResults: poundsToNumber(head.expectedResults),
      successRate: successRate.toNumber(),
      breakEven,
      claimed: poundsToNumber(head.clawback.claimed),
      expectedClawback: poundsToNumber(head.clawback.clawback),
      yearTwoRelease: release && releaseFigures(framework, release),
    },
  };
}

/**
 * The last claimed total per claims list: pricing thousands of claims takes a noticeable time,
 * and most what-if changes (success rate, council contribution, cost) leave the claims, the
 * framework and the families funded each year as they were.
 */
const claimedMemo = new WeakMap<
  readonly Claim[],
  { framework: Framework; profile: string; claimed: Result<Decimal> }
>();

/** Results £ claimed to date: the claims priced as the tables price them. */
function claimedToDate(inputs: FundingInputs, envelope: CashEnvelope): Result<Decimal> {
  const { framework } = inputs.assumptions;
  const profile = profileOf(envelope);
  const key = profile.join(",");
  const memo = claimedMemo.get(inputs.claims);
  if (memo?.framework === framework && memo.profile === key) return memo.claimed;
  const priced = priceClaims(framework, inputs.claims, profile);
  const risk = isError(priced) ? priced : pbrRisk(envelope, priced);
  const claimed = isError(risk) ? risk : risk.totals.claimed;
  claimedMemo.set(inputs.claims, { framework, profile: key, claimed });
  return claimed;
}

/** Claims the engine cannot price, said against the Claims table. */
function claimsProblem(inputs: FundingInputs, reason: string): InputProblem {
  return { sheet: inputs.sources.claims.split("!")[0], cell: "", reason };
}

/** The settings the envelope is computed from, most likely first to be the one at fault. */
const ENVELOPE_SETTINGS: readonly AssumptionKey[] = ["funded", "years", "rounding", "share"];

/**
 * An envelope the engine refuses, as a problem the user can act on: the setting whose default
 * makes the envelope computable is the one at fault ("Funded families (Assumptions): the funded
 * number (1000) is more than the cohort (705)…"); failing that, the Families table's figures.
 */
function envelopeProblem(inputs: FundingInputs, reason: string): InputProblem {
  const defaults = defaultAssumptions(inputs.assumptions.framework);
  const culprit = ENVELOPE_SETTINGS.find((key) => {
    const assumptions: Assumptions = { ...inputs.assumptions, [key]: defaults[key] };
    return !isError(envelopeFor({ ...inputs, assumptions }));
  });
  if (culprit) return settingProblem(culprit, reason);
  return { sheet: inputs.sources.families.split("!")[0], cell: "", reason };
}

/**
 * The settings that decide how the workbook's rows are read (the framework: its financial years
 * and outcome types), given to the reader; the rest apply over what was read, at once.
 */
export function readingOverrides(overrides: Overrides): Overrides {
  return overrides.framework === undefined ? {} : { framework: overrides.framework };
}

/**
 * The problems of the what-if settings other than the framework (the reader names that one),
 * for when the workbook could not be read: every setting the pane cannot use is named at once,
 * not one after another as each is fixed. Checked by the reader's own rules over the chosen
 * framework's defaults, as nothing was read.
 */
export function whatIfSettingProblems(overrides: Overrides): InputProblem[] {
  const framework = builtInFramework(overrides.framework ?? "phase1") ?? builtInFramework("phase1");
  return framework ? overNothingRead(framework, overrides).problems : [];
}

/**
 * The pane's settings other than the framework over that framework's defaults, as if a
 * workbook with nothing in it had been read: what the what-if starts from with no workbook.
 */
export function overNothingRead(
  framework: Framework,
  overrides: Overrides
): ReturnType<typeof applyOverrides> {
  const rest: Overrides = { ...overrides };
  delete rest.framework;
  const nothingRead: FundingInputs = {
    families: [],
    claims: [],
    assumptions: defaultAssumptions(framework),
    sources: { families: "", claims: "" },
  };
  return applyOverrides(nothingRead, rest);
}

const GBP = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});
export const formatPounds = (amount: number): string => GBP.format(amount);
const GBP_PENCE = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
/** Small sums to the penny, as the tables' summary says them: "£751.38". */
export const formatPence = (amount: number): string => GBP_PENCE.format(amount);
const FAMILIES = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
/** Families as the tables show them: "1,294", or "608.33" with rounding "none". */
export const formatFamilies = (families: number): string => FAMILIES.format(families);
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)}%`;
