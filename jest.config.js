/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock reaches an ESM-only package through office-addin-manifest's index.
    "^office-addin-manifest$": "office-addin-manifest/lib/officeApp.js",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup-jsdom.ts"],
  testTimeout: 60000,
};
