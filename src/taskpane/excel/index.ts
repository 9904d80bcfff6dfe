/**
 * The task pane's only door to Office.js: components get these plain functions as props (see
 * createWorkbookApi), so everything else in the pane runs, and is tested, without Excel.
 */
export { readSelection, readWorkbook } from "./read";
export type { SelectionSnapshot } from "./read";
export { writePlan, REQUEST_LIMIT_BYTES, BATCH_BUDGET_BYTES, TABLE_STYLE } from "./write";
export type { WriteOptions, WriteResult } from "./write";
export { WorkbookConflictError, WriteFailedError } from "./errors";
export type { Conflict } from "./errors";
export { saveScenario } from "./scenarios";
export type { ScenarioValues } from "./scenarios";
export { createWorkbookApi } from "./api";
export { writeComparison, COMPARISON_TABLE } from "./comparison";
export { supportsExcelApi, REQUIRED_EXCEL_API } from "./office-host";
