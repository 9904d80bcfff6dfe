import { FundingError } from "./errors";
import { Framework } from "./frameworks";
import { Problems } from "./messages";
import { OUTCOME_IDS, OUTCOME_TYPES, OutcomeId } from "./outcomes";

/*
 * Whether a framework pays a result for an outcome type, asked in one place: a claim, a cell,
 * a table row and a framework switch all get the same answer and the same message.
 */

/** The outcome types the framework pays a result for, in the order of OUTCOME_IDS. */
export function paidOutcomes(framework: Framework): OutcomeId[] {
  return OUTCOME_IDS.filter((id) => framework.results.has(id));
}

export function paysFor(framework: Framework, outcome: OutcomeId): boolean {
  return framework.results.has(outcome);
}

/**
 * The problem when the framework pays no result for this outcome type (undefined when it does):
 * it names the outcome as the council wrote it (`label`) or by its own label, and lists what the
 * framework pays for.
 */
export function outcomeNotPaid(
  framework: Framework,
  outcome: OutcomeId,
  label?: string
): FundingError | undefined {
  if (paysFor(framework, outcome)) return undefined;
  const name = label ?? OUTCOME_TYPES[outcome]?.label ?? String(outcome);
  const paid = paidOutcomes(framework).map((id) => OUTCOME_TYPES[id].label);
  return Problems.outcomeNotPaid(name, framework.id, paid);
}
