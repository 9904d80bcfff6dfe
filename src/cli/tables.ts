import { serialOfLocalDate } from "../engine/dates";
import { isError } from "../engine/errors";
import { assumptionsUsed } from "../workbook/assumptions-used";
import { readInputs } from "../workbook/inputs";
import { withPeers } from "../workbook/peers-read";
import { buildPlan } from "../workbook/plan";
import { CommandOutput } from "./call";
import { parseTablesArgs } from "./flags";
import { BadFileError } from "./parse-arg";
import { withPeersFile } from "./peers-file";
import { problemLine } from "./problem-line";
import { summaryText } from "./summary";
import { XlsxPackage } from "./package/read";
import { XLSX_OUTPUT, checkOut, writeWorkbookAtomically } from "./write-file";
import { editPackage, writeEdited } from "./package/write";
import { loadWorkbook } from "./xlsx-load";

/** Where progress lines go, and whether someone is watching (stderr is a terminal). */
export interface Progress {
  line: (text: string) => void;
  interactive: boolean;
}

export const QUIET: Progress = { line: () => undefined, interactive: false };

export { problemLine } from "./problem-line";

/** Claims beyond which reading and writing take long enough to say what is happening. */
const LONG_INPUT = 5000;

/**
 * `tf-funding tables IN.xlsx -o OUT.xlsx`: the funding tables added to a copy of the workbook.
 * IN is read, never written; its sheets go to OUT as they were and the generated sheets after.
 */
export async function tablesCommand(
  args: readonly string[],
  json: boolean,
  progress: Progress = QUIET
): Promise<CommandOutput> {
  const parsed = parseTablesArgs(args);
  const { input, out, force } = parsed;
  checkOut(out, input, XLSX_OUTPUT, force);
  if (progress.interactive) progress.line(`Reading ${input}…`);
  const workbook = await loadWorkbook(input);
  try {
    return await tablesOf(workbook, parsed, json, progress);
  } finally {
    workbook.zip.close();
  }
}

/** The tables of an opened workbook, written to a copy of it (OUT): every part of IN is kept. */
async function tablesOf(
  workbook: XlsxPackage,
  args: ReturnType<typeof parseTablesArgs>,
  json: boolean,
  progress: Progress
): Promise<CommandOutput> {
  const { input, out, overrides, force } = args;
  const read = withPeers(
    readInputs(workbook.snapshot, { today: serialOfLocalDate(new Date()), overrides }),
    workbook.snapshot
  );
  if (!read.inputs) {
    throw new BadFileError(
      `${input} cannot be used:\n${read.problems.map(problemLine).join("\n")}`
    );
  }
  const fromFile = await withPeersFile(read.inputs, args.peers, out);
  const applied = { ...read, inputs: fromFile.inputs };
  const claims = applied.inputs.claims.length;
  const say = progress.interactive || claims > LONG_INPUT ? progress.line : () => undefined;
  say(`Building tables (${claims.toLocaleString("en-GB")} claim${claims === 1 ? "" : "s"})…`);
  const plan = buildPlan(applied.inputs);
  if (isError(plan)) throw new BadFileError(`${input}: ${plan.message}`);
  const edit = await editPackage(workbook, plan);
  say(`Writing ${out}…`);
  await writeWorkbookAtomically(
    (file) => writeEdited(workbook, edit, file),
    out,
    input,
    XLSX_OUTPUT,
    force
  );
  const assumptions = assumptionsUsed(applied.inputs.assumptions);
  return {
    stderr: [
      ...applied.notices.map((n) => `tf-funding: note: ${problemLine(n)}\n`),
      ...fromFile.notes.map((note) => `tf-funding: note: ${note}\n`),
    ].join(""),
    // The summary, plus where it went, so a script needs nothing else from the output.
    stdout: json
      ? `${JSON.stringify({ ...plan.summary, assumptions, out })}\n`
      : `${summaryText(plan.summary, out, assumptions)}\n`,
    status: 0,
  };
}
