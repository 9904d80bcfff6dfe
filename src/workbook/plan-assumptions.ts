import { serialFromIso } from "../engine/dates";
import { CashEnvelope } from "../engine/envelope";
import { OUTCOME_TYPES, OutcomeId } from "../engine/outcomes";
import { Decimal } from "../engine/money";
import { paidOutcomes } from "../engine/paid-outcomes";
import { Provenance } from "../engine/provenance";
import { AssumptionKey } from "./assumptions";
import { ratesUsed, settingBasis, sourceText } from "./assumptions-used";
import { f, label, num, pounds, sheetRef, v } from "./cells";
import { FundingInputs } from "./inputs";
import { PlanCell, PlanSheet, PlanTable } from "./plan-types";
import { columnLetters } from "./snapshot";

export const ASSUMPTIONS_SHEET = "Funding assumptions";

/** Where each rate lives, so the other sheets' formulas can point at it. */
export interface RateCells {
  attachment: (year: number) => string;
  resultsTotal: (year: number) => string;
  outcome: (outcome: OutcomeId, year: number) => string;
}

export interface AssumptionsSheet {
  sheet: PlanSheet;
  names: Record<string, string>;
  rates: RateCells;
}

const SETTINGS_ROW = 5; // first setting, under the "Setting | Value | What it means" header
const RATES_HEADER_ROW = 21;

/**
 * The assumptions block every generated formula reads (one named cell per setting, so a what-if
 * edit recalculates everything) and the framework's rates by programme year.
 */
export function assumptionsSheet(
  inputs: FundingInputs,
  envelope: CashEnvelope,
  /** The funded number: the share of the cohort, or the agreed number. */
  funded: Decimal
): AssumptionsSheet {
  const { assumptions } = inputs;
  const { framework } = assumptions;
  const cohortFormula = inputs.families.map((row) => row.nominatedCell).join(",");
  const share = framework.eligibilityShare;
  const shareIsSixths =
    share.times(6).isInteger() && !share.times(6).equals(6) && assumptions.share.equals(share);
  const end = serialFromIso(framework.programmeEnd) ?? null;

  const basisOf = (key: AssumptionKey) => settingBasis(assumptions, key);
  const fromTables = (source: string): Provenance => ({ basis: "yours", source });
  const settings: [string, string, PlanCell, string, Provenance | undefined][] = [
    ["TF_Framework", "Framework", v(framework.id, "text"), framework.name, basisOf("framework")],
    [
      "TF_Cohort",
      "Cohort (families nominated)",
      f(
        `SUM(${cohortFormula})`,
        num(inputs.families.reduce((s, r) => s.plus(r.nominated), new Decimal(0))),
        "families"
      ),
      "The sum of the Families table's nominated families.",
      fromTables(`the Families table, ${inputs.sources.families}`),
    ],
    [
      "TF_Share",
      "Eligibility share",
      shareIsSixths
        ? f(`${share.times(6).toNumber()}/6`, share.toNumber(), "percent")
        : v(assumptions.share.toNumber(), "percent"),
      "Share of the cohort for which attachment fees are paid (5/6 in phase 1).",
      basisOf("share"),
    ],
    [
      "TF_Rounding",
      "Rounding",
      v(assumptions.rounding, "text"),
      '"half-up", "down", or "none" to keep fractions of families.',
      basisOf("rounding"),
    ],
    [
      "TF_FundedOverride",
      "Funded families (agreed number)",
      v(assumptions.funded ? num(assumptions.funded) : null, "families"),
      "Leave empty to use the share of the cohort.",
      assumptions.funded ? basisOf("funded") : undefined,
    ],
    [
      "TF_Funded",
      "Funded families",
      f(
        'IF(ISNUMBER(TF_FundedOverride),TF_FundedOverride,IF(TF_Rounding="none",TF_Cohort*TF_Share,IF(TF_Rounding="down",ROUNDDOWN(TF_Cohort*TF_Share,0),ROUND(TF_Cohort*TF_Share,0))))',
        num(funded),
        "families"
      ),
      inputs.families.some((r) => r.attached)
        ? "The families attached each year (Families table) are paid up to this number, first attached first funded; the rest earn nothing."
        : "Spread evenly over the programme years, the remainder to the earliest years.",
      undefined,
    ],
    [
      "TF_Years",
      "Programme years",
      v(envelope.rows.length, "count"),
      "Years the cohort is attached over.",
      assumptions.years === undefined ? undefined : basisOf("years"),
    ],
    [
      "TF_Contribution",
      "Council contribution per family £",
      v(pounds(assumptions.councilContribution), "money"),
      "The council's own expected spend per family (£6,000 in phase 1).",
      basisOf("councilContribution"),
    ],
    [
      "TF_Grant",
      `${framework.grant?.label ?? "Grant"} per year £`,
      v(pounds(assumptions.grantPerYear), "money"),
      "A fixed yearly line, not paid per family or by results.",
      basisOf("grantPerYear"),
    ],
    [
      "TF_SuccessRate",
      "Success rate",
      v(assumptions.successRate.toNumber(), "percent"),
      "Share of the results maximum expected to be achieved.",
      basisOf("successRate"),
    ],
    [
      "TF_EmploymentTarget",
      "Employment target",
      v(assumptions.employmentTarget ? assumptions.employmentTarget.toNumber() : null, "percent"),
      "Employment results as a share of families turned around.",
      assumptions.employmentTarget ? basisOf("employmentTarget") : undefined,
    ],
    [
      "TF_ClawbackChecked",
      "Share of claims checked",
      v(assumptions.clawbackChecked.toNumber(), "percent"),
      "Share of results claims DCLG spot-checks (about 2.1%, FOI answer 2015).",
      basisOf("clawbackChecked"),
    ],
    [
      "TF_ClawbackInvalid",
      "Share of checked claims found invalid",
      v(assumptions.clawbackInvalid.toNumber(), "percent"),
      "Of the claims checked, found invalid and repaid (2-3% early rounds, about 10% the last).",
      basisOf("clawbackInvalid"),
    ],
    [
      "TF_ProgrammeEnd",
      "Programme end (last claim)",
      v(end, "date"),
      "The date the PbR forecast runs to.",
      framework.definition.provenance.programmeEnd,
    ],
  ];
  const names: Record<string, string> = {};
  const blockRows: PlanCell[][] = [
    [
      label("Setting", true),
      label("Value", true),
      label("What it means", true),
      label("Basis", true),
      label("Source", true),
    ],
  ];
  settings.forEach(([name, title, cell, note, basis], i) => {
    names[name] = `${sheetRef(ASSUMPTIONS_SHEET)}$B$${SETTINGS_ROW + i}`;
    blockRows.push([
      label(title),
      cell,
      label(note),
      label(basis ? basis.basis : "calculated"),
      label(basis ? sourceText(basis) : "From the other settings and the Families table."),
    ]);
  });

  const paid = paidOutcomes(framework);
  const rates: PlanTable = {
    name: "TF_Rates",
    topLeft: `A${RATES_HEADER_ROW}`,
    columns: [
      { header: "Programme year", format: "count" },
      { header: "Financial year", format: "text" },
      { header: "Attachment £", format: "money" },
      { header: "Results total £", format: "money" },
      ...paid.map((id) => ({ header: `${OUTCOME_TYPES[id].label} £`, format: "money" as const })),
    ],
    rows: framework.years.map((year, i) => [
      v(year.index, "count"),
      v(year.label, "text"),
      v(pounds(framework.attachment[i]), "money"),
      v(pounds(framework.resultsTotal[i]), "money"),
      ...paid.map((id) => v(pounds(framework.results.get(id)?.[i] ?? new Decimal(0)), "money")),
    ]),
  };
  // Under the rates table, a row apart: one row per rate with its basis and source.
  const basisRow = RATES_HEADER_ROW + framework.years.length + 3;
  const rateCell = (column: number, year: number) =>
    `${sheetRef(ASSUMPTIONS_SHEET)}$${columnLetters(column)}$${RATES_HEADER_ROW + year}`;
  return {
    names,
    rates: {
      attachment: (year) => rateCell(3, year),
      resultsTotal: (year) => rateCell(4, year),
      outcome: (outcome, year) => rateCell(5 + paid.indexOf(outcome), year),
    },
    sheet: {
      name: ASSUMPTIONS_SHEET,
      widths: {},
      blocks: [
        {
          topLeft: "A1",
          rows: [
            [label(`Funding assumptions: ${framework.name}`, true)],
            [
              label(
                `Source: ${framework.source}. Edit the values in column B: every generated table recalculates. Basis: published (source named), inferred (reasoning given), default (nobody entered it) or yours.`
              ),
            ],
          ],
        },
        { topLeft: `A${SETTINGS_ROW - 1}`, rows: blockRows },
        {
          topLeft: `A${RATES_HEADER_ROW - 1}`,
          rows: [[label("Rates per family by programme year of attachment", true)]],
        },
        {
          topLeft: `A${basisRow}`,
          rows: [
            [label("Basis of figures: every rate, where it comes from", true)],
            [
              label("Rate", true),
              label("Value", true),
              label("Source", true),
              label("Basis", true),
            ],
            ...ratesUsed(framework).map((rate) => [
              label(rate.setting),
              label(rate.value),
              label(rate.source),
              label(rate.basis),
            ]),
          ],
        },
      ],
      tables: [rates],
      charts: [],
    },
  };
}
