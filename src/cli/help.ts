import fs from "fs";
import path from "path";
import { didYouMean } from "../engine/near-miss";
import { FUNCTION_HELP, FunctionHelp } from "../functions/function-help";
import { FUNCTIONS, findFunction } from "../functions/table";
import { functionList } from "./call";
import { UsageError } from "./parse-arg";

/*
 * Every help text of `tf-funding`: the overview, each command's own, and each function's,
 * which comes from the same JSDoc that Excel shows (function-help.ts is generated from it).
 */

export const COMMANDS = [
  "tables",
  "report",
  "consolidate",
  "whatif",
  "sample",
  "call",
  "help",
] as const;
export type Command = (typeof COMMANDS)[number];

const TABLES_HELP = `Usage: tf-funding tables IN.xlsx -o OUT.xlsx [options] [--json]

Adds the funding tables (Report, Cash envelope, PbR risk, Claims by year, Funding assumptions) to a copy
of IN. IN's Families table, its Claims table (optional) and its Assumptions table (optional)
are read; IN is never changed: its sheets are copied to OUT, which is written whole or not at
all, and a rebuild replaces only the sheets tables made.

Options (each overrides a row of the workbook's Assumptions table; --flag value or --flag=value):
  -o, --out OUT.xlsx             the workbook to write (required)
  --force                        replace OUT even if it is read-only (its permissions are kept)
  --peers FILE                   a Peers table (CSV or .xlsx: Authority, Families in the cohort,
                                 Families turned around, optional Region, As at, Source): the
                                 Report places the council among them ("Among its peers"); in
                                 place of a Peers table in IN. data/peers-phase1-2014.csv is a
                                 sample of published figures
  --framework NAME               phase1, phase1-fast-track, phase2, phase2-earned-autonomy,
                                 supporting-families ("Phase 2" and the like work too)
  --years N                      programme years to attach the cohort over
  --rounding RULE                half-up, none or down
  --funded N                     the authority's agreed funded number of families
  --council-contribution £       the council's own spend per family
  --success-rate SHARE           share of the results maximum expected (0.65, 65% or 13/20)
  --grant £                      the framework's fixed yearly grant
  --employment-target SHARE      target share of employment results (0.1)
  --clawback-checked SHARE       share of claims DCLG spot-checks (default 2.1%, published)
  --clawback-invalid SHARE       share of checked claims found invalid (default 10%, the last
                                 round; 2-3% in early rounds)
  --json                         print the summary as one JSON line

A Peers table in IN (a sheet or Excel table named Peers, headed as --peers) is read too.

Problems are listed as Sheet!Cell: reason (a setting as --flag: reason), with exit status 2.

Example:
  tf-funding tables inputs.xlsx -o tables.xlsx --framework phase2 --success-rate=65%
  tf-funding tables inputs.xlsx -o tables.xlsx --peers data/peers-phase1-2014.csv
`;

const REPORT_HELP = `Usage: tf-funding report IN.xlsx -o OUT.docx [--pdf] [options] [--json]

Writes a Word document for a committee paper from IN, read as tables reads it (the same options
override the Assumptions table): the funding tables as Word tables (£ and % formatted, totals
bold), the sentences for reports, the charts (income by financial year, PbR risk) as pictures,
and the basis of figures (every setting and rate with its source) as an appendix. Every figure
is the one tables writes into the workbook. IN is never changed; OUT is written whole or not at
all.

Options:
  -o, --out OUT.docx             the Word document to write (required)
  --force                        replace OUT even if it is read-only
  --pdf                          also write OUT.pdf beside it, with LibreOffice (Writer)
  --peers FILE                   other councils' figures: the council among its peers (as tables)
  --framework, --years, ...      the settings of tables (tf-funding tables --help lists them)
  --json                         print what was written as one JSON line

Exit status 2 when IN cannot be used, or when --pdf could not write the PDF (OUT.docx is
still written; the message says what to install).

Example:
  tf-funding report inputs.xlsx -o report.docx --pdf --success-rate 65%
`;

const CONSOLIDATE_HELP = `Usage: tf-funding consolidate A.xlsx B.xlsx ... (or a folder) -o REGION.xlsx [options] [--json]

Adds several authorities up: each workbook is read and priced as tables reads and prices it
(its own framework and Assumptions table), and REGION.xlsx is a new workbook with one row per
authority (cohort, families funded, cash envelope, secured, at risk, claimed to date, families
turned around and their share, forecast, still at risk), a Totals row of SUM formulas (the total
share is all families turned around / the whole cohort), each authority's rank by turned-around
share (RANK formulas; 1 is the highest), and two charts. An authority is named by the Authority
row of its Assumptions table, else by its file name. A folder stands for its .xlsx files (not
Excel's ~$ lock files, nor REGION.xlsx itself). No workbook read is ever changed.

Options:
  -o, --out REGION.xlsx          the workbook to write (required; never one of the inputs)
  --keep-going                   consolidate the workbooks that can be read and list the others
                                 (on stderr and in a "Not included" block on the sheet)
  --force                        replace REGION.xlsx even if it is read-only
  --json                         print one JSON line: {"authorities": [{"name", "file",
                                 "framework", "cohort", "funded", "envelope", "secured",
                                 "atRisk", "claimedToDate", "turnedAround", "turnedAroundShare",
                                 "forecastToEnd", "stillAtRisk", "rank"}], "totals": {...},
                                 "notIncluded": [{"file", "problems"}], "out"}, £ to the penny

A workbook that cannot be read is named with its problems (Sheet!Cell: reason, as tables says
them); without --keep-going nothing is written and the exit status is 2. With --keep-going the
exit status is 0 when the others were written (the files left out are on stderr), 2 when none
could be read. With 20 workbooks or more, progress lines go to stderr.

Examples:
  tf-funding consolidate rotherham.xlsx sheffield.xlsx doncaster.xlsx -o south-yorkshire.xlsx
  tf-funding consolidate councils/ -o region.xlsx --keep-going
`;

const WHATIF_HELP = `Usage: tf-funding whatif --attach N,N,... [--success-rate SHARE] [options] [--json]
       tf-funding whatif --target £ --by YEAR (--attach N,N,... | --success-rate SHARE) [options]

What families attached each year bring in, and when: the attachment fees and results £ by the
financial year the money is received, with no workbook. With --target and --by, the goal seek:
the success rate needed (with --attach) or the whole families a year needed (with
--success-rate) to have received that £ by the end of that financial year.

Attachment fees arrive in the year of attachment (phase 1's year-2 fees as the release rule
pays them). Each year's families are taken as attached evenly over its four quarters; a
quarter's results are claimed in the first claim window MONTHS_TO_RESULT months or more after
the quarter ends (12 unless --months-to-result says otherwise: an assumption, no source gives
one figure) and paid after the framework's payment lag.

Options (--flag value or --flag=value):
  --framework NAME               phase1 (default), phase1-fast-track, phase2,
                                 phase2-earned-autonomy, supporting-families
  --attach N,N,...               families attached in each programme year, from year 1
  --success-rate SHARE           share of the funded families turned around (0.65, 65% or
                                 13/20); the results maximum (100%) if left out
  --months-to-result N           months from attachment to a result's claim (default 12)
  --cohort N                     the nominated cohort: its funded share caps the families paid for
  --target £                     the £ to have received in total (900000 or £900,000)
  --by YEAR                      by the end of this financial year (2019/20), or programme year N
  --years N                      with --target and --success-rate: programme years families
                                 are attached over (the framework's own if left out)
  --json                         print the figures as one JSON line: {"attachment",
                                 "expectedResults", "total", "byYear": [{"year", "attachment",
                                 "results", "received"}]}, £ to the penny

Exit status: 0 an answer, 1 a target that cannot be reached by then (the most that can is
said), 2 a usage error (the message names the flag).

Examples:
  tf-funding whatif --framework phase2 --attach 140,140,140,140,140 --success-rate 65%
  tf-funding whatif --framework phase2 --attach 140,140,140,140,140 --target £900,000 --by 2019/20
  tf-funding whatif --framework phase2 --success-rate 0.65 --target 1064000 --by 2021/22
`;

const SAMPLE_HELP = `Usage: tf-funding sample OUT.xlsx [--force]

Writes a sample input workbook (Families, Claims and Assumptions tables, from the seed
reports: Barnet's fast-tracked cohort) to OUT.xlsx, to try tf-funding tables on or to copy.
An existing OUT is replaced only with --force.
`;

const CALL_HELP = `Usage: tf-funding call FUNCTION [ARGS...] [--json]

Evaluates a custom function through the same code Excel calls, so a cell and the command line
always agree. Arguments are numbers, text, "" for an omitted optional argument, or a JSON 2-D
array for a range ([[1],[2]]); dates as ISO text (2014-08-01) or Excel serial numbers.

Prints the value: a table as tab-separated rows, a date as 2014-05-31, a share as its value and
percentage ("0.647945205479452 (64.8%)"), money and counts as plain numbers. With --json it
prints one line, {"value": ...} (raw numbers) or {"error": "#VALUE!", "message": "..."}.
Exit status: 0 a value, 1 an Excel error (#VALUE!, #NUM!, ...), 2 a usage error.

"tf-funding help FUNCTION" shows a function's arguments and an example. Functions:
${functionList()}
`;

const HELP_HELP = `Usage: tf-funding help [COMMAND | FUNCTION]

Shows the overview, a command's help (tables, report, consolidate, whatif, sample, call) or a
function's (TF_ENVELOPE).
`;

export function usage(): string {
  return `tf-funding: Troubled Families funding from the command line

Usage:
  tf-funding tables IN.xlsx -o OUT.xlsx [options] [--json]
                                    add the cash-envelope and PbR-risk tables to a copy of IN
  tf-funding report IN.xlsx -o OUT.docx [--pdf] [options]
                                    a Word report of those tables, charts and their basis
  tf-funding consolidate A.xlsx B.xlsx ... (or a folder) -o REGION.xlsx [--keep-going] [--json]
                                    one row per authority, totals, ranks and charts
  tf-funding whatif --attach N,N,... [--success-rate SHARE] [--target £ --by YEAR] [--json]
                                    money by the year it is received, and the goal seek
  tf-funding sample OUT.xlsx [--force]
                                    write a sample input workbook (from the seed reports)
  tf-funding call FUNCTION [ARGS...] [--json]
                                    evaluate a custom function, as Excel would
  tf-funding help [COMMAND | FUNCTION]
                                    this overview, a command's help or a function's
  tf-funding --version              the version

"tf-funding COMMAND --help" shows a command's options and an example.
Exit status: 0 done, 1 an Excel error from call (#VALUE!, #NUM!, ...) or a whatif target that
cannot be reached, 2 a usage error or a workbook that cannot be read.

Functions ("tf-funding help FUNCTION" for one):
${functionList()}
`;
}

export function commandHelp(command: Command): string {
  switch (command) {
    case "tables":
      return TABLES_HELP;
    case "report":
      return REPORT_HELP;
    case "consolidate":
      return CONSOLIDATE_HELP;
    case "whatif":
      return WHATIF_HELP;
    case "sample":
      return SAMPLE_HELP;
    case "call":
      return CALL_HELP;
    case "help":
      return HELP_HELP;
  }
}

const RETURNS: Record<string, string> = {
  table: "a table that spills",
  number: "a number",
  string: "text",
  boolean: "TRUE or FALSE",
  any: "a value",
  date: "a date (shown as 2014-05-31; an Excel date serial with --json)",
  share: "a share from 0 to 1 (shown with its percentage)",
};

/** Text broken into lines of at most 96 characters, each indented by `indent` spaces. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > 96) {
      lines.push(" ".repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(" ".repeat(indent) + line);
  return lines;
}

/** Arguments of an example "=TF.X(705, 2, "phase1-fast-track")" as typed after call, if simple. */
function callExample(help: FunctionHelp): string | undefined {
  const match = /^=TF\.[A-Z_]+\((.*?)\)(?=\s|$)/.exec(help.example);
  if (!match) return undefined;
  const args = match[1].split(",").map((a) => a.trim());
  // Ranges (A2:A6) and formulas (DATE(…)) have no command-line spelling worth guessing.
  if (args.some((a) => !/^(?:-?[\d.]+|"[^"]*")$/.test(a))) return undefined;
  const typed = args.map((a) => (a.startsWith('"') ? a.slice(1, -1) : a));
  const quoted = typed.map((a) => (/^[\w./-]+$/.test(a) ? a : `"${a}"`));
  return `tf-funding call ${help.id} ${quoted.join(" ")}`.trim();
}

/** A function's full help: what it does, every argument, its example (as in Excel and the README). */
export function functionHelp(id: string): string | undefined {
  const spec = findFunction(id) ?? findFunction(`TF_${id.trim()}`);
  const help = spec && FUNCTION_HELP.find((h) => h.id === spec.id);
  if (!spec || !help) return undefined;
  const params = help.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  const width = Math.max(...help.params.map((p) => p.name.length)) + 4;
  const lines = [
    `${help.id}(${params})`,
    `In Excel: =TF.${help.name}(${params})`,
    "",
    ...wrap(help.description, 0),
    "",
    "Arguments:",
    ...help.params.flatMap((p) =>
      wrap(
        `${p.optional ? "optional" : "required"}${p.range ? ", may be a range" : ""}. ${p.description}`,
        width
      ).map((line, i) => (i === 0 ? `  ${p.name}`.padEnd(width) + line.trimStart() : line))
    ),
    "",
    `Returns ${RETURNS[spec.shows ?? help.returns]}.`,
  ];
  if (help.example) lines.push(...wrap(`Example: ${help.example}`, 0));
  const example = callExample(help);
  if (example) lines.push(`From the command line: ${example}`);
  return `${lines.join("\n")}\n`;
}

/** `tf-funding help TOPIC`: a command's help or a function's; a near miss is suggested. */
export function helpTopic(topic: string): string {
  const command = COMMANDS.find((c) => c === topic.trim().toLowerCase());
  if (command) return commandHelp(command);
  const fn = functionHelp(topic);
  if (fn) return fn;
  const near = didYouMean(topic.trim(), [
    ...COMMANDS,
    ...FUNCTIONS.map((f) => f.id),
    ...FUNCTIONS.map((f) => f.id.slice(3).toLowerCase()),
  ]);
  throw new UsageError(
    `there is no command or function called ${topic}${near ? `: ${near}` : "."} Commands: ${COMMANDS.join(", ")}; functions: ${FUNCTIONS.map((f) => f.id).join(", ")}.`
  );
}

/**
 * The version in package.json. The compiled command line may sit in lib/ or in a test's own
 * folder below the project, so the nearest package.json that declares tf-funding is the one.
 */
export function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as {
        version?: string;
        bin?: Record<string, string>;
      };
      if (pkg.bin?.["tf-funding"] && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
