// npm run bench: the product's speed and size figures, each beside a baseline measured in the same
// run (absolute times vary between machines; ratios hold). Not part of npm test.
require("./ts-require");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");
const { performance } = require("perf_hooks");

const root = path.join(__dirname, "..");
const table = require("../src/functions/table.ts");

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

const n = (x) => Math.round(x).toLocaleString("en-GB");
const spec = (id) => table.findFunction(id);
const call = (id, args) => () => table.callFunction(spec(id), args);

function functionRates() {
  const cases = [
    ["TF_ELIGIBLE(cohort)", call("TF_ELIGIBLE", [705]), (i) => Math.round(((i % 1000) * 5) / 6)],
    ["TF_ATTACHMENT(families, year)", call("TF_ATTACHMENT", [588, 1]), (i) => (i % 1000) * 3200],
    [
      "TF_RESULTS_PAYMENT(outcome, year)",
      call("TF_RESULTS_PAYMENT", ["crime-asb-education", 2]),
      (i) => [700, 1400, 2100][i % 3],
    ],
    [
      "TF_TURNED_AROUND(outcomes, cohort)",
      call("TF_TURNED_AROUND", [473, 730]),
      (i) => (i % 730) / 730,
    ],
    [
      "TF_OUTCOMES_NEEDED(target, outcome, year)",
      call("TF_OUTCOMES_NEEDED", [100000, "crime-asb-education", 1]),
      (i) => Math.ceil((100000 + i) / 700),
    ],
    [
      "TF_FINANCIAL_YEAR(date)",
      call("TF_FINANCIAL_YEAR", [41698]),
      (i) => new Date(Date.UTC(1899, 11, 30 + 41698 + (i % 2))).getUTCFullYear(),
    ],
    [
      "TF_EMPLOYMENT_SHARE(employment, turned)",
      call("TF_EMPLOYMENT_SHARE", [38, 473]),
      (i) => (i % 473) / 473,
    ],
    ["TF_PBR_RISK(cohort, years)", call("TF_PBR_RISK", [705, 2]), (i) => (i % 705) * 800],
    [
      "TF_ENVELOPE(cohort, years)",
      call("TF_ENVELOPE", [705, 3]),
      (i) => [i * 3200, i * 2400, i * 1600],
    ],
  ];
  return cases.map(([name, fn, floor]) => {
    const calls = rate(fn);
    const plain = rate(floor);
    return {
      measure: `${name} calls/s`,
      value: n(calls),
      baseline: `${n(plain)} (plain numbers)`,
      ratio: `${(plain / calls).toFixed(0)}x`,
      goal: name.includes("ENVELOPE") || name.includes("RISK") ? "" : ">= 200,000/s",
    };
  });
}

async function paneWrites() {
  const {
    installFakeExcel,
    FakeWorkbook,
    FakeContext,
  } = require("../test/unit/taskpane/excel/fake-excel.ts");
  const { inputsFor, planFrom, seed } = require("../test/unit/taskpane/excel/plans.ts");
  const { writePlan } = require("../src/taskpane/excel/write.ts");
  const { readWorkbook } = require("../src/taskpane/excel/read.ts");
  const rows = [];
  for (const claims of [10, 1000, 100000]) {
    const book = installFakeExcel(new FakeWorkbook());
    seed(book, inputsFor(claims));
    let syncs = 0;
    const original = FakeContext.prototype.sync;
    FakeContext.prototype.sync = function (...args) {
      syncs++;
      return original.apply(this, args);
    };
    const start = performance.now();
    await readWorkbook();
    const readSyncs = syncs;
    const plan = planFrom(inputsFor(claims));
    const planned = performance.now();
    const result = await writePlan(plan, { replace: "yes" });
    const end = performance.now();
    FakeContext.prototype.sync = original;
    rows.push({
      measure: `pane: read + build + write, ${n(claims)} claim rows`,
      value: `${readSyncs} + ${result.syncs} syncs, ${n(end - start)} ms`,
      baseline: `engine + plan alone ${n(planned - start)} ms`,
      ratio: "",
      goal: "<= 3 syncs to write",
    });
  }
  return rows;
}

// All tables (readInputs + buildPlan) for the generated national input (152 authorities × 5
// years, 100,000 claim rows; one workbook per authority, see test/support/national.ts) and for one
// authority holding all 100,000 rows, beside readInputs alone in the same run. Peak memory is the
// RSS and heap high-water sampled after every authority.
function engineScale() {
  const {
    nationalInputs,
    singleAuthority,
    authoritySheets,
  } = require("../test/support/national.ts");
  const { readInputs } = require("../src/workbook/inputs.ts");
  const { buildPlan } = require("../src/workbook/plan.ts");
  const { snapshotOfPlan } = require("../src/workbook/plan-snapshot.ts");
  const measure = (label, authorities) => {
    const snapshots = authorities.map((a) => snapshotOfPlan({ sheets: authoritySheets(a) }));
    if (global.gc) global.gc();
    let rss = process.memoryUsage().rss;
    let heap = process.memoryUsage().heapUsed;
    const sample = () => {
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      heap = Math.max(heap, m.heapUsed);
    };
    let readMs = 0;
    const start = performance.now();
    for (const snapshot of snapshots) {
      const t = performance.now();
      const { inputs, problems } = readInputs(snapshot);
      readMs += performance.now() - t;
      if (!inputs) throw new Error(`${label}: ${problems[0].reason}`);
      const plan = buildPlan(inputs);
      if (plan.message) throw new Error(`${label}: ${plan.message}`);
      sample();
    }
    const ms = performance.now() - start;
    return {
      measure: `engine: all tables, ${label}`,
      value: `${n(ms)} ms, peak ${n(rss / 2 ** 20)} MB RSS (${n(heap / 2 ** 20)} MB heap)`,
      baseline: `readInputs alone ${n(readMs)} ms`,
      ratio: `${(ms / readMs).toFixed(1)}x`,
      goal: "< 1 s, 300 MB",
    };
  };
  return [
    measure("national (152 authorities x 5 years, 100,000 claims)", nationalInputs(1)),
    measure("one authority, 100,000 claims", [singleAuthority(100000, 1)]),
  ];
}

function bundles() {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.js"))) {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
      { cwd: root, stdio: "ignore" }
    );
  }
  return ["taskpane.js", "functions.js"].map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    return {
      measure: `bundle ${file}`,
      value: `${n(gzip / 1024)} KB gzip`,
      baseline: `${n(bytes.length / 1024)} KB raw`,
      ratio: "",
      goal: file === "taskpane.js" ? "<= 200 KB gzip" : "",
    };
  });
}

(async () => {
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0].model}), ${n(os.totalmem() / 2 ** 30)} GiB`
  );
  const rows = [...engineScale(), ...functionRates(), ...(await paneWrites()), ...bundles()];
  console.table(rows);
})();
