import { CashFlow, MONTHS_TO_RESULT, cashFlow } from "../engine/cashflow";
import { isError } from "../engine/errors";
import { Framework, Rounding, builtInFramework } from "../engine/frameworks";
import { Decimal, ZERO, dec, poundsToNumber, sum } from "../engine/money";
import { OUTCOME_TYPES, OutcomeId } from "../engine/outcomes";
import { countSetting, moneySetting, numberSetting } from "../engine/parse-settings";
import { TargetUnknown, targetNeeded } from "../engine/target";
import { FundingInputs, Overrides } from "../workbook/inputs";
import { beyondFundedWarning, envelopeFor } from "../workbook/envelope-of";
import { overNothingRead } from "./whatif";

/**
 * The pane's what-if: "if we attach 140 families a year and turn 65% around, what do we get, and
 * when?" The settings are kept as typed (a field being edited may be "1,4" for a moment); the
 * engine's cashFlow() answers from them on every keystroke, in the pane, with no Excel round trip.
 */
export interface WhatIfSettings {
  /** Families attached in each programme year, as typed. */
  families: string[];
  /** The overall success rate (the Assumptions one), or a share per route to a result. */
  rateBy: "overall" | "routes";
  /** Per route, the share of funded families reaching it, in % as typed ("55"). */
  routes: Partial<Record<OutcomeId, string>>;
  /** Months from attachment to the claim, as typed; blank: MONTHS_TO_RESULT. */
  monthsToResult: string;
}

/** What the what-if takes from the workbook's assumptions (or the framework's defaults). */
export interface WhatIfBase {
  framework: Framework;
  successRate: Decimal;
  /** The nominated cohort, when a Families table was read: its eligible share caps the funded. */
  cohort?: Decimal;
  fundedOverride?: Decimal;
  share?: Decimal;
  rounding?: Rounding;
}

/** One financial year's money as received, in £. */
export interface YearReceived {
  startYear: number;
  label: string;
  attachment: number;
  results: number;
  received: number;
}

/** The headline figures and the money by the year it arrives, in £ (numbers for display). */
export interface WhatIfFigures {
  /** Families the envelope pays for (attached, up to the funded number). */
  funded: number;
  envelope: number;
  secured: number;
  atRisk: number;
  expectedResults: number;
  totalReceived: number;
  years: YearReceived[];
  /** "106 families attached beyond the 588 funded earn no fees or results.", when so. */
  warnings: string[];
}

/**
 * The field a problem belongs under: "families-0" (year 1), "route-<outcome>", "months", "rate";
 * "families" for the families a year as a whole (more than the funded number allows, …).
 */
export type WhatIfProblems = Record<string, string>;

export const familiesField = (index: number) => `families-${index}`;
export const routeField = (id: OutcomeId) => `route-${id}`;

/**
 * The families a year the pane starts from, a field per programme year of the framework: the
 * Families table's attached, else its cohort spread as the envelope spreads it; with nothing
 * read, empty fields (the pane does not invent a council's numbers).
 */
export function startingFamilies(framework: Framework, inputs?: FundingInputs): string[] {
  const envelope = inputs && envelopeFor(inputs);
  const given = envelope && !isError(envelope) ? envelope.rows.map((row) => row.attached) : [];
  return framework.years.map((_, i) => given[i]?.toString() ?? "");
}

/** Programme years the families are attached over: up to the last year typed (else the usual). */
export function yearsTyped(families: readonly string[], framework: Framework): number {
  const last = families.reduce((at, text, i) => (text.trim() === "" ? at : i + 1), 0);
  return last || framework.defaultYears;
}

/** The base a read workbook gives: its framework, success rate, cohort, funded number, share. */
export function baseFromInputs(inputs: FundingInputs): WhatIfBase {
  const { assumptions } = inputs;
  return {
    framework: assumptions.framework,
    successRate: assumptions.successRate,
    cohort: sum(inputs.families.map((row) => row.nominated)),
    fundedOverride: assumptions.funded,
    share: assumptions.share,
    rounding: assumptions.rounding,
  };
}

/**
 * The base with no workbook read (or one that cannot be read): the framework chosen and the
 * pane's other settings over its defaults; none when a setting cannot be read (the pane names it).
 */
export function baseWithoutWorkbook(overrides: Overrides): WhatIfBase | undefined {
  const framework = builtInFramework(overrides.framework ?? "phase1");
  if (!framework) return undefined;
  const applied = overNothingRead(framework, overrides).inputs;
  if (!applied) return undefined;
  const { assumptions } = applied;
  return {
    framework,
    successRate: assumptions.successRate,
    fundedOverride: assumptions.funded,
    share: assumptions.share,
    rounding: assumptions.rounding,
  };
}

/** Whether any family is typed: with none, there is nothing to show but noughts. */
export const anyFamilies = (settings: WhatIfSettings): boolean =>
  settings.families.some((text) => text.trim() !== "");

/** The cashFlow input the settings give, or the problems of the fields that cannot be read. */
function flowInput(base: WhatIfBase, settings: WhatIfSettings) {
  const problems: WhatIfProblems = {};
  const attached = settings.families.map((text, i) => {
    if (text.trim() === "") return ZERO;
    const families = countSetting(`families attached in year ${i + 1}`, text);
    if (isError(families)) {
      problems[familiesField(i)] = families.message;
      return ZERO;
    }
    return families;
  });
  let routes: Partial<Record<OutcomeId, Decimal>> | undefined;
  if (settings.rateBy === "routes") {
    routes = {};
    for (const id of base.framework.turnedAroundOutcomes) {
      const text = settings.routes[id] ?? "";
      if (text.trim() === "") continue;
      const percent = numberSetting("the success rate of this route (%)", text.replace(/%$/, ""));
      if (isError(percent)) problems[routeField(id)] = percent.message;
      else routes[id] = dec(percent).div(100);
    }
  }
  let monthsToResult: number | undefined;
  if (settings.monthsToResult.trim() !== "") {
    const months = numberSetting("months to a result", settings.monthsToResult);
    if (isError(months)) problems.months = months.message;
    else monthsToResult = months;
  }
  const input = {
    framework: base.framework,
    attached,
    successRate: base.successRate,
    routes,
    monthsToResult,
    cohort: base.cohort,
    fundedOverride: base.fundedOverride,
    share: base.share,
    rounding: base.rounding,
  };
  return { input, problems };
}

/**
 * The engine's refusal, under the field it is about: the months, a route (the routes added up
 * go under the rate), else the families.
 */
function problemField(framework: Framework, message: string): string {
  if (/months to a result/.test(message)) return "months";
  const route = framework.turnedAroundOutcomes.find((id) =>
    message.includes(OUTCOME_TYPES[id].label)
  );
  if (route) return routeField(route);
  if (/success rate/.test(message)) return "rate";
  return "families";
}

const toFigures = (flow: CashFlow): WhatIfFigures => ({
  funded: flow.envelope.totals.families.toNumber(),
  envelope: poundsToNumber(flow.envelope.totals.total),
  secured: poundsToNumber(flow.attachment),
  atRisk: poundsToNumber(flow.envelope.totals.results),
  expectedResults: poundsToNumber(flow.expectedResults),
  totalReceived: poundsToNumber(flow.total),
  years: flow.years.map((year) => ({
    startYear: year.startYear,
    label: year.label,
    attachment: poundsToNumber(year.attachment),
    results: poundsToNumber(year.results),
    received: poundsToNumber(year.received),
  })),
  warnings: beyondFundedWarning(flow.envelope),
});

/** The what-if's figures, or the problems to show under the fields (no figures then). */
export function whatIfFigures(
  base: WhatIfBase,
  settings: WhatIfSettings
): { figures?: WhatIfFigures; problems: WhatIfProblems } {
  const { input, problems } = flowInput(base, settings);
  if (Object.keys(problems).length > 0) return { problems };
  const flow = cashFlow(input);
  if (isError(flow))
    return { problems: { [problemField(base.framework, flow.message)]: flow.message } };
  return { figures: toFigures(flow), problems: {} };
}

/** The goal seek's answer in words, for the pane. */
export type GoalAnswer =
  | { reachable: true; successRate?: number; familiesPerYear?: number; received: number }
  | { reachable: false; most: number; why: string }
  | { problem: string };

/**
 * "£ [amount] by [financial year]": the success rate needed with the families given, or the
 * whole families a year needed (over as many years as there are fields) at the success rate
 * given — the engine's targetNeeded(), fed from the same settings as the figures.
 */
export function goalSeek(
  base: WhatIfBase,
  settings: WhatIfSettings,
  amountText: string,
  byYear: number,
  solveFor: TargetUnknown
): GoalAnswer | undefined {
  if (amountText.trim() === "") return undefined;
  const amount = moneySetting("the amount", amountText);
  if (isError(amount)) return { problem: amount.message };
  const { input, problems } = flowInput(base, { ...settings, rateBy: "overall" });
  const first = Object.values(problems)[0];
  if (first) return { problem: first };
  // The overall rate is what is sought or given: routes are not part of the goal seek.
  const answer = targetNeeded({
    framework: input.framework,
    cohort: input.cohort,
    fundedOverride: input.fundedOverride,
    share: input.share,
    rounding: input.rounding,
    monthsToResult: input.monthsToResult,
    successRate: input.successRate,
    attached: solveFor === "success-rate" ? input.attached : undefined,
    amount,
    byYear,
    solveFor,
    years: yearsTyped(settings.families, base.framework),
  });
  if (isError(answer)) return { problem: answer.message };
  if (!answer.reachable)
    return { reachable: false, most: poundsToNumber(answer.most), why: answer.why };
  return {
    reachable: true,
    successRate: answer.successRate?.toNumber(),
    familiesPerYear: answer.familiesPerYear?.toNumber(),
    received: poundsToNumber(answer.received),
  };
}

export { MONTHS_TO_RESULT };
