import { Claim } from "../engine/claims";
import { isError } from "../engine/errors";
import { Framework } from "../engine/frameworks";
import { Decimal, dec } from "../engine/money";
import { isBlank, parseAmount, parseCount, parseDate, parseOutcome } from "../engine/parse-values";
import { outcomeNotPaid } from "../engine/paid-outcomes";
import { resolveYear } from "../engine/years";
import { AssumptionKey, Assumptions, readAssumptions, setAssumption } from "./assumptions";
import { ClaimReferences, futureClaim } from "./claim-checks";
import { frameworkHint } from "./framework-hint";
import { ASSUMPTION_COLUMNS, CLAIMS_COLUMNS, ClaimsColumn, FAMILIES_COLUMNS } from "./headers";
import type { PeersInput } from "./peers-read";
import { InputProblem, LocatedTable, RowRules, Search, cellOf, locateTable } from "./locate";
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
  /**
   * Where the counts are, for the generated formulas: an absolute reference ('Families'!$B$5),
   * or, when the count was typed as text (" 294 ", "1,294"), an expression reading that text as
   * the number it was read as, so that Excel and LibreOffice recalculate the figure read here.
   */
  nominatedCell: string;
  attachedCell?: string;
}

export interface ClaimRow extends Claim {
  /** The outcome as the council wrote it: written back as text, never as a formula. */
  label: string;
}

export interface FundingInputs {
  families: FamiliesRow[];
  /** Empty when the workbook has no Claims table yet: a plan before the first claim. */
  claims: ClaimRow[];
  assumptions: Assumptions;
  /** Where the inputs were found, for the user: "Families!A1:C3". */
  sources: { families: string; claims: string };
  /**
   * Other councils' published figures (a Peers table, or a file given with --peers), added by
   * withPeers (peers-read.ts): not read here, so the pane's first load does without the reader.
   */
  peers?: PeersInput;
}

export type Overrides = Partial<Record<AssumptionKey, string>>;

export interface ReadOptions {
  /**
   * Today, as an Excel serial: claims dated after it are reported. The adapters (command line,
   * task pane) read the clock and pass it; reading stays a pure function of its arguments.
   */
  today?: number;
  /**
   * What-if settings given outside the workbook (command-line flags, the task pane), applied
   * over the workbook's Assumptions BEFORE the rows are read: the framework decides which
   * financial years and outcome types the rows may name.
   */
  overrides?: Overrides;
}

/** What reading found: the inputs, or the problems that stop them; and what it passed over. */
export interface ReadResult {
  inputs?: FundingInputs;
  problems: InputProblem[];
  /** Rows passed over on purpose (totals rows, notes under a table), said so the user can check. */
  notices: InputProblem[];
}

/** The text a count or amount is written as, read as the number it holds, in a formula. */
const asNumber = (reference: string) =>
  `VALUE(SUBSTITUTE(SUBSTITUTE(TRIM(${reference}),",",""),"£",""))`;

function count(
  value: CellValue,
  what: string,
  sheet: string,
  cell: string,
  problems: InputProblem[]
): Decimal | undefined {
  if (isBlank(value)) return undefined;
  const n = parseCount(what, value);
  if (!isError(n)) return n;
  problems.push({ sheet, cell, reason: n.message });
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
        reason: isError(year)
          ? year.message
          : `the financial year is empty: enter it (such as ${framework.years[0].label}), or delete the row.`,
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
    const raw = (key: "nominated" | "attached") => cells[table.columns[key] ?? 0];
    const nominated = count(
      raw("nominated"),
      "families nominated",
      table.sheet,
      at("nominated"),
      problems
    );
    const attached =
      table.columns.attached === undefined
        ? undefined
        : count(raw("attached"), "families attached", table.sheet, at("attached"), problems);
    const reference = (key: "nominated" | "attached") => {
      const absolute = `${sheetRef(table.sheet)}${at(key).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
      const value = raw(key);
      return typeof value === "string" && !isBlank(value) ? asNumber(absolute) : absolute;
    };
    rows.push({
      financialYear: framework.years[year - 1].label,
      year,
      nominated: nominated ?? dec(0),
      attached,
      nominatedCell: reference("nominated"),
      attachedCell: table.columns.attached === undefined ? undefined : reference("attached"),
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
  const paid = [...framework.results.keys()];
  for (const { row, cells } of table.rows) {
    const at = (key: ClaimsColumn) => cellOf(table, row, key);
    const problem = (key: ClaimsColumn, reason: string) =>
      problems.push({ sheet: table.sheet, cell: at(key), reason });
    if (table.columns.reference !== undefined) {
      const repeated = references.check(cells[table.columns.reference], at("reference"));
      if (repeated) {
        problems.push(repeated);
        continue;
      }
    }
    const rawDate = cells[table.columns.date ?? 0];
    const date = isBlank(rawDate) ? undefined : parseDate("the claim date", rawDate);
    if (date === undefined || isError(date)) {
      problem(
        "date",
        isError(date) ? date.message : "the claim date is empty: enter the date of the claim."
      );
      continue;
    }
    const future = futureClaim(date, options.today, table.sheet, at("date"));
    if (future) {
      problems.push(future);
      continue;
    }
    const label = cells[table.columns.outcome ?? 0];
    const outcome = parseOutcome(label, paid);
    if (isError(outcome)) {
      problem("outcome", outcome.message);
      continue;
    }
    const unpaid = outcomeNotPaid(framework, outcome, String(label));
    if (unpaid) {
      problem("outcome", unpaid.message);
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
      if (problems.length === reported)
        problem(
          "families",
          "the number of families is empty: enter how many families the claim is for."
        );
      continue;
    }
    const rawAmount = table.columns.amount === undefined ? null : cells[table.columns.amount];
    let amount: Decimal | undefined;
    if (!isBlank(rawAmount)) {
      const parsed = parseAmount("the amount", rawAmount);
      if (isError(parsed)) {
        problem("amount", parsed.message);
        continue;
      }
      amount = parsed;
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

/** How rows of the Families and Claims tables are told from totals, notes and other tables. */
function familiesRules(framework: Framework): RowRules<"year" | "nominated" | "attached"> {
  return {
    keyColumn: "year",
    readsAsKey: (v) =>
      (typeof v === "string" || typeof v === "number") && !isError(resolveYear(framework, v)),
    rowNoun: "a financial year",
    otherTables: [CLAIMS_COLUMNS, ASSUMPTION_COLUMNS],
  };
}

const CLAIMS_RULES: RowRules<ClaimsColumn> = {
  keyColumn: "date",
  readsAsKey: (v) => typeof v === "number" || !isError(parseDate("", v)),
  rowNoun: "a claim",
  otherTables: [FAMILIES_COLUMNS, ASSUMPTION_COLUMNS],
};

/**
 * A workbook without claims is a plan before the first claim: no Claims table is fine, unless
 * something looks like one that could not be read (a sheet named Claims, a header row with two
 * of its columns, an Excel table named Claims missing a column).
 */
function noClaimsYet(snapshot: WorkbookSnapshot, found: Search<ClaimsColumn>): boolean {
  return (
    found.absent === true &&
    (found.nearMiss?.found ?? 0) < 2 &&
    !snapshot.sheets.some((s) => !s.generated && s.name.trim().toLowerCase() === "claims")
  );
}

const shownCount = (n: Decimal) => n.toNumber().toLocaleString("en-GB");

/**
 * An agreed funded number above the cohort (the nominated families added up), named where it
 * was given — its cell in the Assumptions table, or its flag — with where the cohort comes from.
 */
function fundedAboveCohort(
  assumptions: Assumptions,
  rows: readonly FamiliesRow[],
  familiesRange: string
): InputProblem | undefined {
  const funded = assumptions.funded;
  const cohort = rows.reduce((total, row) => total.plus(row.nominated), dec(0));
  if (funded === undefined || rows.length === 0 || !funded.greaterThan(cohort)) return undefined;
  const reason = `the funded number (${shownCount(funded)}) is more than the cohort (${shownCount(cohort)}, the families nominated in ${familiesRange}): a family can only be funded once.`;
  // Where a setting came from reads "the Assumptions table, Sheet!B7" (see readAssumptions).
  const at = /^the Assumptions table, (.+)!([A-Z]{1,3}\d+)$/.exec(assumptions.given?.funded ?? "");
  return at ? { sheet: at[1], cell: at[2], reason } : settingProblem("funded", reason);
}

/**
 * Reads the Families and Claims tables and the Assumptions from a workbook, with the settings
 * given outside it applied first. Everything that cannot be read is named (sheet, cell, reason)
 * — never guessed, never skipped in silence; rows passed over on purpose are named as notices.
 */
export function readInputs(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  const problems: InputProblem[] = [];
  const notices: InputProblem[] = [];
  // readAssumptions passes over an Assumptions table it cannot use: its problems are named here.
  const settings = locateTable(snapshot, "Assumptions", ASSUMPTION_COLUMNS);
  if (!settings.absent) problems.push(...settings.problems);
  const read = readAssumptions(snapshot, problems);
  const assumptions = read && applySettings(read, options.overrides ?? {}, problems);
  if (!assumptions) return { problems: listProblems(problems), notices };

  const families = locateTable(
    snapshot,
    "Families",
    FAMILIES_COLUMNS,
    familiesRules(assumptions.framework)
  );
  const claims = locateTable(snapshot, "Claims", CLAIMS_COLUMNS, CLAIMS_RULES);
  const claimsOptional = !claims.table && noClaimsYet(snapshot, claims);
  problems.push(...families.problems, ...(claimsOptional ? [] : claims.problems));
  notices.push(...families.notices, ...claims.notices);
  if (claimsOptional) {
    // Said, in case the claims are there under headings this did not recognise.
    const [{ sheet, cell }] = claims.problems;
    notices.push({
      sheet,
      cell,
      reason:
        'no Claims table, so the tables show nothing claimed yet: to add claims, give them a header row with "Claim date", "Outcome" and "Families" (or make them an Excel table named Claims).',
    });
  }
  if (!families.table || !(claims.table || claimsOptional))
    return { problems: listProblems(problems), notices };

  const hint = frameworkHint(families.table, assumptions.framework);
  if (hint) problems.push(hint);
  const familyRows = readFamilies(families.table, assumptions.framework, problems);
  const claimRows = claims.table
    ? readClaims(claims.table, assumptions.framework, problems, options)
    : [];
  const aboveCohort = fundedAboveCohort(assumptions, familyRows, range(families.table));
  if (aboveCohort) problems.push(aboveCohort);
  if (familyRows.length === 0 && problems.length === 0) {
    problems.push({
      sheet: families.table.sheet,
      cell: cellOf(families.table, families.table.headerRow + 1, "year"),
      reason: "the Families table has no rows: add a row per financial year.",
    });
  }
  if (problems.length > 0) return { problems: listProblems(problems), notices };
  return {
    inputs: {
      families: familyRows,
      claims: claimRows,
      assumptions,
      sources: {
        families: range(families.table),
        claims: claims.table ? range(claims.table) : "no Claims table yet",
      },
    },
    problems,
    notices,
  };
}

/**
 * The workbook's assumptions with settings given outside it on top (the framework first: the
 * other defaults follow it), or undefined with the problems named.
 */
function applySettings(
  workbook: Assumptions,
  overrides: Overrides,
  problems: InputProblem[]
): Assumptions | undefined {
  const assumptions: Assumptions = { ...workbook };
  const keys = (Object.keys(overrides) as AssumptionKey[]).sort(
    (a, b) => Number(b === "framework") - Number(a === "framework")
  );
  const before = problems.length;
  for (const key of keys) {
    const reason = setAssumption(assumptions, key, overrides[key] ?? null);
    if (reason) problems.push(settingProblem(key, reason));
  }
  return problems.length > before ? undefined : assumptions;
}

/**
 * Applies what-if settings given outside the workbook (command-line flags, the task pane) on
 * top of the workbook's own assumptions. A new framework re-reads the years and outcome types.
 */
export function applyOverrides(
  inputs: FundingInputs,
  overrides: Overrides
): { inputs?: FundingInputs; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const assumptions = applySettings(inputs.assumptions, overrides, problems);
  if (!assumptions) return { problems };
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
