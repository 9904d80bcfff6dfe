import { callCommand, CommandOutput, functionList } from "./call";
import { BadFileError, UsageError } from "./parse-arg";
import { sampleCommand } from "./sample";
import { Progress, QUIET, tablesCommand } from "./tables";

const USAGE = `tf-funding: Troubled Families funding from the command line

Usage:
  tf-funding tables IN.xlsx -o OUT.xlsx [options] [--json]
                                    add the cash-envelope and PbR-risk tables to a copy of IN
  tf-funding sample OUT.xlsx        write a sample input workbook (from the seed reports)
  tf-funding call FUNCTION [ARGS...] [--json]
                                    evaluate a custom function, as Excel would
  tf-funding help                   show this help

Options for tables (each overrides the workbook's Assumptions table):
  --framework NAME   --years N   --rounding half-up|none|down   --funded N
  --council-contribution £   --success-rate 0.65   --grant £   --employment-target 0.1
  --clawback-rate 0.02
IN is never changed: its sheets are copied to OUT, which is written whole or not at all, and
a rebuild replaces only the sheets tables made. --json prints the summary as one JSON line.

Arguments to call are numbers, text, "" for an omitted optional argument, or a JSON 2-D array
for a range ([[1],[2]]); dates as ISO text (2014-08-01) or Excel serial numbers.
Exit status: 0 done, 1 an Excel error from call (#VALUE!, #NUM!, ...), 2 a usage error or a
workbook that cannot be read.

Functions:
${functionList()}
`;

/**
 * Runs one command line; never throws, so the process always ends with a defined status.
 * Async because tables and sample read and write .xlsx files. Progress lines (tables on long
 * inputs, or when a person watches stderr) go to `progress`, never into the returned output.
 */
export async function run(
  argv: readonly string[],
  progress: Progress = QUIET
): Promise<CommandOutput> {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "call":
        return callCommand(rest, json);
      case "tables":
        return await tablesCommand(rest, json, progress);
      case "sample":
        return await sampleCommand(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return { stdout: USAGE, stderr: "", status: command === undefined ? 2 : 0 };
      default:
        throw new UsageError(`unknown command "${command}".`);
    }
  } catch (failure) {
    if (failure instanceof UsageError) {
      // A bad file's message says what to do; help would only bury it.
      const hint = failure instanceof BadFileError ? "" : `Run "tf-funding help" for usage.\n`;
      return json
        ? {
            stdout: `${JSON.stringify({ error: failure instanceof BadFileError ? "file" : "usage", message: failure.message })}\n`,
            stderr: "",
            status: 2,
          }
        : { stdout: "", stderr: `tf-funding: ${failure.message}\n${hint}`, status: 2 };
    }
    const reason = failure instanceof Error ? failure.message : String(failure);
    return { stdout: "", stderr: `tf-funding: unexpected failure: ${reason}\n`, status: 2 };
  }
}
