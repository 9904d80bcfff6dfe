import { WorkbookPlan } from "../workbook/plan-types";
import { editPackage, writeEdited } from "./package/write";
import { writeWorkbookAtomically } from "./write-file";
import { loadWorkbook } from "./xlsx-load";

/**
 * A copy of the workbook IN with a plan's sheets added (or its generated sheets rebuilt), as
 * `tf-funding tables` writes it: every other part of IN is carried over unchanged.
 */
export async function copyWithPlan(input: string, plan: WorkbookPlan, out: string): Promise<void> {
  const workbook = await loadWorkbook(input);
  try {
    const edit = await editPackage(workbook, plan);
    await writeWorkbookAtomically((file) => writeEdited(workbook, edit, file), out, input);
  } finally {
    workbook.zip.close();
  }
}
