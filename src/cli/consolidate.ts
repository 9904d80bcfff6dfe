import fs from "fs";
import path from "path";
import { serialOfLocalDate } from "../engine/dates";
import { isError } from "../engine/errors";
import {
  AuthorityFigures,
  authorityFigures,
  consolidate,
  figuresJson,
} from "../workbook/consolidate";
import {
  CONSOLIDATED_SHEET,
  CONSOLIDATED_TITLE,
  NotIncluded,
  consolidationPlan,
} from "../workbook/consolidate-plan";
import { readInputs } from "../workbook/inputs";
import { CommandOutput } from "./call";
import { writeNewWorkbook } from "./consolidate-package";
import { BadFileError, UsageError, splitOption } from "./parse-arg";
import { problemLine } from "./problem-line";
import { poundsText } from "./summary";
import { Progress, QUIET } from "./tables";
import { XLSX_OUTPUT, checkOut, sameFile, writeWorkbookAtomically } from "./write-file";
import { loadWorkbook } from "./xlsx-load";

const USAGE =
  "usage: tf-funding consolidate A.xlsx B.xlsx … (or a folder) -o REGION.xlsx [--keep-going] [--force] [--json]";

/** Workbooks beyond which reading them is worth a progress line now and then. */
const MANY_FILES = 20;
/** Problem lines shown per file on stderr; the sheet's "Not included" block and --json list them too. */
const PROBLEMS_SHOWN = 20;

interface ConsolidateArgs {
  inputs: string[];
  out: string;
  keepGoing: boolean;
  force: boolean;
}

export function parseConsolidateArgs(args: readonly string[]): ConsolidateArgs {
  const inputs: string[] = [];
  let out: string | undefined;
  let keepGoing = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const { name, inline } = splitOption(arg);
    if (name === "-o" || name === "--out") {
      out = inline ?? args[++i];
      if (out === undefined || out === "") throw new UsageError(`${name} needs the file to write.`);
    } else if (arg === "--keep-going") keepGoing = true;
    else if (arg === "--force") force = true;
    else if (arg.startsWith("-") && arg !== "-")
      throw new UsageError(
        `unknown option ${arg}: the options are -o/--out, --keep-going, --force and --json.`
      );
    else inputs.push(arg);
  }
  if (inputs.length === 0 || !out) throw new UsageError(USAGE);
  return { inputs, out, keepGoing, force };
}

/** Whether a file is a consolidation this command wrote: its one sheet, under our title. */
async function isConsolidation(file: string): Promise<boolean> {
  try {
    const workbook = await loadWorkbook(file);
    workbook.zip.close();
    const sheets = workbook.snapshot.sheets;
    const title = sheets[0]?.cells[0]?.[0];
    return (
      sheets.length === 1 &&
      sheets[0].name === CONSOLIDATED_SHEET &&
      typeof title === "string" &&
      title.startsWith(CONSOLIDATED_TITLE)
    );
  } catch {
    return false;
  }
}

/**
 * The workbooks to read: each file as given, and each folder's .xlsx files in name order — not
 * Excel's "~$" lock files or hidden files. OUT in the folder is left out only when it is an
 * earlier consolidation; any other workbook there is an input, which OUT may never replace.
 */
export async function workbookFiles(inputs: readonly string[], out: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const stat = fs.existsSync(input) ? fs.statSync(input) : undefined;
    if (!stat?.isDirectory()) {
      files.push(input);
      continue;
    }
    const found: string[] = [];
    const names = fs
      .readdirSync(input)
      .filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith("."))
      .sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true }));
    for (const name of names) {
      const file = path.join(input, name);
      if (!fs.statSync(file).isFile()) continue;
      if (sameFile(file, out) && (await isConsolidation(file))) continue;
      found.push(file);
    }
    if (found.length === 0) throw new UsageError(`the folder ${input} holds no .xlsx workbooks.`);
    files.push(...found);
  }
  return files;
}

/** The authority's name: its Authority setting, else the file's name without .xlsx. */
const nameFromFile = (file: string) => path.basename(file).replace(/\.xlsx$/i, "");

/** One workbook read and priced as `tables` does it, or the problems that stop it. */
async function readAuthority(
  file: string,
  today: number
): Promise<{ figures: AuthorityFigures; notes: string[] } | NotIncluded> {
  let workbook;
  try {
    workbook = await loadWorkbook(file);
  } catch (failure) {
    if (failure instanceof BadFileError) return { file, problems: [failure.message] };
    throw failure;
  }
  const applied = (() => {
    try {
      return readInputs(workbook.snapshot, { today });
    } finally {
      workbook.zip.close();
    }
  })();
  if (!applied.inputs) return { file, problems: applied.problems.map(problemLine) };
  const name = applied.inputs.assumptions.authority ?? nameFromFile(file);
  const figures = authorityFigures(name, file, applied.inputs);
  if (isError(figures)) return { file, problems: [figures.message] };
  return {
    figures,
    notes: applied.notices.map((notice) => `${file}: ${problemLine(notice)}`),
  };
}

/** A file left out, for stderr: its problems, the first PROBLEMS_SHOWN of them. */
function problemsText(skipped: NotIncluded): string {
  const shown = skipped.problems.slice(0, PROBLEMS_SHOWN);
  const more = skipped.problems.length - shown.length;
  return [...shown, ...(more > 0 ? [`… and ${more} more`] : [])]
    .map((line) => `  ${line}`)
    .join("\n");
}

/**
 * `tf-funding consolidate A.xlsx B.xlsx … -o REGION.xlsx`: each authority's workbook read and
 * priced as `tables` prices it, then one new workbook with a row per authority, totals, ranks and
 * charts. A workbook that cannot be read stops the run (nothing is written) unless --keep-going,
 * which consolidates the others and lists it.
 */
export async function consolidateCommand(
  args: readonly string[],
  json: boolean,
  progress: Progress = QUIET
): Promise<CommandOutput> {
  const { inputs, out, keepGoing, force } = parseConsolidateArgs(args);
  const files = await workbookFiles(inputs, out);
  // OUT is never one of the workbooks read, however it is spelt.
  for (const file of files) checkOut(out, file, XLSX_OUTPUT, force);
  const duplicate = files.find((file, i) => files.findIndex((other) => sameFile(other, file)) < i);
  if (duplicate) throw new UsageError(`${duplicate} is given twice: each authority counts once.`);

  const today = serialOfLocalDate(new Date());
  const many = files.length >= MANY_FILES;
  const authorities: AuthorityFigures[] = [];
  const skipped: NotIncluded[] = [];
  const notes: string[] = [];
  for (const [i, file] of files.entries()) {
    if (progress.interactive || (many && i % 25 === 0))
      progress.line(`Reading ${i + 1} of ${files.length}: ${file}…`);
    const read = await readAuthority(file, today);
    if ("problems" in read) skipped.push(read);
    else {
      authorities.push(read.figures);
      notes.push(...read.notes);
    }
  }
  if (skipped.length > 0 && (!keepGoing || authorities.length === 0)) {
    const why = skipped.map((s) => `${s.file} cannot be used:\n${problemsText(s)}`).join("\n");
    const hint = keepGoing
      ? "no workbook could be read, so nothing was written."
      : `nothing was written: fix ${skipped.length === 1 ? "it" : "them"}, or give --keep-going to consolidate the others.`;
    throw new BadFileError(`${why}\n${hint}`);
  }

  const consolidation = consolidate(authorities);
  const plan = consolidationPlan(consolidation, skipped);
  if (many) progress.line(`Writing ${out}…`);
  await writeWorkbookAtomically(
    (file) => writeNewWorkbook(plan, file),
    out,
    undefined,
    XLSX_OUTPUT,
    force
  );

  const stderr = [
    ...notes.map((note) => `tf-funding: note: ${note}\n`),
    ...skipped.map((s) => `tf-funding: not included: ${s.file}:\n${problemsText(s)}\n`),
  ].join("");
  if (json) {
    const result = {
      authorities: consolidation.rows.map((row) => ({
        name: row.name,
        file: row.file,
        framework: row.framework,
        ...figuresJson(row),
        rank: row.rank,
      })),
      totals: figuresJson(consolidation.totals),
      notIncluded: skipped,
      out,
    };
    return { stdout: `${JSON.stringify(result)}\n`, stderr, status: 0 };
  }
  const t = consolidation.totals;
  const share = t.turnedAroundShare ? `${t.turnedAroundShare.times(100).toFixed(1)}%` : "no cohort";
  const lines = [
    `Authorities:          ${authorities.length}${skipped.length > 0 ? ` (${skipped.length} not included)` : ""}`,
    `Cash envelope:        ${poundsText(plan.summary.envelope)}`,
    `Secured up front:     ${poundsText(plan.summary.secured)}`,
    `At risk on results:   ${poundsText(plan.summary.atRisk)}`,
    `Claimed to date:      ${poundsText(plan.summary.claimedToDate)}`,
    `Forecast to end:      ${poundsText(plan.summary.forecastToEnd)}`,
    `Still at risk:        ${poundsText(plan.summary.stillAtRisk)}`,
    `Turned around so far: ${share}`,
    "",
    `Consolidated workbook written to ${out}`,
  ];
  return { stdout: `${lines.join("\n")}\n`, stderr, status: 0 };
}
