import { toSerial } from "./dates";
import { FundingError, Result } from "./errors";
import { OUTCOME_TYPES, OutcomeId, findOutcome, isPartOfResult } from "./outcomes";
import { RawValue } from "./parse-numbers";
import { quote } from "./text";

/**
 * One parser per kind of value a council types into a cell — a count of families, an amount of
 * £, a date, an outcome — so that a value reads the same in an input table, a TF_ function and a
 * flag, with the same problem text. Each takes the cell's value as a reader hands it (number,
 * text, boolean or null) and `what` names it in the message ("families nominated").
 *
 * Blank cells are the caller's decision (a blank attached count means "not given", a blank claim
 * count is a problem), so each parser expects a value that `isBlank` has let through. Counts and
 * £ are read by parse-numbers.ts, the same parsers a setting, a TF_ argument and a flag use.
 */
export { isBlank, parseAmount, parseCount } from "./parse-numbers";
export type { RawValue } from "./parse-numbers";

const problem = (kind: "value" | "num", message: string) => new FundingError(kind, message);

export const ValueProblems = {
  notAnOutcome: (got: unknown, accepted: readonly string[]) =>
    problem(
      "value",
      `${quote(got)} is not an outcome type: use one of ${accepted.map((a) => `"${a}"`).join(", ")}.`
    ),
  partOfAResult: (got: unknown, accepted: readonly string[]) =>
    problem(
      "value",
      `${quote(got)} is only one part of a result: the crime/ASB and education result is paid once a family has achieved both parts, so enter such a family once as "Crime/ASB and education" (a family that achieved one part has no result to claim yet). Outcome types: ${accepted.map((a) => `"${a}"`).join(", ")}.`
    ),
};

/** A date: an Excel date (serial), ISO text or UK text, read as dates.ts `toSerial` reads it. */
export function parseDate(what: string, value: RawValue): Result<number> {
  if (typeof value === "number" || typeof value === "string") return toSerial(what, value);
  return toSerial(what, String(value));
}

/**
 * An outcome type from a council's label. A label naming one part of a result ("Crime",
 * "Education") is refused with why; an unknown one lists the accepted labels (`accepted`: the
 * outcome types the framework pays, all of them when not given).
 */
export function parseOutcome(value: RawValue, accepted?: readonly OutcomeId[]): Result<OutcomeId> {
  const found = typeof value === "string" ? findOutcome(value) : undefined;
  if (found) return found;
  // Only now: a long claim log names a handful of labels, and each is found at once.
  const labels = (accepted ?? (Object.keys(OUTCOME_TYPES) as OutcomeId[])).map(
    (id) => OUTCOME_TYPES[id].label
  );
  return typeof value === "string" && isPartOfResult(value)
    ? ValueProblems.partOfAResult(value, labels)
    : ValueProblems.notAnOutcome(value, labels);
}
