import { isError } from "../engine/errors";
import { Overrides, applyOverrides, readInputs } from "../workbook/inputs";
import { buildPlan } from "../workbook/plan";
import { PlanSummary } from "../workbook/plan-types";
import { CommandOutput } from "./call";
import { UsageError } from "./parse-arg";
import { writeWorkbookAtomically } from "./write-file";
import { loadWorkbook, readSnapshot } from "./xlsx-snapshot";
import { writePlan } from "./xlsx-writer";

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

const LONG_INPUT = 5000;
const GBP = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 2,
});

export function summaryText(summary: PlanSummary, out: string): string {
  const pounds = (n: number) => GBP.format(n).replace(/\.00$/, "");
  const share = (n: number) => `${(n * 100).toFixed(1)}%`;
  return [
    `Framework:            ${summary.framework} (cohort ${summary.cohort}, ${summary.funded} families funded)`,
    `Cash envelope:        ${pounds(summary.envelope)}`,
    `Secured up front:     ${pounds(summary.secured)}`,
    `At risk on results:   ${pounds(summary.atRisk)} (${share(summary.atRiskShare)})`,
    `Claimed to date:      ${pounds(summary.claimedToDate)}`,
    `Forecast to end:      ${pounds(summary.forecastToEnd)}`,
    `Still at risk:        ${pounds(summary.stillAtRisk)}`,
    ...(summary.turnedAroundShare === null
      ? []
      : [`Turned around so far: ${share(summary.turnedAroundShare)}`]),
    "",
    summary.sentence,
    "",
    `Tables written to ${out}`,
  ].join("\n");
}

function parse(args: readonly string[]): { input: string; out: string; overrides: Overrides } {
  const overrides: Overrides = {};
  let input: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-o" || arg === "--out") out = args[++i];
    else if (FLAGS[arg]) {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value.`);
      overrides[FLAGS[arg]] = value;
    } else if (arg.startsWith("-"))
      throw new UsageError(`unknown option ${arg}: use ${Object.keys(FLAGS).join(", ")}.`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument ${arg}.`);
  }
  if (!input || !out)
    throw new UsageError("usage: tf-funding tables IN.xlsx -o OUT.xlsx [options]");
  return { input, out, overrides };
}

/** `tf-funding tables IN.xlsx -o OUT.xlsx`: the funding tables added to a copy of the workbook. */
export async function tablesCommand(
  args: readonly string[],
  json: boolean,
  progress: (line: string) => void
): Promise<CommandOutput> {
  const { input, out, overrides } = parse(args);
  const workbook = await loadWorkbook(input);
  const read = readInputs(readSnapshot(workbook));
  const applied = read.inputs ? applyOverrides(read.inputs, overrides) : read;
  if (!applied.inputs) {
    const lines = applied.problems.map(
      (p) => `${p.sheet}${p.cell ? `!${p.cell}` : ""}: ${p.reason}`
    );
    throw new UsageError(`${input} cannot be read:\n${lines.join("\n")}`);
  }
  const long = applied.inputs.claims.length > LONG_INPUT;
  if (long)
    progress(
      `Building the tables for ${applied.inputs.claims.length.toLocaleString("en-GB")} claims…`
    );
  const plan = buildPlan(applied.inputs);
  if (isError(plan)) throw new UsageError(plan.message);
  writePlan(workbook, plan);
  if (long) progress(`Writing ${out}…`);
  await writeWorkbookAtomically(workbook, out, input);
  return {
    stdout: json
      ? `${JSON.stringify({ ...plan.summary, out })}\n`
      : `${summaryText(plan.summary, out)}\n`,
    stderr: "",
    status: 0,
  };
}
