import { serialOfLocalDate } from "../engine/dates";
import { isError } from "../engine/errors";
import { InputProblem, Overrides, applyOverrides, readInputs } from "../workbook/inputs";
import { buildPlan } from "../workbook/plan";
import { CommandOutput } from "./call";
import { BadFileError, UsageError } from "./parse-arg";
import { summaryText } from "./summary";
import { XlsxPackage } from "./package/read";
import { writeWorkbookAtomically } from "./write-file";
import { editPackage, writeEdited } from "./package/write";
import { loadWorkbook } from "./xlsx-load";

/** Where progress lines go, and whether someone is watching (stderr is a terminal). */
export interface Progress {
  line: (text: string) => void;
  interactive: boolean;
}

export const QUIET: Progress = { line: () => undefined, interactive: false };

const FLAGS: Record<string, keyof Overrides> = {
  "--framework": "framework",
  "--years": "years",
  "--rounding": "rounding",
  "--funded": "funded",
  "--council-contribution": "councilContribution",
  "--success-rate": "successRate",
  "--grant": "grantPerYear",
  "--employment-target": "employmentTarget",
  "--clawback-rate": "clawbackRate",
};

/** Claims beyond which reading and writing take long enough to say what is happening. */
const LONG_INPUT = 5000;

function parse(args: readonly string[]): { input: string; out: string; overrides: Overrides } {
  const overrides: Overrides = {};
  let input: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-o" || arg === "--out") {
      out = args[++i];
      if (out === undefined) throw new UsageError(`${arg} needs the file to write.`);
    } else if (FLAGS[arg]) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value.`);
      overrides[FLAGS[arg]] = value;
    } else if (arg.startsWith("-") && arg !== "-")
      throw new UsageError(`unknown option ${arg}: use ${Object.keys(FLAGS).join(", ")}.`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument ${arg}.`);
  }
  if (!input || !out)
    throw new UsageError("usage: tf-funding tables IN.xlsx -o OUT.xlsx [options]");
  return { input, out, overrides };
}

/** A problem as the user finds it: Sheet!B7 for a cell; the flag for a command-line value. */
export function problemLine(problem: InputProblem): string {
  if (/^\$?[A-Z]{1,3}\$?\d+$/i.test(problem.cell)) {
    return `${problem.sheet}!${problem.cell}: ${problem.reason}`;
  }
  if (problem.cell.startsWith("--")) return `${problem.cell}: ${problem.reason}`;
  return `${problem.sheet}${problem.cell ? ` (${problem.cell})` : ""}: ${problem.reason}`;
}

/**
 * `tf-funding tables IN.xlsx -o OUT.xlsx`: the funding tables added to a copy of the workbook.
 * IN is read, never written; its sheets go to OUT as they were and the generated sheets after.
 */
export async function tablesCommand(
  args: readonly string[],
  json: boolean,
  progress: Progress = QUIET
): Promise<CommandOutput> {
  const { input, out, overrides } = parse(args);
  if (progress.interactive) progress.line(`Reading ${input}…`);
  const workbook = await loadWorkbook(input);
  try {
    return await tablesOf(workbook, input, out, overrides, json, progress);
  } finally {
    workbook.zip.close();
  }
}

/** The tables of an opened workbook, written to a copy of it (OUT): every part of IN is kept. */
async function tablesOf(
  workbook: XlsxPackage,
  input: string,
  out: string,
  overrides: Overrides,
  json: boolean,
  progress: Progress
): Promise<CommandOutput> {
  const read = readInputs(workbook.snapshot, { today: serialOfLocalDate(new Date()) });
  const applied = read.inputs ? applyOverrides(read.inputs, overrides) : read;
  if (!applied.inputs) {
    throw new BadFileError(
      `${input} cannot be used:\n${applied.problems.map(problemLine).join("\n")}`
    );
  }
  const claims = applied.inputs.claims.length;
  const say = progress.interactive || claims > LONG_INPUT ? progress.line : () => undefined;
  say(`Building tables (${claims.toLocaleString("en-GB")} claim${claims === 1 ? "" : "s"})…`);
  const plan = buildPlan(applied.inputs);
  if (isError(plan)) throw new BadFileError(`${input}: ${plan.message}`);
  const edit = await editPackage(workbook, plan);
  say(`Writing ${out}…`);
  await writeWorkbookAtomically((file) => writeEdited(workbook, edit, file), out, input);
  return {
    stderr: "",
    // The summary, plus where it went, so a script needs nothing else from the output.
    stdout: json
      ? `${JSON.stringify({ ...plan.summary, out })}\n`
      : `${summaryText(plan.summary, out)}\n`,
    status: 0,
  };
}
