import fs from "fs";
import path from "path";
import ts from "typescript";

/**
 * A stand-in for Excel on Windows as the real Office.js meets it, so the production pane runs
 * its Office.js path in headless Chromium.
 *
 * Office.js (office.js, served unchanged from @microsoft/office-js) asks `window.external` for
 * the host, as it does in the Windows host's web view: GetHostInfo() names Excel on Win32, so it
 * loads its own excel-win32-16.01.js, and GetContext() answers what that script asks at start
 * (the app, the locale, the requirement sets it reports to `isSetSupported`, the Office theme,
 * the document settings). Office.onReady then resolves with host Excel through Office.js's own
 * code; `Office.context.officeTheme`, `Office.context.requirements` and
 * `Office.context.document.settings` are Office.js's own objects over this host.
 *
 * What it does not stand in for is Excel's calculation engine behind `Excel.run` (Office.js
 * sends JSON batches to the host process): after Office.js's Excel script, `Excel.run` is the
 * unit tests' fake workbook (test/unit/taskpane/excel/fake-excel.ts) compiled for the page,
 * with Office.js's own enums (ChartType, PaperType…) left in place.
 */

export type OfficeThemeName = "light" | "dark";

/** Office's own theme colours (Colorful/White and Black), as the host reports them. */
const THEMES: Record<OfficeThemeName, Record<string, number>> = {
  light: {
    bodyBackgroundColor: 0xffffff,
    bodyForegroundColor: 0x262626,
    controlBackgroundColor: 0xffffff,
    controlForegroundColor: 0x262626,
  },
  dark: {
    bodyBackgroundColor: 0x1f1f1f,
    bodyForegroundColor: 0xffffff,
    controlBackgroundColor: 0x262626,
    controlForegroundColor: 0xffffff,
  },
};

export interface HostOptions {
  theme: OfficeThemeName;
  /** The requirement sets the host reports, e.g. { ExcelApi: "1.9", SharedRuntime: "1.1" }. */
  sets?: Record<string, string>;
  /** Document settings already saved with the workbook (Office.context.document.settings). */
  settings?: Record<string, unknown>;
}

/**
 * The script to run before any of the page's own (playwright's addInitScript): the host's side
 * of `window.external`. Settings the pane saves land in `window.__hostSettings` (JSON by key).
 */
export function officeHostScript(options: HostOptions): string {
  const sets = options.sets ?? { ExcelApi: "1.9", SharedRuntime: "1.1" };
  const settings = Object.fromEntries(
    Object.entries(options.settings ?? {}).map(([key, value]) => [key, JSON.stringify(value)])
  );
  return `(function () {
  var settings = ${JSON.stringify(settings)};
  window.__hostSettings = settings;
  var context = {
    GetAppType: function () { return 1; }, // OSF.AppName.Excel
    GetSolutionRef: function () { return "tf-funding"; },
    GetAppVersionMajor: function () { return 16; },
    GetAppVersionMinor: function () { return 0; },
    GetHostFullVersion: function () { return "16.0.17928.20114"; },
    GetAppUILocale: function () { return "en-GB"; },
    GetAppDataLocale: function () { return "en-GB"; },
    GetDocUrl: function () { return "C:\\\\Councils\\\\funding.xlsx"; },
    GetAppCapabilities: function () { return 0; }, // read-write
    GetActivationMode: function () { return 2; }, // document opened
    GetControlIntegrationLevel: function () { return 0; },
    GetSolutionToken: function () { return ""; },
    GetSupportedMatrix: function () { return ${JSON.stringify(JSON.stringify(sets))}; },
    GetOfficeThemeInfo: function () { return ${JSON.stringify(JSON.stringify(THEMES[options.theme]))}; },
    GetSettings: function () {
      return {
        Read: function (keys, values) {
          for (var key in settings) { keys.push(key); values.push(settings[key]); }
        },
        Write: function (keys, values) {
          for (var key in settings) delete settings[key];
          for (var i = 0; i < keys.length; i++) settings[keys[i]] = values[i];
        },
      };
    },
  };
  var external = window.external || {};
  // Excel$Win32$16.01$locale$correlation$$$flags: flag 1 is a shared-runtime page.
  external.GetHostInfo = function () { return "Excel$Win32$16.01$en-GB$$$$1"; };
  external.GetContext = function () { return context; };
  // No telemetry from a test page (Office.js then loads no telemetry script).
  external.GetLoggingAllowed = function () { return false; };
  // Office.js's Excel script registers for the host's rich API messages and ribbon commands at
  // start; the host accepts (status 0) and never raises them.
  window.__hostEvents = [];
  external.RegisterEvent = function (id, target, handler, done) {
    window.__hostEvents.push(id);
    done(0);
  };
  external.UnregisterEvent = function (id, target, done) { done(0); };
  // Rich API batches that reach the host (dispid 93): at start Office.js tells it the add-in's
  // action handler is ready. Answered as Excel does a batch with nothing to return: status 0,
  // HTTP 200, an empty result list. Each batch's action names are kept in __hostRequests.
  window.__hostRequests = [];
  external.Execute = function (id, params, done) {
    var names = [];
    try {
      var body = JSON.parse(params[0][4]);
      names = body.Actions.map(function (a) { return a.Name; }).filter(Boolean);
    } catch (e) {}
    window.__hostRequests.push({ dispId: id, actions: names });
    var answer = id === 93 ? [0, [200, [], '{"Results":[]}']] : [5001];
    setTimeout(function () { done({ toArray: function () { return answer; } }); }, 0);
  };
  try { window.external = external; } catch (e) {}
})();`;
}

const root = path.join(__dirname, "..", "..");

/**
 * The fake workbook's `Excel.run`, to follow Office.js's Excel script in the page: `setup` is
 * script over `book` (a FakeWorkbook) that adds the council's sheets. The book is
 * `window.__book` for the test to read.
 */
export function fakeExcelScript(setup = ""): string {
  const source = fs.readFileSync(
    path.join(root, "test", "unit", "taskpane", "excel", "fake-excel.ts"),
    "utf8"
  );
  const fake = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `;(function () {
  var exports = {};
  // The one thing of node's the fake uses: the byte size of a request.
  var Buffer = { byteLength: function (text) { return new TextEncoder().encode(text).length; } };
  ${fake}
  var book = new exports.FakeWorkbook();
  ${setup}
  Excel.run = book.excel.run;
  window.__book = book;
})();`;
}
