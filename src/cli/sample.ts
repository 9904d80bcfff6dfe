import fs from "fs";
import ExcelJS from "exceljs";
import { samplePlan } from "../workbook/sample";
import { CommandOutput } from "./call";
import { UsageError } from "./parse-arg";
import { writeWorkbookAtomically } from "./write-file";
import { writePlan } from "./xlsx-writer";

/**
 * `tf-funding sample OUT.xlsx [--force]`: an input workbook built from the seed reports. An
 * existing OUT may be a council's own workbook: it is replaced only with --force.
 */
export async function sampleCommand(args: readonly string[]): Promise<CommandOutput> {
  const force = args.includes("--force");
  const rest = args.filter((arg) => arg !== "--force");
  if (rest.length !== 1 || rest[0].startsWith("-"))
    throw new UsageError("usage: tf-funding sample OUT.xlsx [--force]");
  const [out] = rest;
  if (!force && fs.existsSync(out) && !fs.statSync(out).isDirectory())
    throw new UsageError(
      `${out} already exists, so it was not replaced: give --force to replace it, or another file name.`
    );
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, samplePlan());
  await writeWorkbookAtomically(workbook, out, undefined, undefined, force);
  return {
    stdout: `Sample inputs (Families, Claims, Assumptions) written to ${out}\n`,
    stderr: "",
    status: 0,
  };
}
