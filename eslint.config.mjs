import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";

export default [
  { ignores: ["dist/**", "lib/**", "out/**", "coverage/**", "node_modules/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin },
    languageOptions: {
      parser: tsParser,
      globals: { Excel: "readonly", Office: "readonly", CustomFunctions: "readonly", OfficeExtension: "readonly" },
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
      globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly" },
    },
  },
];
