import { InputProblem } from "./locate";

/** Problems listed one by one; beyond this, a last line counts the rest. */
export const MAX_PROBLEMS_LISTED = 20;

const names = (sheets: string[]) =>
  sheets.length === 1
    ? sheets[0]
    : `${sheets.slice(0, -1).join(", ")} and ${sheets[sheets.length - 1]}`;

/**
 * The problems as the user is shown them: the first 20, then one line saying how many more (a
 * long list helps nobody, but a list cut short in silence reads as "only these"). The line has
 * no cell, so both the pane and the command line show it as "Sheet: reason".
 */
export function listProblems(problems: readonly InputProblem[]): InputProblem[] {
  if (problems.length <= MAX_PROBLEMS_LISTED) return [...problems];
  const rest = problems.slice(MAX_PROBLEMS_LISTED);
  const more = rest.length.toLocaleString("en-GB");
  return [
    ...problems.slice(0, MAX_PROBLEMS_LISTED),
    {
      sheet: names([...new Set(rest.map((p) => p.sheet))]),
      cell: "",
      reason: `and ${more} more ${rest.length === 1 ? "problem" : "problems"} not listed here: put these right, then check again for the rest.`,
    },
  ];
}
