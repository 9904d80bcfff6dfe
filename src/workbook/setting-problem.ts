import type { AssumptionKey } from "./assumptions";
import { InputProblem } from "./locate";

/**
 * A problem about a setting given outside the workbook's cells (a command-line flag, the task
 * pane's Assumptions), as against a problem about a cell: it has no sheet or cell, only the
 * setting, and each adapter names that setting its own way ("--funded", "Funded families").
 */
export type SettingProblem = InputProblem & { setting: AssumptionKey };

export function settingProblem(setting: AssumptionKey, reason: string): SettingProblem {
  return { sheet: "", cell: "", setting, reason };
}

export function isSettingProblem(problem: InputProblem): problem is SettingProblem {
  return problem.setting !== undefined;
}
