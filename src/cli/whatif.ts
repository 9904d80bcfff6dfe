import { CashFlow, cashFlow } from "../engine/cashflow";
import { isError } from "../engine/errors";
import { Decimal, dec, poundsToNumber } from "../engine/money";
import { TargetAnswer, targetNeeded } from "../engine/target";
import { financialYearLabel } from "../engine/years";
import { CommandOutput } from "./call";
import { UsageError } from "./parse-arg";
import { WhatifArgs, parseWhatifArgs } from "./whatif-args";

/*
 * `tf-funding whatif`: a coordinator's "if we attach 140 a year and turn 65% around, what do we
 * get, and when?" with no workbook: the engine's cash flow by the financial year money is
 * received, and its goal seek for --target £ --by year. Only parsing and formatting live here.
 */

/** Pounds as a number to the penny, as --json gives every amount. */
const pounds = (amount: Decimal): number => poundsToNumber(amount);

/** "1,234,567", or "1,234,567.50" where the table has pence anywhere. */
const amountText = (amount: Decimal, pence: boolean): string =>
  amount.toNumber().toLocaleString("en-GB", {
    minimumFractionDigits: pence ? 2 : 0,
    maximumFractionDigits: pence ? 2 : 0,
  });

/** "£1,064,000", pence only where there are some. */
const money = (amount: Decimal): string => `£${amountText(amount, !amount.isInteger())}`;

/** A share as a person writes it: 65%, 47.62%. */
const percent = (share: Decimal): string => `${share.times(100).toDecimalPlaces(2).toString()}%`;

const HEADERS = ["Financial year", "Attachment £", "Results £", "Total £", "Cumulative £"];

/** The year-by-year table, aligned: the year on the left, £ right-aligned, a Total row. */
export function flowTable(flow: CashFlow): string {
  const pence = flow.years.some((y) => !y.attachment.isInteger() || !y.results.isInteger());
  const rows = [
    HEADERS,
    ...flow.years.map((y) => [
      y.label,
      ...[y.attachment, y.results, y.received, y.cumulative].map((a) => amountText(a, pence)),
    ]),
    [
      "Total",
      ...[flow.attachment, flow.expectedResults, flow.total].map((a) => amountText(a, pence)),
      "",
    ],
  ];
  const widths = HEADERS.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

function familiesText(attached: readonly Decimal[]): string {
  const all = attached.every((n) => n.equals(attached[0]));
  return all && attached.length > 1
    ? `${attached[0].toString()} families a year for ${attached.length} years`
    : `${attached.map((n) => n.toString()).join(", ")} families attached in years 1 to ${attached.length}`;
}

/** Phase 1's year-2 release, when it moved fees: from year 1's families against the commitment. */
function releaseText(flow: CashFlow): string {
  const r = flow.release!;
  const basis = `${r.workedWith.toString()} attached in year 1 of a commitment of ${r.commitment.toString()}`;
  const when = {
    full: "paid in full in Q1 of year 2",
    half: "half paid in Q1 of year 2 and half July to September",
    deferred: "deferred until performance improves, taken here as paid the year after",
  }[r.status];
  return `Year-2 attachment fees (${money(r.attachment)}) are ${when} (${basis}).`;
}

/** What the table rests on, said plainly: the assumption a reader would question first. */
function basisText(flow: CashFlow, args: WhatifArgs): string {
  const lag = args.framework.paymentLagMonths;
  const release = flow.release ? ` ${releaseText(flow)}` : "";
  const assumed = args.monthsToResult === undefined ? " (an assumption: --months-to-result)" : "";
  return `Attachment fees arrive in the year of attachment. Each year's families are taken as attached evenly over its four quarters; a quarter's results are claimed in the first claim window ${flow.monthsToResult} months or more after the quarter ends${assumed}, and paid ${lag} month${lag === 1 ? "" : "s"} after that window closes.${release}`;
}

function forwardSentence(flow: CashFlow, rate: Decimal): string {
  const first = flow.years[0]?.label;
  const last = flow.years.at(-1)?.label;
  return `${money(flow.total)} is received from ${first} to ${last}: ${money(flow.attachment)} of attachment fees and ${money(flow.expectedResults)} of results at a ${percent(rate)} success rate.`;
}

const byYearJson = (flow: CashFlow) => ({
  attachment: pounds(flow.attachment),
  expectedResults: pounds(flow.expectedResults),
  total: pounds(flow.total),
  byYear: flow.years.map((y) => ({
    year: y.label,
    attachment: pounds(y.attachment),
    results: pounds(y.results),
    received: pounds(y.received),
  })),
});

function forward(args: WhatifArgs, json: boolean): CommandOutput {
  const successRate = args.successRate ?? dec(1);
  const flow = cashFlow({ ...args, attached: args.attached ?? [], successRate });
  if (isError(flow)) throw new UsageError(flow.message);
  const text = [
    `${args.framework.name}: ${familiesText(args.attached ?? [])}, ${percent(successRate)} turned around${args.successRate ? "" : " (the results maximum: --success-rate changes it)"}.`,
    "",
    flowTable(flow),
    "",
    forwardSentence(flow, successRate),
    basisText(flow, args),
  ].join("\n");
  return { stdout: `${json ? JSON.stringify(byYearJson(flow)) : text}\n`, stderr: "", status: 0 };
}

function answerText(answer: TargetAnswer & { reachable: true }, args: WhatifArgs, by: string) {
  const amount = money(args.target!.amount);
  const needed =
    answer.successRate !== undefined
      ? `A success rate of ${percent(answer.successRate)} is needed for ${familiesText(args.attached ?? [])}`
      : `${answer.familiesPerYear!.toString()} families a year for ${answer.flow.envelope.rows.length} years are needed at a ${percent(args.successRate!)} success rate`;
  return `${needed} to have received ${amount} by the end of ${by} (${money(answer.received)} by then).`;
}

function goalSeek(args: WhatifArgs, json: boolean): CommandOutput {
  const { amount, byYear } = args.target!;
  const by = financialYearLabel(byYear);
  const answer = targetNeeded({
    ...args,
    amount,
    byYear,
    solveFor: args.attached ? "success-rate" : "families",
  });
  if (isError(answer)) throw new UsageError(answer.message);
  const solveFor = args.attached ? "successRate" : "familiesPerYear";
  const asked = { target: pounds(amount), by, solveFor };
  if (!answer.reachable) {
    const why = `Not reachable: ${answer.why}.`;
    return json
      ? {
          stdout: `${JSON.stringify({ ...asked, reachable: false, most: pounds(answer.most), why: answer.why })}\n`,
          stderr: "",
          status: 1,
        }
      : { stdout: `${why}\n`, stderr: "", status: 1 };
  }
  if (json) {
    const found =
      answer.successRate !== undefined
        ? { successRate: answer.successRate.toNumber() }
        : { familiesPerYear: answer.familiesPerYear!.toNumber() };
    return {
      stdout: `${JSON.stringify({ ...asked, reachable: true, ...found, received: pounds(answer.received), ...byYearJson(answer.flow) })}\n`,
      stderr: "",
      status: 0,
    };
  }
  const text = [
    answerText(answer, args, by),
    "",
    flowTable(answer.flow),
    "",
    basisText(answer.flow, args),
  ].join("\n");
  return { stdout: `${text}\n`, stderr: "", status: 0 };
}

/** `tf-funding whatif --attach … [--success-rate …] [--target £ --by YEAR] [--json]`. */
export function whatifCommand(args: readonly string[], json: boolean): CommandOutput {
  const parsed = parseWhatifArgs(args);
  return parsed.target ? goalSeek(parsed, json) : forward(parsed, json);
}
