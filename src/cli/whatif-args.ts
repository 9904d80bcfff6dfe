import { Result, isError } from "../engine/errors";
import { Framework, builtInFramework } from "../engine/frameworks";
import { Problems } from "../engine/messages";
import { Decimal } from "../engine/money";
import { didYouMean } from "../engine/near-miss";
import {
  countSetting,
  frameworkSetting,
  moneySetting,
  numberSetting,
  shareSetting,
  yearsSetting,
} from "../engine/parse-settings";
import { financialYearToCount } from "../engine/years";
import { UsageError, splitOption } from "./parse-arg";

/*
 * `tf-funding whatif` arguments: no workbook, only flags, each `--flag value` or `--flag=value`,
 * read by the parsers a cell, an Assumptions table and the tables command's flags use, so
 * "65%", "0.65", "£900,000" and "900000" read the same everywhere. A bad value is a usage
 * error whose message names the flag.
 */

export const WHATIF_FLAGS = [
  "--framework",
  "--attach",
  "--success-rate",
  "--months-to-result",
  "--cohort",
  "--target",
  "--by",
  "--years",
] as const;
type WhatifFlag = (typeof WHATIF_FLAGS)[number];

/** The forward model's inputs, and the goal seek's when --target is given. */
export interface WhatifArgs {
  framework: Framework;
  /** --attach: families attached in each programme year, from year 1. */
  attached?: Decimal[];
  successRate?: Decimal;
  monthsToResult?: number;
  cohort?: Decimal;
  /** --target and --by (the start year of the financial year): the goal seek. */
  target?: { amount: Decimal; byYear: number };
  /** --years: programme years families are attached over, when finding families a year. */
  years?: number;
}

/** A parser's answer, or the usage error that names the flag (if its message does not yet). */
function checked<T>(result: Result<T>, flag: WhatifFlag): T {
  if (!isError(result)) return result;
  throw new UsageError(
    result.message.startsWith(flag) ? result.message : `${flag}: ${result.message}`
  );
}

function flagValues(args: readonly string[]): Partial<Record<WhatifFlag, string>> {
  const given: Partial<Record<WhatifFlag, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const { name, inline } = splitOption(arg);
    if (!(WHATIF_FLAGS as readonly string[]).includes(name)) {
      if (!name.startsWith("-"))
        throw new UsageError(
          `unexpected argument ${arg}: whatif reads no workbook, only its options (tf-funding whatif --help).`
        );
      const near = didYouMean(name, WHATIF_FLAGS);
      throw new UsageError(
        `unknown option ${name}: ${near ? `${near} ` : ""}The options are ${WHATIF_FLAGS.join(", ")} and --json.`
      );
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.trim() === "") throw new UsageError(`${name} needs a value.`);
    given[name as WhatifFlag] = value;
  }
  return given;
}

/** --attach 140,140,140: families attached in each programme year, from year 1. */
function attachedOf(text: string, framework: Framework): Decimal[] {
  const parts = text.split(",").map((part) => part.trim());
  const attached = parts.map((part, i) =>
    checked(
      countSetting(parts.length === 1 ? "--attach" : `--attach year ${i + 1}`, part),
      "--attach"
    )
  );
  const most = framework.years.length;
  if (attached.length > most)
    throw new UsageError(
      `--attach gives ${attached.length} years but the ${framework.id} framework has only ${most}: give families attached in each programme year, separated by commas.`
    );
  return attached;
}

function monthsOf(text: string): number {
  const months = checked(numberSetting("--months-to-result", text), "--months-to-result");
  if (!Number.isInteger(months) || months < 0 || months > 120)
    throw new UsageError(Problems.monthsToResultOutOfRange(months, "--months-to-result").message);
  return months;
}

export function parseWhatifArgs(args: readonly string[]): WhatifArgs {
  const given = flagValues(args);
  const framework =
    given["--framework"] === undefined
      ? (builtInFramework("phase1") as Framework)
      : checked(frameworkSetting(given["--framework"]), "--framework");
  const parsed: WhatifArgs = { framework };
  if (given["--attach"] !== undefined) parsed.attached = attachedOf(given["--attach"], framework);
  if (given["--success-rate"] !== undefined)
    parsed.successRate = checked(
      shareSetting("--success-rate", given["--success-rate"]),
      "--success-rate"
    );
  if (given["--months-to-result"] !== undefined)
    parsed.monthsToResult = monthsOf(given["--months-to-result"]);
  if (given["--cohort"] !== undefined)
    parsed.cohort = checked(countSetting("--cohort", given["--cohort"]), "--cohort");
  if (given["--years"] !== undefined)
    parsed.years = checked(yearsSetting("--years", given["--years"], framework), "--years");

  const target = given["--target"];
  const by = given["--by"];
  if (target === undefined) {
    if (by !== undefined)
      throw new UsageError("--by needs --target: the £ to have received by then.");
    if (parsed.years !== undefined)
      throw new UsageError("--years is for --target without --attach (finding families a year).");
    if (!parsed.attached)
      throw new UsageError(
        "--attach is required: families attached in each programme year, e.g. --attach 140,140,140,140,140."
      );
    return parsed;
  }
  if (by === undefined)
    throw new UsageError(
      "--target needs --by: the financial year to have received it by, e.g. --by 2019/20."
    );
  const amount = checked(moneySetting("--target", target), "--target");
  const byYear = financialYearToCount(framework, by);
  if (isError(byYear)) throw new UsageError(`--by: ${byYear.message}`);
  if (parsed.attached && parsed.successRate)
    throw new UsageError(Problems.targetBothGiven("--attach", "--success-rate").message);
  if (!parsed.attached && !parsed.successRate)
    throw new UsageError(Problems.targetNeitherGiven("--attach", "--success-rate").message);
  if (parsed.attached && parsed.years !== undefined)
    throw new UsageError(
      "--years is for finding families a year: with --attach, its years are given."
    );
  return { ...parsed, target: { amount, byYear } };
}
