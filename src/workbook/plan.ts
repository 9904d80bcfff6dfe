import { priceClaims, profileOf } from "../engine/claims";
import { Result, isError } from "../engine/errors";
import { headlineFigures } from "../engine/headline";
import { sum } from "../engine/money";
import { resultsCashTiming } from "../engine/realism";
import { employmentShare } from "../engine/shares";
import { pbrRisk, sensitivity } from "../engine/risk";
import { label, num, pounds, tableSum } from "./cells";
import { beyondFundedWarning, envelopeFor } from "./envelope-of";
import { FundingInputs } from "./inputs";
import { assumptionsSheet } from "./plan-assumptions";
import { claimsSheet } from "./plan-claims";
import { envelopeSentence, envelopeSheet } from "./plan-envelope";
import { releaseFigures } from "./plan-release";
import { peersFacts, peersSummary } from "./plan-peers";
import { reportSheet } from "./plan-report";
import { riskSheet } from "./plan-risk";
import { layoutForPrint } from "./plan-layout";
import {
  GENERATED_NOTE,
  NumberFormat,
  PlanCell,
  PlanSheet,
  PlanSummary,
  PlanTable,
  WorkbookPlan,
} from "./plan-types";

/** Each "sum" column's totals cell becomes SUBTOTAL(109, Table[Column]), as Excel writes it. */
function addTotalsFormulas(table: PlanTable): void {
  table.columns.forEach((column, i) => {
    const cell = table.totals?.[i];
    if (cell && column.total === "sum") cell.formula = tableSum(table.name, column.header);
  });
}

/**
 * Formats Excel shows cleanly, on every cell of a sheet: a formula that yields text is General,
 * never Text (editing it in Excel would freeze it as text), and families keep two places only
 * where fractions of families are kept (rounding "none").
 */
export function cleanFormats(sheet: PlanSheet, fractions: boolean): void {
  const format = (given: NumberFormat | undefined): NumberFormat | undefined =>
    fractions && given === "families" ? "families-fraction" : given;
  const fix = (cell: PlanCell, column?: NumberFormat) => {
    cell.format = format(cell.format);
    if (cell.formula !== undefined && (cell.format ?? column) === "text") cell.format = "general";
  };
  for (const block of sheet.blocks) for (const row of block.rows) for (const cell of row) fix(cell);
  for (const table of sheet.tables) {
    for (const column of table.columns) column.format = format(column.format) ?? column.format;
    for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])])
      row.forEach((cell, c) => fix(cell, table.columns[c]?.format));
  }
}

/**
 * The workbook plan: the Report, Cash envelope, PbR risk, Claims by year and Funding assumptions sheets,
 * every computed cell a native formula over the inputs and the assumptions, cached with the
 * engine's value. A failure is a FundingError saying what to change.
 */
export function buildPlan(inputs: FundingInputs): Result<WorkbookPlan> {
  const { assumptions } = inputs;
  const { framework } = assumptions;
  const envelope = envelopeFor(inputs);
  if (isError(envelope)) return envelope;
  const cohort = sum(inputs.families.map((row) => row.nominated));
  // The funded number itself (TF_Funded): with attachments given, the cap they are paid up to.
  const fundedNumber = envelope.fundedNumber ?? envelope.funded;

  const priced = priceClaims(framework, inputs.claims, profileOf(envelope));
  if (isError(priced)) return priced;
  const risk = pbrRisk(envelope, priced);
  if (isError(risk)) return risk;
  const rates = sensitivity(envelope);
  if (isError(rates)) return rates;
  // The headline figures, the expected clawback and the year-2 release: one engine function.
  const head = headlineFigures(envelope, assumptions.successRate, {
    claimed: risk.totals.claimed,
    checked: assumptions.clawbackChecked,
    invalid: assumptions.clawbackInvalid,
  });
  if (isError(head)) return head;
  const { clawback } = head;
  const cashTiming = resultsCashTiming(framework, priced);
  if (isError(cashTiming)) return cashTiming;

  const turnedAround = risk.forecast.claimedFamilies;
  const employment = sum(
    priced.filter((c) => framework.employmentOutcomes.includes(c.outcome)).map((c) => c.families)
  );
  const assumptionsPart = assumptionsSheet(inputs, envelope, fundedNumber);
  const envelopePart = envelopeSheet(inputs, envelope, assumptionsPart.rates, head.yearTwoRelease);
  const claimsPart = claimsSheet(framework, inputs.claims, priced, assumptionsPart.rates);
  const riskPart = riskSheet(
    envelope,
    {
      risk,
      sensitivity: rates,
      cohort,
      turnedAroundShare: cohort.isZero() ? undefined : turnedAround.div(cohort),
      employmentShare: employmentShare(employment, turnedAround),
      employmentTarget: assumptions.employmentTarget,
      clawback,
      cashTiming,
      rounding: assumptions.rounding,
    },
    envelopePart.cells,
    assumptionsPart.rates,
    claimsPart.ranges
  );

  // The council among its peers, when the inputs carry a Peers table.
  const peers = peersFacts(inputs, turnedAround, cohort);
  if (peers && isError(peers)) return peers;

  const t = envelope.totals;
  const envelopeTotal = pounds(head.envelope);
  const atRisk = pounds(head.atRisk);
  const secured = pounds(head.secured);
  const summary: PlanSummary = {
    framework: framework.id,
    cohort: num(cohort),
    attached: envelope.attachedGiven ? num(t.attached) : null,
    funded: num(envelope.funded),
    beyondFunded: num(t.beyondFunded),
    warnings: beyondFundedWarning(envelope),
    envelope: envelopeTotal,
    secured,
    atRisk,
    atRiskShare: head.atRiskShare.toNumber(),
    claimedToDate: pounds(risk.totals.claimed),
    forecastToEnd: pounds(risk.totals.forecastToEnd),
    stillAtRisk: pounds(risk.totals.atRisk),
    expectedClawback: pounds(clawback.clawback),
    turnedAroundShare: cohort.isZero() ? null : turnedAround.div(cohort).toNumber(),
    turnedAround: num(turnedAround),
    ...(head.yearTwoRelease
      ? { yearTwoRelease: releaseFigures(framework, head.yearTwoRelease) }
      : {}),
    resultsCashByYear: cashTiming.byFinancialYear.map((year) => ({
      financialYear: year.label,
      amount: pounds(year.amount),
    })),
    sentence: envelopeSentence(envelopeTotal, atRisk, secured),
    ...(peers ? { peers: peersSummary(peers) } : {}),
  };
  // The Report first: the sheet a report author came for, and the one a build leaves open.
  const report = reportSheet(
    { envelope, risk, summary, peers },
    { envelope: envelopePart.sheet, risk: riskPart }
  );
  const sheets = [report, envelopePart.sheet, riskPart, claimsPart.sheet, assumptionsPart.sheet];
  for (const sheet of sheets) for (const table of sheet.tables) addTotalsFormulas(table);
  // Row 3 of every generated sheet carries the marker by which a rebuild recognises it.
  for (const sheet of sheets) sheet.blocks.push({ topLeft: "A3", rows: [[label(GENERATED_NOTE)]] });
  // Last, on every sheet alike: clean formats, then widths, frozen rows and print settings.
  for (const sheet of sheets) {
    cleanFormats(sheet, assumptions.rounding === "none");
    layoutForPrint(sheet, { authority: assumptions.authority });
  }
  return {
    sheets,
    names: assumptionsPart.names,
    summary,
  };
}

export { beyondFundedWarning, envelopeFor } from "./envelope-of";
