/**
 * The funding engine: pure TypeScript over decimal.js. Everything else in the product (custom
 * functions, task pane, command line) is an adapter over these exports.
 */
export * from "./money";
export * from "./errors";
export * from "./messages";
export * from "./outcomes";
export * from "./frameworks";
export * from "./custom-framework";
export * from "./years";
export * from "./dates";
export * from "./eligibility";
export * from "./envelope";
export * from "./shares";
export * from "./forecast";
export * from "./claims";
export * from "./realism";
export * from "./risk";
export * from "./parse-settings";
export * from "./paid-outcomes";
export * from "./near-miss";
export * from "./headline";
export * from "./cashflow";
export * from "./target";
