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
