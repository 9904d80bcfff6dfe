import { InputProblem } from "../workbook/locate";
import { isSettingProblem } from "../workbook/setting-problem";
import { flagOf } from "./flags";

/**
 * A problem as the command line's user finds it: Sheet!B7 for a cell, the flag for a setting
 * given on the command line ("--funded: …"), Sheet (where) for anything else.
 */
export function problemLine(problem: InputProblem): string {
  if (isSettingProblem(problem)) return `${flagOf(problem.setting)}: ${problem.reason}`;
  if (/^\$?[A-Z]{1,3}\$?\d+$/i.test(problem.cell)) {
    return `${problem.sheet}!${problem.cell}: ${problem.reason}`;
  }
  return `${problem.sheet}${problem.cell ? ` (${problem.cell})` : ""}: ${problem.reason}`;
}
