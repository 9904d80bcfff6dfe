import ExcelJS from "exceljs";
import { samplePlan } from "../workbook/sample";
import { CommandOutput } from "./call";
import { UsageError } from "./parse-arg";
import { writeWorkbookAtomically } from "./write-file";
import { writePlan } from "./xlsx-writer";

/** `tf-funding sample OUT.xlsx`: an input workbook built from the seed reports. */
export async function sampleCommand(args: readonly string[]): Promise<CommandOutput> {
  if (args.length !== 1) throw new UsageError("usage: tf-funding sample OUT.xlsx");
  const [out] = args;
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, samplePlan());
  await writeWorkbookAtomically(workbook, out);
  return {
    stdout: `Sample inputs (Families, Claims, Assumptions) written to ${out}\n`,
    stderr: "",
    status: 0,
  };
}
