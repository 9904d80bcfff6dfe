import { Framework, builtInFramework } from "../engine/frameworks";
import { didYouMean } from "../engine/near-miss";
import { AssumptionKey, defaultAssumptions, setAssumption } from "../workbook/assumptions";
import { Overrides } from "../workbook/inputs";
import { UsageError, splitOption } from "./parse-arg";

/** The tables command's setting flags: each overrides one row of the Assumptions table. */
export const FLAGS: Readonly<Record<string, AssumptionKey>> = {
  "--framework": "framework",
  "--years": "years",
  "--rounding": "rounding",
  "--funded": "funded",
  "--council-contribution": "councilContribution",
  "--success-rate": "successRate",
  "--grant": "grantPerYear",
  "--employment-target": "employmentTarget",
  "--clawback-checked": "clawbackChecked",
  "--clawback-invalid": "clawbackInvalid",
};

/** Flags this tool once read, refused with what replaced them rather than read as something else. */
const RETIRED_FLAGS: Readonly<Record<string, string>> = {
  "--clawback-rate":
    "--clawback-rate was replaced by --clawback-checked (share of claims DCLG spot-checks, 2.1% published) and --clawback-invalid (share of checked claims found invalid, 10% by default): the expected clawback is claimed × checked × invalid.",
};

/** The flag that gives a setting, for messages: "--funded". */
export function flagOf(setting: AssumptionKey): string {
  return Object.keys(FLAGS).find((flag) => FLAGS[flag] === setting) ?? setting;
}

const OUT = ["-o", "--out"];

/**
 * `tables` arguments: IN, -o OUT and the setting flags, each as `--flag value` or
 * `--flag=value`. Values are parsed later, by the same parsers an Assumptions table uses.
 */
export function parseTablesArgs(
  args: readonly string[],
  command: "tables" | "report" = "tables"
): {
  input: string;
  out: string;
  overrides: Overrides;
  /** Replace a read-only OUT. */
  force: boolean;
  /** A file holding a Peers table (--peers FILE): the council among its peers on the Report. */
  peers?: string;
} {
  const overrides: Overrides = {};
  let force = false;
  let peers: string | undefined;
  let input: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const { name, inline } = splitOption(arg);
    const value = () => {
      const given = inline ?? args[++i];
      if (given === undefined) throw new UsageError(`${name} needs a value.`);
      return given;
    };
    if (name === "--force" && inline === undefined) force = true;
    else if (OUT.includes(name)) {
      out = inline ?? args[++i];
      if (out === undefined || out === "") throw new UsageError(`${name} needs the file to write.`);
    } else if (name === "--peers") peers = value();
    else if (FLAGS[name]) overrides[FLAGS[name]] = value();
    else if (RETIRED_FLAGS[name]) throw new UsageError(RETIRED_FLAGS[name]);
    else if (name.startsWith("-") && name !== "-") {
      const near = didYouMean(name, [...Object.keys(FLAGS), "--out", "--force", "--peers"]);
      throw new UsageError(
        `unknown option ${name}: ${near ? `${near} ` : ""}The options are -o/--out, --force, --peers, ${Object.keys(FLAGS).join(", ")}${command === "report" ? ", --pdf" : ""} and --json.`
      );
    } else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument ${arg}: ${command} reads one workbook.`);
  }
  if (!input || !out)
    throw new UsageError(
      command === "tables"
        ? "usage: tf-funding tables IN.xlsx -o OUT.xlsx [options]"
        : "usage: tf-funding report IN.xlsx -o OUT.docx [--pdf] [options]"
    );
  checkValues(overrides);
  return { input, out, overrides, force, ...(peers === undefined ? {} : { peers }) };
}

/**
 * A flag's value that no workbook could make right ("--framework nonsense", "--funded 10,00")
 * is a usage error before any file is opened, so it is named alone rather than buried under the
 * problems it would cause in the workbook. Years wait for the workbook: how many a framework has
 * depends on the framework in force, which the workbook may choose.
 */
function checkValues(overrides: Overrides): void {
  const scratch = defaultAssumptions(builtInFramework("phase1") as Framework);
  const keys = (Object.keys(overrides) as AssumptionKey[]).filter((key) => key !== "years");
  const lines = keys.flatMap((key) => {
    const reason = setAssumption(scratch, key, overrides[key] ?? null);
    // Worded as problemLine words a setting problem: "--funded: reason".
    return reason ? [`${flagOf(key)}: ${reason}`] : [];
  });
  if (lines.length > 0) throw new UsageError(lines.join("\n"));
}
