import { callCommand, CommandOutput, functionList } from "./call";
import { UsageError } from "./parse-arg";

const USAGE = `tf-funding: Troubled Families funding from the command line

Usage:
  tf-funding call FUNCTION [ARGS...] [--json]   evaluate a custom function, as Excel would
  tf-funding help                               show this help

Arguments are numbers, text, "" for an omitted optional argument, or a JSON 2-D array for a
range ([[1],[2]]); dates as ISO text (2014-08-01) or Excel serial numbers.
Exit status: 0 a value, 1 an Excel error (#VALUE!, #NUM!, ...), 2 a usage error.

Functions:
${functionList()}
`;

/** Runs one command line; never throws, so the process always ends with a defined status. */
export function run(argv: readonly string[]): CommandOutput {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "call":
        return callCommand(rest, json);
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
      return json
        ? {
            stdout: `${JSON.stringify({ error: "usage", message: failure.message })}\n`,
            stderr: "",
            status: 2,
          }
        : {
            stdout: "",
            stderr: `tf-funding: ${failure.message}\nRun "tf-funding help" for usage.\n`,
            status: 2,
          };
    }
    const reason = failure instanceof Error ? failure.message : String(failure);
    return { stdout: "", stderr: `tf-funding: unexpected failure: ${reason}\n`, status: 2 };
  }
}

if (require.main === module) {
  const output = run(process.argv.slice(2));
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.status;
}
