import { evaluate } from "./excel-boundary";

/*
 * Excel's custom functions (namespace TF). The JSDoc below is Excel's own help text: the
 * metadata plugin turns it into functions.json at build time. Each function hands its
 * arguments, exactly as Excel passed them, to the shared function table, so a cell and
 * `tf-funding call` always agree.
 */

/**
 * Families for which an attachment fee can be claimed: 5 of every 6 in the cohort in phase 1, rounded half up. Basis: 5/6 published (DCLG, March 2012); rounding half up inferred from Barnet's 588. Example: =TF.ELIGIBLE(705) is 588 (Barnet).
 * @customfunction TF_ELIGIBLE ELIGIBLE
 * @helpurl https://localhost:3000/help.html#tf_eligible
 * @param families The cohort of families the council was asked to work with, e.g. 705.
 * @param [share] Share of the cohort that is funded: 5/6 if left out; a number such as 0.8333, a fraction "5/6" or a percentage "83.3%".
 * @param [rounding] "half-up" (default: 587.5 becomes 588), "down", or "none" to keep fractions of families.
 * @returns Number of funded families.
 */
export function eligible(families: any, share?: any, rounding?: any): number {
  return evaluate("TF_ELIGIBLE", [families, share, rounding]) as number;
}

/**
 * £ of attachment fees for families attached in one programme year. Basis: attachment fees published (DCLG, March 2012; phase 2 framework, 2015). Example: =TF.ATTACHMENT(294, 1) is £940,800 (phase 1, £3,200 a family in 2012/13).
 * @customfunction TF_ATTACHMENT ATTACHMENT
 * @helpurl https://localhost:3000/help.html#tf_attachment
 * @param families Funded families attached in that year, e.g. 294.
 * @param year Programme year (1, 2, 3…) or financial year such as "2013/14".
 * @param [framework] "phase1" (default), "phase1-fast-track", "phase2", "phase2-earned-autonomy", "supporting-families", or a range holding a framework table.
 * @param [rounding] "none" to allow fractions of families; otherwise families must be whole.
 * @returns Attachment fees in £.
 */
export function attachment(families: any, year: any, framework?: any[][], rounding?: any): number {
  return evaluate("TF_ATTACHMENT", [families, year, framework, rounding]) as number;
}

/**
 * £ per family for one result in a programme year. Basis: year-1 rates published; the year-2 and year-3 phase 1 splits (£1,500 + £100, £2,300 + £100) and the top-ups are inferred (see RULES.md). Example: =TF.RESULTS_PAYMENT("crime-asb-education", 1) is £700.
 * @customfunction TF_RESULTS_PAYMENT RESULTS_PAYMENT
 * @helpurl https://localhost:3000/help.html#tf_results_payment
 * @param outcome Outcome type, e.g. "crime-asb-education", "progress-to-work", "continuous-employment", "sustained-progress", or a council's label such as "Education & Crime / Anti-Social Behaviour".
 * @param year Programme year in which the family was attached (1, 2, 3…) or its financial year, e.g. "2012/13".
 * @param [framework] "phase1" (default), "phase2", … or a range holding a framework table.
 * @returns Results payment in £ per family.
 */
export function resultsPayment(outcome: any, year: any, framework?: any[][]): number {
  return evaluate("TF_RESULTS_PAYMENT", [outcome, year, framework]) as number;
}

/**
 * Spills the cash-envelope table for a cohort attached evenly over the years: year, families funded, attachment £, results (PbR) £ and total £, with a total row. Basis: rates published (DCLG, March 2012); see RULES.md. Example: =TF.ENVELOPE(705, 2, "phase1-fast-track") totals £2,352,000 (Barnet).
 * @customfunction TF_ENVELOPE ENVELOPE
 * @helpurl https://localhost:3000/help.html#tf_envelope
 * @param families The nominated cohort, e.g. 705; the framework's share (5/6 in phase 1) gives the funded families.
 * @param [years] Programme years to attach the cohort over: the framework's own (3 in phase 1) if left out.
 * @param [framework] "phase1" (default), "phase1-fast-track", "phase2", … or a range holding a framework table.
 * @param [rounding] "half-up" (default), "down", or "none" to keep fractions of families.
 * @param [funded] The authority's agreed funded number, when it differs from the share of the cohort.
 * @returns The cash-envelope table.
 */
export function envelope(
  families: any,
  years?: any,
  framework?: any[][],
  rounding?: any,
  funded?: any
): any[][] {
  return evaluate("TF_ENVELOPE", [families, years, framework, rounding, funded]) as any[][];
}

/**
 * £ of the cash envelope that depends on payment by results. Basis: rates published (DCLG, March 2012). Example: =TF.PBR_RISK(705, 2) is £705,600 (Barnet, fast-tracked over 2 years).
 * @customfunction TF_PBR_RISK PBR_RISK
 * @helpurl https://localhost:3000/help.html#tf_pbr_risk
 * @param families The nominated cohort, e.g. 705.
 * @param [years] Programme years to attach the cohort over: the framework's own if left out.
 * @param [framework] "phase1" (default), "phase1-fast-track", "phase2", … or a range holding a framework table.
 * @param [rounding] "half-up" (default), "down", or "none" to keep fractions of families.
 * @param [funded] The authority's agreed funded number, when it differs from the share of the cohort.
 * @returns Results (PbR) £ at risk.
 */
export function pbrRisk(
  families: any,
  years?: any,
  framework?: any[][],
  rounding?: any,
  funded?: any
): number {
  return evaluate("TF_PBR_RISK", [families, years, framework, rounding, funded]) as number;
}

/**
 * Forecast cumulative outcomes by a date from the claim history: the same as FORECAST.LINEAR on the running total of the counts, capped at the cohort. Example: =TF.PBR_FORECAST(A2:A6, B2:B6, DATE(2015,5,31), 730).
 * @customfunction TF_PBR_FORECAST PBR_FORECAST
 * @helpurl https://localhost:3000/help.html#tf_pbr_forecast
 * @param claim_dates Dates of the claims so far, in date order (one column or row).
 * @param claim_counts Families claimed on each date (same size as claim_dates).
 * @param forecast_date The date to forecast to, e.g. the last claim window.
 * @param [cohort] The most families that can be turned around; the forecast never exceeds it.
 * @param [method] "linear" (default).
 * @returns Forecast cumulative outcomes (families).
 */
export function pbrForecast(
  claim_dates: any[][],
  claim_counts: any[][],
  forecast_date: any,
  cohort?: any,
  method?: any
): number {
  return evaluate("TF_PBR_FORECAST", [
    claim_dates,
    claim_counts,
    forecast_date,
    cohort,
    method,
  ]) as number;
}

/**
 * Share of the cohort turned around. Example: =TF.TURNED_AROUND(473, 730) is 64.8% (Rotherham).
 * @customfunction TF_TURNED_AROUND TURNED_AROUND
 * @helpurl https://localhost:3000/help.html#tf_turned_around
 * @param outcomes Families turned around (a family counts once).
 * @param cohort Families in the cohort.
 * @returns Share of the cohort, from 0 to 1 (format the cell as %).
 */
export function turnedAround(outcomes: any, cohort: any): number {
  return evaluate("TF_TURNED_AROUND", [outcomes, cohort]) as number;
}

/**
 * £ of results for a set of claims: one outcome type and one count of families per row, for families attached in one programme year. Basis: year-1 rates published; year-2 and year-3 phase 1 splits and the top-ups inferred (see RULES.md). Example: Rotherham's 435 crime/ASB/education, 27 progress to work and 38 continuous employment at year-1 rates pay £337,600.
 * @customfunction TF_RESULTS_FOR_CLAIMS RESULTS_FOR_CLAIMS
 * @helpurl https://localhost:3000/help.html#tf_results_for_claims
 * @param outcomes Outcome type of each claim (ids or the council's labels), one column or row.
 * @param counts Families claimed for each outcome type (same size as outcomes).
 * @param year Programme year in which the families were attached (1, 2, 3…) or its financial year.
 * @param [framework] "phase1" (default), "phase2", … or a range holding a framework table.
 * @returns Results in £.
 */
export function resultsForClaims(
  outcomes: any[][],
  counts: any[][],
  year: any,
  framework?: any[][]
): number {
  return evaluate("TF_RESULTS_FOR_CLAIMS", [outcomes, counts, year, framework]) as number;
}

/**
 * Whole families who must achieve one result for it to bring in a £ target. Basis: year-2 and year-3 phase 1 splits are inferred (see RULES.md). Example: =TF.OUTCOMES_NEEDED(100000, "crime-asb-education", 1) is 143.
 * @customfunction TF_OUTCOMES_NEEDED OUTCOMES_NEEDED
 * @helpurl https://localhost:3000/help.html#tf_outcomes_needed
 * @param target The results income to reach, in £.
 * @param outcome Outcome type, e.g. "crime-asb-education" or "continuous-employment".
 * @param year Programme year in which the families were attached (1, 2, 3…) or its financial year.
 * @param [framework] "phase1" (default), "phase2", … or a range holding a framework table.
 * @returns Number of families (rounded up).
 */
export function outcomesNeeded(target: any, outcome: any, year: any, framework?: any[][]): number {
  return evaluate("TF_OUTCOMES_NEEDED", [target, outcome, year, framework]) as number;
}

/**
 * The share of the results maximum the cohort must achieve for central money (attachment fees plus results) to cover a cost, such as the council's own team; 0 when the fees alone cover it. Basis: rates published (DCLG, March 2012). Example: =TF.BREAK_EVEN_RATE(705, 2000000, 2, "phase1-fast-track") is 50.1%.
 * @customfunction TF_BREAK_EVEN_RATE BREAK_EVEN_RATE
 * @helpurl https://localhost:3000/help.html#tf_break_even_rate
 * @param families The nominated cohort, e.g. 705.
 * @param cost The £ that central money must cover.
 * @param [years] Programme years to attach the cohort over: the framework's own if left out.
 * @param [framework] "phase1" (default), "phase1-fast-track", "phase2", … or a range holding a framework table.
 * @returns Success rate from 0 to 1 (format the cell as %).
 */
export function breakEvenRate(families: any, cost: any, years?: any, framework?: any[][]): number {
  return evaluate("TF_BREAK_EVEN_RATE", [families, cost, years, framework]) as number;
}

/**
 * The UK financial year (1 April to 31 March) of a date. Example: =TF.FINANCIAL_YEAR(DATE(2014,2,28)) is "2013/14".
 * @customfunction TF_FINANCIAL_YEAR FINANCIAL_YEAR
 * @helpurl https://localhost:3000/help.html#tf_financial_year
 * @param date A date, or ISO text such as "2014-02-28".
 * @returns The financial year, e.g. "2013/14".
 */
export function financialYear(date: any): string {
  return evaluate("TF_FINANCIAL_YEAR", [date]) as string;
}

/**
 * The close date of the first claim window on or after a date (format the cell as a date). Basis: claim windows are defaults (the last phase 1 window, 31 January 2015, is unverified). Example: =TF.NEXT_CLAIM_WINDOW(DATE(2014,3,1)) is 31 May 2014.
 * @customfunction TF_NEXT_CLAIM_WINDOW NEXT_CLAIM_WINDOW
 * @helpurl https://localhost:3000/help.html#tf_next_claim_window
 * @param date A date, or ISO text such as "2014-03-01".
 * @param [framework] "phase1" (default), "phase2", … or a range holding a framework table.
 * @returns The window's close date as an Excel date.
 */
export function nextClaimWindow(date: any, framework?: any[][]): number {
  return evaluate("TF_NEXT_CLAIM_WINDOW", [date, framework]) as number;
}

/**
 * Employment results as a share of the families turned around; the phase 1 target was 10% (published: DCLG, March 2012; NAO HC 878). Example: =TF.EMPLOYMENT_SHARE(38, 473) is 8.0% (Rotherham, August 2014).
 * @customfunction TF_EMPLOYMENT_SHARE EMPLOYMENT_SHARE
 * @helpurl https://localhost:3000/help.html#tf_employment_share
 * @param employment_outcomes Families whose result was continuous employment.
 * @param turned_around Families turned around (all results).
 * @returns Share from 0 to 1 (format the cell as %).
 */
export function employmentShare(employment_outcomes: any, turned_around: any): number {
  return evaluate("TF_EMPLOYMENT_SHARE", [employment_outcomes, turned_around]) as number;
}

/**
 * £ expected to be repaid after DCLG's spot checks: claimed × share of claims checked × share of checked claims found invalid. Example: =TF.EXPECTED_CLAWBACK(350600) is £736.26 (2.1% × 10%).
 * @customfunction TF_EXPECTED_CLAWBACK EXPECTED_CLAWBACK
 * @helpurl https://localhost:3000/help.html#tf_expected_clawback
 * @param claimed Results £ claimed.
 * @param [checked] Share of claims checked; default 2.1% (DCLG freedom-of-information answer, 2015).
 * @param [invalid] Share of checked claims found invalid; default 10% (the last round; early rounds 2-3%).
 * @returns £ expected to be clawed back, to the penny.
 */
export function expectedClawback(claimed: any, checked?: any, invalid?: any): number {
  return evaluate("TF_EXPECTED_CLAWBACK", [claimed, checked, invalid]) as number;
}

/**
 * Spills when the year-2 attachment fees are paid: at 75% or more of the year-1 commitment in full in Q1 of year 2; from a third (exactly 1/3) to 75% half then, half July to September; under a third deferred until improved performance (not lost). A phase 1 rule: other frameworks answer #VALUE!. Example: =TF.YEAR2_RELEASE(300, 99, 470400) defers £470,400.
 * @customfunction TF_YEAR2_RELEASE YEAR2_RELEASE
 * @helpurl https://localhost:3000/help.html#tf_year2_release
 * @param commitment Families the council committed to work with in year 1.
 * @param worked_with Families it was working with when the year-2 fees were decided.
 * @param attachment The year-2 attachment fees at stake, in £.
 * @param [framework] "phase1" (default), "phase1-fast-track", … or a range holding a framework table.
 * @returns A When | £ table: paid in Q1, paid July to September, deferred.
 */
export function year2Release(
  commitment: any,
  worked_with: any,
  attachment: any,
  framework?: any[][]
): any[][] {
  return evaluate("TF_YEAR2_RELEASE", [commitment, worked_with, attachment, framework]) as any[][];
}

/**
 * Spills the money of families attached per year by the financial year it is received: attachment fees in the year of attachment (phase 1's year-2 fees as the release rule pays them), results at the success rate claimed in the first claim window months_to_result months after each quarter's families are attached, paid after the payment lag; a Total row. Basis: months to a result is an assumption (12 if left out). Example: =TF.CASHFLOW(140, 0.65, "phase2") receives £1,064,000 from 2015/16 to 2021/22 (£700,000 of fees and £364,000 of results).
 * @customfunction TF_CASHFLOW CASHFLOW
 * @helpurl https://localhost:3000/help.html#tf_cashflow
 * @param families_per_year Families attached in each programme year, from year 1: a row or column such as 140, 140, 140, 140, 140; or one number, that many in each of the framework's default years.
 * @param [success_rate] Share of the funded families turned around, each paid the results maximum: 100% if left out; 0.65 or "65%".
 * @param [framework] "phase1" (default), "phase1-fast-track", "phase2", … or a range holding a framework table.
 * @param [months_to_result] Months from a family's attachment to the claim for its result: 12 if left out (an assumption).
 * @param [cohort] The nominated cohort: its funded share caps the families paid for.
 * @returns A Financial year | Attachment £ | Results £ | Total £ received table, with a Total row.
 */
export function cashflow(
  families_per_year: any[][],
  success_rate?: any,
  framework?: any[][],
  months_to_result?: any,
  cohort?: any
): any[][] {
  return evaluate("TF_CASHFLOW", [
    families_per_year,
    success_rate,
    framework,
    months_to_result,
    cohort,
  ]) as any[][];
}

/**
 * Goal seek: to have received an amount by the end of a financial year, the success rate needed (give families_per_year, leave success_rate blank) or the whole families a year needed, every year alike (give success_rate, leave families_per_year blank). #NUM! when no answer reaches it, with the most that can be received by then. Basis: the money by year as TF.CASHFLOW gives it. Example: =TF.TARGET_NEEDED(900000, "2019/20", 140, , "phase2") is 47.62% (phase 2, 140 a year for 5 years).
 * @customfunction TF_TARGET_NEEDED TARGET_NEEDED
 * @helpurl https://localhost:3000/help.html#tf_target_needed
 * @param amount The £ to have received in total (attachment fees and results) by the end of by_year, e.g. 900000.
 * @param by_year The financial year, e.g. "2019/20", or a programme year (1 is the framework's first).
 * @param [families_per_year] Families attached in each programme year (a row or column, or one number for each default year): give it to find the success rate; leave it blank to find families a year.
 * @param [success_rate] Share of the funded families turned around, e.g. 0.65 or "65%": give it (and leave families_per_year blank) to find families a year.
 * @param [framework] "phase1" (default), "phase1-fast-track", "phase2", … or a range holding a framework table.
 * @param [months_to_result] Months from a family's attachment to the claim for its result: 12 if left out (an assumption).
 * @param [cohort] The nominated cohort: its funded share caps the families paid for.
 * @param [years] Programme years families are attached over, when finding families a year: the framework's own if left out.
 * @returns The success rate from 0 to 1 (format the cell as %), or whole families a year.
 */
export function targetNeeded(
  amount: any,
  by_year: any,
  families_per_year?: any[][],
  success_rate?: any,
  framework?: any[][],
  months_to_result?: any,
  cohort?: any,
  years?: any
): number {
  return evaluate("TF_TARGET_NEEDED", [
    amount,
    by_year,
    families_per_year,
    success_rate,
    framework,
    months_to_result,
    cohort,
    years,
  ]) as number;
}
