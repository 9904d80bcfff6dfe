import { isError } from "../../src/engine/errors";
import { readInputs } from "../../src/workbook/inputs";
import { withPeers } from "../../src/workbook/peers-read";
import { buildPlan } from "../../src/workbook/plan";
import { snapshotOfPlan } from "../../src/workbook/plan-snapshot";
import { PlanSheet, WorkbookPlan } from "../../src/workbook/plan-types";

/** The funding plan built from input sheets, as the pane and the CLI build it from what they read. */
export function planFrom(inputs: PlanSheet[]): WorkbookPlan {
  const snapshot = snapshotOfPlan({ sheets: inputs });
  // With its Peers table, as the command line reads a workbook.
  const { inputs: read, problems } = withPeers(readInputs(snapshot), snapshot);
  if (!read) throw new Error(problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`).join("\n"));
  const plan = buildPlan(read);
  if (isError(plan)) throw new Error(plan.message);
  return plan;
}
