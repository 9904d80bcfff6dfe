import type { Scenario } from "./comparison";
import { Overrides } from "../workbook/inputs";
import { Comparison } from "./comparison";
import { WorkbookPlan } from "../workbook/plan-types";
import { WorkbookSnapshot } from "../workbook/snapshot";

/**
 * What the pane's components may ask of the workbook. Office.js lives behind this interface (in
 * ./excel), so the components are plain React over plain functions and can be tested without
 * Excel.
 */
export interface WriteProgress {
  step: string;
  done: number;
  total: number;
}

export interface WriteOutcome {
  sheets: string[];
  syncs: number;
}

export interface ScenarioRow {
  name: string;
  framework: string;
  families: number;
  successRate: number;
  envelope: number;
  secured: number;
  atRisk: number;
  expectedResults: number;
}

export interface WorkbookApi {
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** The current selection as a one-sheet snapshot (its first row the header). */
  readSelection(): Promise<WorkbookSnapshot>;
  writePlan(
    plan: WorkbookPlan,
    options: {
      confirm: (sheets: string[]) => Promise<boolean>;
      onProgress?: (progress: WriteProgress) => void;
    }
  ): Promise<WriteOutcome>;
  insertSample(): Promise<string[]>;
  saveScenario(row: ScenarioRow): Promise<void>;
  /** Writes the scenarios compared side by side to a sheet; answers the sheet's name. */
  writeComparison(comparison: Comparison): Promise<string>;
  /**
   * Whether this Excel can write sheets and charts (ExcelApi 1.7): when not, the pane says so
   * and keeps the what-if, which needs no Excel, working.
   */
  canWriteSheets(): boolean;
  loadAssumptions(): Promise<Overrides>;
  saveAssumptions(overrides: Overrides): Promise<void>;
  /** The scenarios saved in the pane, kept with the workbook (its document settings). */
  loadScenarios(): Promise<Scenario[]>;
  saveScenarios(scenarios: Scenario[]): Promise<void>;
}
