import { AssumptionKey } from "../workbook/assumptions";
import { InputProblem } from "../workbook/locate";
import { isSettingProblem } from "../workbook/setting-problem";

/** Each setting by the label of its field in the pane's Assumptions section. */
export const SETTING_LABELS: Record<AssumptionKey, string> = {
  framework: "Framework",
  years: "Programme years",
  rounding: "Rounding of families",
  share: "Eligibility share",
  funded: "Funded families",
  councilContribution: "Council contribution per family",
  successRate: "Success rate",
  grantPerYear: "Grant per year",
  employmentTarget: "Employment target",
  clawbackChecked: "Share of claims checked",
  clawbackInvalid: "Share of checked claims found invalid",
};

/**
 * A problem as the pane's user finds it: Sheet!B7 for a cell; for a setting, the field it came
 * from ("Funded families (Assumptions): …"), never a command-line flag.
 */
export function paneProblemText(problem: InputProblem): string {
  if (isSettingProblem(problem))
    return `${SETTING_LABELS[problem.setting]} (Assumptions): ${problem.reason}`;
  return `${problem.sheet}${problem.cell ? `!${problem.cell}` : ""}: ${problem.reason}`;
}
