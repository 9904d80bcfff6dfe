/*
 * The pane's start-up questions to Office.js (is Office there, which host, which theme), kept
 * here with the rest of Office.js so the page's entry point needs none of its globals.
 */

/**
 * Calls `start` once Office is ready, with whether the page runs inside Excel; in a plain
 * browser, where office.js is absent or never hosts the page, at once with false.
 */
export function whenOfficeReady(start: (inExcel: boolean) => void): void {
  if (typeof Office !== "undefined" && Office.onReady) {
    void Office.onReady((info) => start(info.host === Office.HostType.Excel));
  } else {
    start(false);
  }
}

/** The Office theme's body background colour ("#1f1f1f"), when Office gives one. */
export function officeBackground(): string | undefined {
  return typeof Office !== "undefined"
    ? Office.context?.officeTheme?.bodyBackgroundColor
    : undefined;
}

/** The ExcelApi requirement set the pane writes with (charts' series API, NamedItem.formula). */
export const REQUIRED_EXCEL_API = "1.7";

/**
 * Whether this Excel has ExcelApi 1.7, which writing sheets and charts needs. Asked of Office
 * rather than tried, so an older Excel gets a plain notice instead of a failure half way through
 * a build; outside Office (no requirements to ask) it is not assumed.
 */
export function supportsExcelApi(version = REQUIRED_EXCEL_API): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
    );
  } catch {
    return false;
  }
}
