import { Claim } from "../engine/claims";
import { toSerial } from "../engine/dates";
import { isError } from "../engine/errors";
import { Framework } from "../engine/frameworks";
import { Decimal, dec, wholeNumber } from "../engine/money";
import { findOutcome } from "../engine/outcomes";
import { outcomeNotPaid } from "../engine/paid-outcomes";
import { resolveYear } from "../engine/years";
import { AssumptionKey, Assumptions, readAssumptions, setAssumption } from "./assumptions";
import { ClaimReferences, futureClaim } from "./claim-checks";
import { CLAIMS_COLUMNS, ClaimsColumn, FAMILIES_COLUMNS } from "./headers";
import { InputProblem, LocatedTable, cellOf, locateTable } from "./locate";
import { CellValue } from "./plan-types";
import { sheetRef } from "./cells";
import { listProblems } from "./problem-list";
import { WorkbookSnapshot, address } from "./snapshot";
import { settingProblem } from "./setting-problem";
import { missingYears } from "./year-gaps";

export type { InputProblem } from "./locate";

export interface FamiliesRow {
  financialYear: string;
  /** 1-based programme year of the framework. */
  year: number;
  nominated: Decimal;
  /** Families attached (fees claimed) that year; undefined when the column is absent or blank. */
  attached?: Decimal;
  /** Where the counts are, as absolute references for the generated formulas. */
  nominatedCell: string;
  attachedCell?: string;
}

export interface ClaimRow extends Claim {
  /** The outcome as the council wrote it: written back as text, never as a formula. */
  label: string;
}

export interface FundingInputs {
  families: FamiliesRow[];
  claims: ClaimRow[];
  assumptions: Assumptions;
  /** Where the inputs were found, for the user: "Families!A1:C3". */
  sources: { families: string; claims: string };
}

export interface ReadOptions {
  /**
   * Today, as an Excel serial: claims dated after it are reported. The adapters (command line,
   * task pane) read the clock and pass it; reading stays a pure function of its arguments.
   */
  today?: number;
}

function count(
  value: CellValue,
  what: string,
  sheet: string,
  cell: string,
  problems: InputProblem[]
): Decimal | undefined {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*[\d,]+\s*$/.test(value)
        ? Number(value.replace(/,/g, ""))
        : NaN;
  if (!Number.isFinite(n))
    problems.push({
      sheet,
      cell,
      reason: `${what} must be a number of families, not ${JSON.stringify(value)}.`,
    });
  else if (n < 0) problems.push({ sheet, cell, reason: `${what} cannot be negative (${n}).` });
  else if (!Number.isInteger(n))
    problems.push({ sheet, cell, reason: `${what} must be a whole number of families, not ${n}.` });
  else return wholeNumber(n);
  return undefined;
}

function readFamilies(
  table: LocatedTable<"year" | "nominated" | "attached">,
  framework: Framework,
  problems: InputProblem[]
): FamiliesRow[] {
  const rows: FamiliesRow[] = [];
  const seen = new Map<number, string>();
  let unreadYears = false;
  for (const { row, cells } of table.rows) {
    const at = (key: "year" | "nominated" | "attached") => cellOf(table, row, key);
    const yearCell = cells[table.columns.year ?? 0];
    const year =
      typeof yearCell === "number" || typeof yearCell === "string"
        ? resolveYear(framework, typeof yearCell === "string" ? yearCell.trim() : yearCell)
        : undefined;
    if (year === undefined || isError(year)) {
      unreadYears = true;
      problems.push({
        sheet: table.sheet,
        cell: at("year"),
        reason: isError(year) ? year.message : "the financial year is empty.",
      });
      continue;
    }
    if (seen.has(year)) {
      problems.push({
        sheet: table.sheet,
        cell: at("year"),
        reason: `${framework.years[year - 1].label} appears twice (also in ${seen.get(year)}): give one row per year.`,
      });
      continue;
    }
    seen.set(year, at("year"));
    const nominated = count(
      cells[table.columns.nominated ?? 0],
      "families nominated",
      table.sheet,
      at("nominated"),
      problems
    );
    const attached =
      table.columns.attached === undefined
        ? undefined
        : count(
            cells[table.columns.attached],
            "families attached",
            table.sheet,
            at("attached"),
            problems
          );
    const absolute = (key: "nominated" | "attached") =>
      `${sheetRef(table.sheet)}${at(key).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
    rows.push({
      financialYear: framework.years[year - 1].label,
      year,
      nominated: nominated ?? dec(0),
      attached,
      nominatedCell: absolute("nominated"),
      attachedCell: table.columns.attached === undefined ? undefined : absolute("attached"),
    });
  }
  // A row whose year could not be read may be the "missing" one: name that row alone.
  if (!unreadYears) problems.push(...missingYears(framework, table.sheet, seen));
  return rows.sort((a, b) => a.year - b.year);
}

function readClaims(
  table: LocatedTable<ClaimsColumn>,
  framework: Framework,
  problems: InputProblem[],
  options: ReadOptions
): ClaimRow[] {
  const claims: ClaimRow[] = [];
  const references = new ClaimReferences(table.sheet);
  for (const { row, cells } of table.rows) {
    const at = (key: ClaimsColumn) => cellOf(table, row, key);
    if (table.columns.reference !== undefined) {
      const repeated = references.check(cells[table.columns.reference], at("reference"));
      if (repeated) {
        problems.push(repeated);
        continue;
      }
    }
    const rawDate = cells[table.columns.date ?? 0];
    const date =
      typeof rawDate === "number" || typeof rawDate === "string"
        ? toSerial("the claim date", rawDate)
        : undefined;
    if (date === undefined || isError(date)) {
      problems.push({
        sheet: table.sheet,
        cell: at("date"),
        reason: isError(date) ? date.message : "the claim date is empty.",
      });
      continue;
    }
    const future = futureClaim(date, options.today, table.sheet, at("date"));
    if (future) {
      problems.push(future);
      continue;
    }
    const label = cells[table.columns.outcome ?? 0];
    const outcome = typeof label === "string" ? findOutcome(label) : undefined;
    if (!outcome || !framework.results.has(outcome)) {
      problems.push({
        sheet: table.sheet,
        cell: at("outcome"),
        reason: outcome
          ? `the ${framework.id} framework does not pay for ${JSON.stringify(label)}.`
          : `${JSON.stringify(label)} is not an outcome type: use a label such as "Education & Crime / Anti-Social Behaviour", "Progress to work" or "Continuous employment".`,
      });
      continue;
    }
    const reported = problems.length;
    const families = count(
      cells[table.columns.families ?? 0],
      "families",
      table.sheet,
      at("families"),
      problems
    );
    if (families === undefined) {
      // Not by searching the list for this cell: over 100,000 bad rows that search is quadratic.
      if (problems.length === reported) {
        problems.push({
          sheet: table.sheet,
          cell: at("families"),
          reason: "the number of families is empty.",
        });
      }
      continue;
    }
    const rawAmount = table.columns.amount === undefined ? null : cells[table.columns.amount];
    let amount: Decimal | undefined;
    if (rawAmount !== null && !(typeof rawAmount === "string" && rawAmount.trim() === "")) {
      const n =
        typeof rawAmount === "number"
          ? rawAmount
          : Number(String(rawAmount).replace(/[£,\s]/g, ""));
      if (!Number.isFinite(n) || n < 0) {
        problems.push({
          sheet: table.sheet,
          cell: at("amount"),
          reason: `the amount must be £ (a number, not negative), not ${JSON.stringify(rawAmount)}.`,
        });
        continue;
      }
      amount = dec(n);
    }
    claims.push({ date, outcome, families, amount, label: String(label) });
  }
  return claims;
}

function range(table: LocatedTable<string>): string {
  const lastRow = table.rows.length > 0 ? table.rows[table.rows.length - 1].row : table.headerRow;
  const lastColumn = table.firstColumn + Math.max(...(Object.values(table.columns) as number[]));
  return `${table.sheet}!${address(table.headerRow, table.firstColumn)}:${address(lastRow, lastColumn)}`;
}

/**
 * Reads the Families and Claims tables and the Assumptions from a workbook. Everything that
 * cannot be read is named (sheet, cell, reason) — never guessed, never skipped in silence.
 */
export function readInputs(
  snapshot: WorkbookSnapshot,
  options: ReadOptions = {}
): {
  inputs?: FundingInputs;
  problems: InputProblem[];
} {
  const problems: InputProblem[] = [];
  const assumptions = readAssumptions(snapshot, problems);
  const families = locateTable(snapshot, "Families", FAMILIES_COLUMNS);
  const claims = locateTable(snapshot, "Claims", CLAIMS_COLUMNS);
  for (const found of [families, claims]) if (found.problem) problems.push(found.problem);
  if (!assumptions || !families.table || !claims.table) return { problems: listProblems(problems) };

  const familyRows = readFamilies(families.table, assumptions.framework, problems);
  const claimRows = readClaims(claims.table, assumptions.framework, problems, options);
  if (familyRows.length === 0 && problems.length === 0) {
    problems.push({
      sheet: families.table.sheet,
      cell: cellOf(families.table, families.table.headerRow + 1, "year"),
      reason: "the Families table has no rows: add a row per financial year.",
    });
  }
  if (problems.length > 0) return { problems: listProblems(problems) };
  return {
    inputs: {
      families: familyRows,
      claims: claimRows,
      assumptions,
      sources: { families: range(families.table), claims: range(claims.table) },
    },
    problems,
  };
}

export type Overrides = Partial<Record<AssumptionKey, string>>;

/**
 * Applies what-if settings given outside the workbook (command-line flags, the task pane) on
 * top of the workbook's own assumptions. A new framework re-reads the years and outcome types.
 */
export function applyOverrides(
  inputs: FundingInputs,
  overrides: Overrides
): { inputs?: FundingInputs; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const assumptions: Assumptions = { ...inputs.assumptions };
  const keys = (Object.keys(overrides) as AssumptionKey[]).sort(
    (a, b) => Number(b === "framework") - Number(a === "framework")
  );
  for (const key of keys) {
    const reason = setAssumption(assumptions, key, overrides[key] ?? null);
    if (reason) problems.push(settingProblem(key, reason));
  }
  if (problems.length > 0) return { problems };
  const { framework } = assumptions;
  const families: FamiliesRow[] = [];
  for (const row of inputs.families) {
    const year = resolveYear(framework, row.financialYear);
    if (isError(year)) {
      problems.push({
        sheet: inputs.sources.families.split("!")[0],
        cell: row.financialYear,
        reason: year.message,
      });
    } else families.push({ ...row, year, financialYear: framework.years[year - 1].label });
  }
  for (const claim of inputs.claims) {
    const notPaid = outcomeNotPaid(framework, claim.outcome, claim.label);
    if (notPaid) {
      problems.push({
        sheet: inputs.sources.claims.split("!")[0],
        cell: claim.label,
        reason: notPaid.message,
      });
    }
  }
  return problems.length > 0
    ? { problems }
    : { inputs: { ...inputs, families, assumptions }, problems };
}
