import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";

/*
 * The layers, held by the linter (see README "Project layout"): the engine is pure, the workbook
 * plan builds on the engine alone, an xlsx library lives only in the command line and Office.js
 * only in the pane's excel/ folder. Flat config keeps one setting per rule per file, so each
 * layer's block lists all of its restrictions. test/unit/lint/layers.test.ts proves each rule.
 */
const UI = [
  {
    group: ["react", "react-dom", "react-dom/*", "@fluentui/*"],
    message: "UI code belongs in src/taskpane.",
  },
  {
    group: ["office-*", "@microsoft/office-js", "@microsoft/office-js/*"],
    message: "Office.js belongs in src/taskpane/excel.",
  },
];
const XLSX = [
  {
    group: [
      "exceljs",
      "exceljs/*",
      "jszip",
      "fflate",
      "yauzl",
      "yazl",
      "adm-zip",
      "unzipper",
      "archiver",
      "fast-xml-parser",
      "sax",
      "saxes",
      "xml2js",
      "@xmldom/*",
      "xmldom",
    ],
    message: "xlsx, zip and XML libraries belong in src/cli (the file adapter).",
  },
];
const IO = [
  {
    group: ["fs", "fs/*", "node:*", "path", "child_process", "os", "http", "https", "net"],
    message: "src/engine and src/workbook do no I/O: the adapters read and write.",
  },
];
const restrict = (...patterns) => ["error", { patterns: patterns.flat() }];
const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension"].map((name) => ({
  name,
  message: "Office.js belongs in src/taskpane/excel.",
}));
const CUSTOM_FUNCTIONS_GLOBAL = {
  name: "CustomFunctions",
  message: "CustomFunctions belongs in src/functions (or src/taskpane/excel).",
};

const layers = [
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        { group: ["../*"], message: "src/engine imports no other layer: it is pure." },
        {
          regex: "^(?!\\.{1,2}/|decimal\\.js$)",
          message:
            "src/engine uses decimal.js and itself only: no exceljs, React, Office.js or I/O.",
        }
      ),
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        {
          group: ["../*", "!../engine", "!../engine/*"],
          message: "src/workbook imports only src/engine.",
        },
        UI,
        XLSX,
        IO
      ),
    },
  },
  {
    files: ["src/functions/**/*.ts", "src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: { "no-restricted-imports": restrict(XLSX) },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/taskpane/excel/**", "src/functions/**"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS, CUSTOM_FUNCTIONS_GLOBAL] },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] },
  },
];

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "node_modules/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin },
    languageOptions: {
      parser: tsParser,
      globals: {
        Excel: "readonly",
        Office: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      // TypeScript itself reports unused names and undefined globals (tsconfig is strict).
      "no-unused-vars": "off",
      "no-undef": "off",
      "no-redeclare": "off",
      // React 17+ JSX transform: React need not be in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    // exceljs and LibreOffice code: the Office.js load/sync rules mistake getCell() for a proxy.
    files: ["src/cli/**", "src/workbook/**", "test/cli/**", "test/workbook/**", "test/support/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
      },
    },
  },
  ...layers,
];
