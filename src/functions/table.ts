import { FundingError, Result, isError } from "../engine/errors";
import { Problems } from "../engine/messages";
import * as contract from "./contract";
import * as planning from "./planning";
import * as whatif from "./whatif";
import { ExcelArg, ExcelValue } from "./excel-args";

/**
 * The public functions, once: Excel's custom functions and `tf-funding call` both run these, so
 * a cell and the command line can never disagree. Each takes Excel-shaped arguments and returns
 * an Excel-shaped value or a FundingError.
 */
export interface FunctionParam {
  name: string;
  optional: boolean;
}

export interface FunctionSpec {
  id: string;
  params: FunctionParam[];
  /**
   * What the number it returns means, for showing it to a person (`tf-funding call`): a date
   * (an Excel serial) or a share (0 to 1). Money and counts are shown as they are.
   */
  shows?: "date" | "share";
  run(args: readonly ExcelArg[]): Result<ExcelValue>;
}

const required = (name: string): FunctionParam => ({ name, optional: false });
const optional = (name: string): FunctionParam => ({ name, optional: true });

export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: "TF_ELIGIBLE",
    params: [required("families"), optional("share"), optional("rounding")],
    run: contract.eligible,
  },
  {
    id: "TF_ATTACHMENT",
    params: [required("families"), required("year"), optional("framework"), optional("rounding")],
    run: contract.attachment,
  },
  {
    id: "TF_RESULTS_PAYMENT",
    params: [required("outcome"), required("year"), optional("framework")],
    run: contract.resultsPayment,
  },
  {
    id: "TF_ENVELOPE",
    params: [
      required("families"),
      optional("years"),
      optional("framework"),
      optional("rounding"),
      optional("funded"),
    ],
    run: contract.envelope,
  },
  {
    id: "TF_PBR_RISK",
    params: [
      required("families"),
      optional("years"),
      optional("framework"),
      optional("rounding"),
      optional("funded"),
    ],
    run: contract.pbrRisk,
  },
  {
    id: "TF_PBR_FORECAST",
    params: [
      required("claim_dates"),
      required("claim_counts"),
      required("forecast_date"),
      optional("cohort"),
      optional("method"),
    ],
    run: contract.pbrForecast,
  },
  {
    id: "TF_TURNED_AROUND",
    params: [required("outcomes"), required("cohort")],
    run: contract.turnedAround,
    shows: "share",
  },
  {
    id: "TF_RESULTS_FOR_CLAIMS",
    params: [required("outcomes"), required("counts"), required("year"), optional("framework")],
    run: planning.resultsForClaims,
  },
  {
    id: "TF_OUTCOMES_NEEDED",
    params: [required("target"), required("outcome"), required("year"), optional("framework")],
    run: planning.outcomesNeeded,
  },
  {
    id: "TF_BREAK_EVEN_RATE",
    params: [required("families"), required("cost"), optional("years"), optional("framework")],
    run: planning.breakEven,
    shows: "share",
  },
  {
    id: "TF_FINANCIAL_YEAR",
    params: [required("date")],
    run: planning.financialYear,
  },
  {
    id: "TF_NEXT_CLAIM_WINDOW",
    params: [required("date"), optional("framework")],
    run: planning.nextClaimWindow,
    shows: "date",
  },
  {
    id: "TF_EMPLOYMENT_SHARE",
    params: [required("employment_outcomes"), required("turned_around")],
    run: planning.employmentShareOf,
    shows: "share",
  },
  {
    id: "TF_EXPECTED_CLAWBACK",
    params: [required("claimed"), optional("checked"), optional("invalid")],
    run: planning.expectedClawbackOf,
  },
  {
    id: "TF_YEAR2_RELEASE",
    params: [
      required("commitment"),
      required("worked_with"),
      required("attachment"),
      optional("framework"),
    ],
    run: planning.yearTwoReleaseOf,
  },
  {
    id: "TF_CASHFLOW",
    params: [
      required("families_per_year"),
      optional("success_rate"),
      optional("framework"),
      optional("months_to_result"),
      optional("cohort"),
    ],
    run: whatif.cashFlowOf,
  },
  {
    id: "TF_TARGET_NEEDED",
    params: [
      required("amount"),
      required("by_year"),
      optional("families_per_year"),
      optional("success_rate"),
      optional("framework"),
      optional("months_to_result"),
      optional("cohort"),
      optional("years"),
    ],
    run: whatif.targetNeededOf,
  },
];

const BY_ID: ReadonlyMap<string, FunctionSpec> = new Map(FUNCTIONS.map((spec) => [spec.id, spec]));

/** A function by id, accepting Excel's dotted display name too (TF.ATTACHMENT). */
export function findFunction(id: string): FunctionSpec | undefined {
  // Excel's entry points pass the id as it is: only other spellings need normalising.
  return BY_ID.get(id) ?? BY_ID.get(id.trim().toUpperCase().replace(/^TF\./, "TF_"));
}

/** Runs a function, making sure nothing leaves it but a finite value or a FundingError. */
export function callFunction(spec: FunctionSpec, args: readonly ExcelArg[]): Result<ExcelValue> {
  const padded = spec.params.map((_, i) => (i < args.length ? args[i] : null));
  let result: Result<ExcelValue>;
  try {
    result = spec.run(padded);
  } catch (failure) {
    // A defect, not bad input: still answer with an error value rather than a bare #VALUE!.
    const reason = failure instanceof Error ? failure.message : String(failure);
    return new FundingError(
      "value",
      `${spec.id} could not calculate this (${reason}): please report it.`
    );
  }
  if (isError(result)) return result;
  const cells = Array.isArray(result) ? result.flat() : [result];
  if (cells.some((cell) => typeof cell === "number" && !Number.isFinite(cell))) {
    return Problems.notFinite(`the result of ${spec.id}`);
  }
  return result;
}
