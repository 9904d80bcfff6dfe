// npm run bench: the product's speed figures, each beside a baseline measured in the same run
// (absolute times vary between machines; ratios hold). Uses the compiled command line in lib/.
const path = require("path");
const { performance } = require("perf_hooks");

let table;
try {
  table = require(path.join(__dirname, "..", "lib", "functions", "table.js"));
} catch {
  console.error("Build first: npm run build:cli");
  process.exit(2);
}

function rate(fn, seconds = 1) {
  for (let i = 0; i < 2000; i++) fn(i); // warm up the JIT before timing
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) fn(calls + i);
    calls += 1000;
  }
  return calls / ((performance.now() - start) / 1000);
}

const spec = (id) => table.findFunction(id);
const cases = [
  [
    "TF_ELIGIBLE(cohort)",
    () => table.callFunction(spec("TF_ELIGIBLE"), [705]),
    (i) => Math.round(((i % 1000) * 5) / 6),
  ],
  [
    "TF_ATTACHMENT(families, year)",
    () => table.callFunction(spec("TF_ATTACHMENT"), [588, 1]),
    (i) => (i % 1000) * 3200,
  ],
  [
    "TF_RESULTS_PAYMENT(outcome, year)",
    () => table.callFunction(spec("TF_RESULTS_PAYMENT"), ["crime-asb-education", 2]),
    (i) => [700, 1400, 2100][i % 3],
  ],
  [
    "TF_TURNED_AROUND(outcomes, cohort)",
    () => table.callFunction(spec("TF_TURNED_AROUND"), [473, 730]),
    (i) => (i % 730) / 730,
  ],
  [
    "TF_OUTCOMES_NEEDED(target, outcome, year)",
    () => table.callFunction(spec("TF_OUTCOMES_NEEDED"), [100000, "crime-asb-education", 1]),
    (i) => Math.ceil((100000 + i) / 700),
  ],
  [
    "TF_FINANCIAL_YEAR(date)",
    () => table.callFunction(spec("TF_FINANCIAL_YEAR"), [41698]),
    (i) => new Date(Date.UTC(1899, 11, 30 + 41698 + (i % 2))).getUTCFullYear(),
  ],
  [
    "TF_EMPLOYMENT_SHARE(employment, turned)",
    () => table.callFunction(spec("TF_EMPLOYMENT_SHARE"), [38, 473]),
    (i) => (i % 473) / 473,
  ],
  [
    "TF_PBR_RISK(cohort, years)",
    () => table.callFunction(spec("TF_PBR_RISK"), [705, 2]),
    (i) => (i % 705) * 800,
  ],
  [
    "TF_ENVELOPE(cohort, years)",
    () => table.callFunction(spec("TF_ENVELOPE"), [705, 3]),
    (i) => [i * 3200, i * 2400, i * 1600],
  ],
];

const rows = cases.map(([name, call, floor]) => {
  const calls = rate(call);
  const plain = rate(floor);
  return {
    function: name,
    "calls/s": Math.round(calls).toLocaleString("en-GB"),
    "plain-number floor calls/s": Math.round(plain).toLocaleString("en-GB"),
    "x slower than floor": (plain / calls).toFixed(0),
  };
});
console.log(
  `Node ${process.version}, ${require("os").cpus().length} cores (${require("os").cpus()[0].model})`
);
console.table(rows);
