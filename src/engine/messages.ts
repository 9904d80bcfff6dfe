import { FundingError } from "./errors";
import { quote } from "./text";

/**
 * Every message the engine can give, in one place, so they all read the same way: what was
 * wrong, then how to put it right. `what` names the argument or cell ("families", "claim_dates
 * row 3").
 */
export const MAX_FAMILIES = 10_000_000;
export const MAX_MONEY = 1e12;

/** "a", "a or b", "a, b or c". */
const orList = (items: readonly string[]) =>
  items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

const value = (message: string) => new FundingError("value", message);
const num = (message: string) => new FundingError("num", message);

export const Problems = {
  outcomePaysNothing: (outcome: string, year: number, framework: string) =>
    new FundingError(
      "div0",
      `the ${framework} framework pays nothing for ${outcome} in year ${year}: no number of outcomes reaches the target.`
    ),
  targetNotReachable: (cost: string, most: string) =>
    num(
      `even if every family achieved every result, central money is £${most}, less than the £${cost} to cover: lower the cost or fund more families.`
    ),
  afterLastWindow: (date: string, framework: string, last: string) =>
    new FundingError(
      "na",
      `${date} is after the ${framework} framework's last claim window (${last}): there is no later window.`
    ),
  employmentAboveTurnedAround: (employment: string, turnedAround: string) =>
    num(
      `${employment} employment results is more than the ${turnedAround} families turned around: employment results are part of that count.`
    ),
  blank: (what: string) => value(`${what} is empty: enter a number.`),
  notANumber: (what: string, got: unknown) => value(`${what} must be a number, not ${quote(got)}.`),
  commaOutOfPlace: (what: string, got: unknown) =>
    value(
      `${what} ${quote(got)} has a comma out of place: write thousands as 1,294 (or 1294); a decimal comma is not read.`
    ),
  notText: (what: string, got: unknown) => value(`${what} must be text, not ${quote(got)}.`),
  notFinite: (what: string) => num(`${what} is not a finite number: enter an ordinary number.`),
  negative: (what: string, got: number | string) => num(`${what} cannot be negative (${got}).`),
  notACount: (what: string, got: unknown) =>
    value(`${what} must be a number of families, not ${quote(got)}.`),
  negativeCount: (what: string, got: string) =>
    num(`${what} cannot be negative (${got}): enter 0 or more families.`),
  notWhole: (what: string, got: number | string) =>
    num(`${what} must be a whole number of families, not ${got}: families cannot be split.`),
  tooManyFamilies: (what: string, got: string) =>
    num(
      `${what} is ${got}, more than the ${MAX_FAMILIES.toLocaleString("en-GB")} families this model allows.`
    ),
  shareOutOfRange: (what: string, got: string, percent?: string) =>
    num(
      `${what} must be a share between 0 and 1 (for example 5/6, 0.8333 or 83.3%), not ${got}${percent ? `: for ${percent}% write ${percent}%` : ""}.`
    ),
  shareNotValid: (what: string, got: unknown) =>
    value(
      `${what} must be a share between 0 and 1 such as 5/6, 0.8333 or 83.3%, not ${quote(got)}.`
    ),
  notMoney: (what: string, got: unknown) =>
    value(`${what} must be an amount of money such as 1000 or £1,000, not ${quote(got)}.`),
  negativeMoney: (what: string, got: string) =>
    num(`${what} cannot be negative (${got}): enter £0 or more.`),
  tooMuchMoney: (what: string, got: string) =>
    num(
      `${what} is ${got}, more than the £${MAX_MONEY.toLocaleString("en-GB")} this model allows.`
    ),
  rateOutOfRange: (what: string, got: string) =>
    num(`${what} must be between 0% and 100%, not ${got}.`),
  unknownRounding: (got: unknown) =>
    value(`rounding must be "half-up", "none" or "down", not ${quote(got)}.`),
  unknownFramework: (
    got: unknown,
    known: readonly string[],
    near: readonly string[] = [],
    tableAllowed = false
  ) =>
    value(
      `there is no framework called ${quote(got)}: ${near.length > 0 ? `did you mean ${orList(near)}? The frameworks are` : "use one of"} ${known.join(", ")}${tableAllowed ? ", or a framework table" : ""}.`
    ),
  unknownOutcome: (got: unknown, known: readonly string[]) =>
    value(`${quote(got)} is not an outcome type: use one of ${known.join(", ")}.`),
  outcomeNotPaid: (outcome: string, framework: string, paid: readonly string[]) =>
    value(
      `the ${framework} framework does not pay a result for ${outcome}: it pays for ${paid.join(", ")}.`
    ),
  unknownYear: (got: unknown, framework: string, labels: readonly string[]) =>
    value(
      `${quote(got)} is not a year of the ${framework} framework: use 1 to ${labels.length} or a financial year from ${labels[0]} to ${labels[labels.length - 1]}.`
    ),
  unknownByYear: (got: unknown, framework: string, first: string) =>
    value(
      `${quote(got)} is not a financial year: write it as "2019/20", or as a programme year of the ${framework} framework (1 for ${first}, 2 for the year after, …).`
    ),
  monthsToResultOutOfRange: (got: number, what = "months to a result") =>
    num(`${what} must be a whole number from 0 to 120, not ${got}.`),
  /** The goal seek finds one unknown: `families` and `rate` name how each is given. */
  targetBothGiven: (families: string, rate: string) =>
    value(
      `give ${families} to find the success rate needed, or ${rate} to find the families a year needed, not both: leave out the one to find.`
    ),
  targetNeitherGiven: (families: string, rate: string) =>
    value(
      `give ${families} (to find the success rate needed) or ${rate} (to find the families a year needed).`
    ),
  yearsOutOfRange: (got: number | string, framework: string, most: number, what = "years") =>
    num(
      `${what} must be a whole number from 1 to ${most} (the ${framework} framework's programme years), not ${got}.`
    ),
  profileTooLong: (length: number, framework: string, most: number) =>
    num(`the profile has ${length} years but the ${framework} framework has only ${most}.`),
  overrideAboveCohort: (funded: string, cohort: string) =>
    num(
      `the funded number (${funded}) is more than the cohort (${cohort}): a family can only be funded once.`
    ),
  fractionNeedsNone: (what: string, got: string) =>
    num(`${what} is ${got}: fractions of families are only kept with rounding "none".`),
  moreOutcomesThanFamilies: (outcomes: string, cohort: string) =>
    num(
      `${outcomes} outcomes is more than the cohort of ${cohort} families: a family is turned around only once.`
    ),
  emptyCohort: (what: string) =>
    new FundingError("div0", `${what} is 0: there are no families to take a share of.`),
  notADate: (what: string, got: unknown) =>
    value(
      `${what} is not a date: enter a date such as 2014-08-01 or an Excel date, not ${quote(got)}.`
    ),
  notARealDate: (what: string, got: string, month: string, days: number) =>
    value(
      `${what} ${quote(got)} is not a real date: ${month.charAt(0).toUpperCase()}${month.slice(1)} has ${days} days, so correct the day.`
    ),
  dayFirst: (what: string, got: string) =>
    value(
      `${what} ${quote(got)} is not a date: dates are read day first, as in the UK (31/07/2013 is 31 July 2013), so correct the day or the month.`
    ),
  dateBefore1900: (what: string, shown: string) =>
    num(
      `${what} ${shown} is before 1 March 1900, the earliest date Excel and this model agree on: check the year.`
    ),
  dateOutOfRange: (what: string, got: string) =>
    num(`${what} (${got}) is outside the years 1900 to 9999.`),
  rangeLengthsDiffer: (first: string, firstLength: number, second: string, secondLength: number) =>
    value(
      `${first} has ${firstLength} values but ${second} has ${secondLength}: give one count for every date.`
    ),
  tooFewPoints: (what: string, got: number, need: number) =>
    new FundingError(
      "div0",
      `${what} has ${got} claim dates: a trend needs at least ${need} different dates.`
    ),
  datesOutOfOrder: (what: string, row: number) =>
    value(`${what} row ${row} is earlier than the row above: sort the claim history by date.`),
  unknownMethod: (got: unknown, known: readonly string[]) =>
    value(`${quote(got)} is not a forecast method: use ${known.join(" or ")}.`),
  unexpectedRange: (what: string) => value(`${what} must be a single value, not a range.`),
  notARange: (what: string) => value(`${what} must be a range of cells.`),
  notBoolean: (what: string, got: unknown) =>
    value(`${what} must be TRUE or FALSE, not ${quote(got)}.`),
  tooManyClaims: (outcome: string, claimed: string, funded: string) =>
    num(
      `${claimed} families are claimed for ${outcome}, more than the ${funded} families attached and funded: a family can claim each result once, and only a funded family earns results.`
    ),
  claimYearOutside: (row: number, year: number, most: number) =>
    num(`claim row ${row} names programme year ${year}, but the framework has ${most} years.`),
  frameworkTable: (row: number, problem: string) => value(`framework table row ${row}: ${problem}`),
  noYearTwoRelease: (framework: string) =>
    value(
      `the ${framework} framework has no year-2 attachment release (a phase 1 rule, decided in 2013/14): choose phase1 or phase1-fast-track, or leave the framework out.`
    ),
  releaseCommitment: () =>
    num(`the year-1 commitment must be more than 0 families to work out the year-2 release.`),
  amountWithoutFamilies: (row: number, amount: string) =>
    num(
      `claim row ${row} has £${amount} but 0 families: give the number of families the claim was for.`
    ),
  claimWindowNotADate: (framework: string, index: number, got: unknown) =>
    value(
      `claim window ${index} of the ${framework} framework is not a date (${quote(got)}): write it as 2014-08-31.`
    ),
  programmeEndNotADate: (framework: string, got: unknown) =>
    value(
      `the ${framework} framework's programme end is not a date (${quote(got)}): write it as 2015-05-31.`
    ),
  claimYearNotInEnvelope: (row: number, year: number, years: number) =>
    num(
      `claim row ${row} is for families attached in programme year ${year}, but the envelope covers ${years} years: widen the envelope or correct the claim.`
    ),
  moneyOutOfRange: (what: string, got: string) =>
    num(`${what} is ${got}: enter an amount from £0 to £${MAX_MONEY.toLocaleString("en-GB")}.`),
};

/**
 * The second half of a framework-table message (after "framework table row N: "): what is wrong
 * with the row, then what to write instead.
 */
export const TableProblems = {
  noSettingName: () =>
    `the first cell is empty: write the setting's name there (for example "attachment").`,
  unknownSetting: (got: unknown, known: readonly string[]) =>
    `${quote(got)} is not a setting or an outcome type: use one of ${known.join(", ")}, or an outcome type such as "progress to work".`,
  duplicate: (setting: string, firstRow: number) =>
    `${setting} is already given in row ${firstRow}: keep one row per setting.`,
  noValue: (setting: string) =>
    `${setting} has no value: put it in the cell to the right of the name.`,
  oneValue: (setting: string) =>
    `${setting} takes one value, in the cell to the right of the name.`,
  perYearCount: (setting: string, got: number, years: number) =>
    `${setting} has ${got} values but the framework has ${years} financial years: give one value, or one per year.`,
  gapInValues: (setting: string, position: number) =>
    `${setting} value ${position} is empty: fill it in, or give one value for every year.`,
  notText: (setting: string, got: unknown) => `${setting} must be text, not ${quote(got)}.`,
  unknownBase: (got: unknown, known: readonly string[]) =>
    `${quote(got)} is not a built-in framework to start from: use one of ${known.join(", ")}.`,
  notFinancialYear: (got: unknown) =>
    `${quote(got)} is not a financial year: write it as text such as 2016/17.`,
  yearsNotConsecutive: (previous: string, got: string) =>
    `${got} does not follow ${previous}: list consecutive financial years in order.`,
  noFinancialYears: () =>
    `the table has no "financial years" row: add one (for example financial years | 2016/17 | 2017/18), or a "based on" row.`,
  noAttachment: () =>
    `the table has no "attachment" row: add the attachment fee per family for each year, or a "based on" row.`,
  baseYearsDiffer: (setting: string, base: string, baseCount: number, years: number) =>
    `the ${base} framework's ${setting} has ${baseCount} values but this table has ${years} financial years: add a "${setting}" row with one value per year.`,
  notShare: (setting: string, got: unknown) =>
    `${setting} must be a share between 0 and 1 such as 5/6, 0.8333 or 83.3%, not ${quote(got)}.`,
  unknownRounding: (got: unknown) =>
    `rounding must be "half-up", "none" or "down", not ${quote(got)}.`,
  notWholeNumber: (setting: string, got: unknown, least: number, most: number) =>
    `${setting} must be a whole number from ${least} to ${most}, not ${quote(got)}.`,
  notDate: (setting: string, got: unknown) =>
    `${setting} must be a date such as 2015-05-31 or an Excel date, not ${quote(got)}.`,
  windowsOutOfOrder: (previous: string, got: string) =>
    `claim window ${got} is not after ${previous}: list the claim windows in date order.`,
  unknownOutcomeInList: (setting: string, got: unknown) =>
    `${setting} lists ${quote(got)}, which is not an outcome type: use ids such as crime-asb-education.`,
  outcomeWithoutRate: (setting: string, outcome: string) =>
    `${setting} lists ${outcome}, but the framework has no rate for it: add a row for ${outcome}.`,
};
