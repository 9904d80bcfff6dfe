import { didYouMean } from "../engine/near-miss";
import { consolidateCommand } from "./consolidate";
import { callCommand, CommandOutput, functionNamed } from "./call";
import { COMMANDS, Command, commandHelp, functionHelp, helpTopic, usage, version } from "./help";
import { BadFileError, UsageError } from "./parse-arg";
import { reportCommand } from "./report";
import { sampleCommand } from "./sample";
import { Progress, QUIET, tablesCommand } from "./tables";
import { whatifCommand } from "./whatif";

/**
 * Runs one command line; never throws, so the process always ends with a defined status.
 * Async because tables, report and sample read and write files. Progress lines (tables on long
 * inputs, or when a person watches stderr) go to `progress`, never into the returned output.
 */
export async function run(
  argv: readonly string[],
  progress: Progress = QUIET
): Promise<CommandOutput> {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const [command, ...rest] = args;
  const help = (text: string): CommandOutput => ({ stdout: text, stderr: "", status: 0 });
  // "tables --help", "call TF_ENVELOPE -h": the help of what the line was about to do.
  const wantsHelp = rest.some((a) => a === "--help" || a === "-h");
  try {
    if (wantsHelp && (COMMANDS as readonly string[]).includes(command)) {
      const id = command === "call" ? rest.find((a) => !a.startsWith("-")) : undefined;
      return help(
        id ? (functionHelp(functionNamed(id).id) ?? "") : commandHelp(command as Command)
      );
    }
    switch (command) {
      case "call":
        return callCommand(rest, json);
      case "tables":
        return await tablesCommand(rest, json, progress);
      case "report":
        return await reportCommand(rest, json);
      case "consolidate":
        return await consolidateCommand(rest, json, progress);
      case "whatif":
        return whatifCommand(rest, json);
      case "sample":
        return await sampleCommand(rest);
      case "help":
        return help(rest.length > 0 ? helpTopic(rest.join(" ")) : usage());
      case "--help":
      case "-h":
        return help(usage());
      case "--version":
      case "-V":
      case "version":
        return help(`tf-funding ${version()}\n`);
      case undefined:
        return { stdout: usage(), stderr: "", status: 2 };
      default: {
        const near = didYouMean(command, COMMANDS);
        throw new UsageError(`unknown command "${command}"${near ? `: ${near}` : "."}`);
      }
    }
  } catch (failure) {
    if (failure instanceof UsageError) {
      // A bad file's message says what to do; help would only bury it.
      const topic =
        command !== "help" && (COMMANDS as readonly string[]).includes(command)
          ? `${command} --help`
          : "help";
      const hint = failure instanceof BadFileError ? "" : `Run "tf-funding ${topic}" for usage.\n`;
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
