// Child process of npm run bench: all tables (readInputs + buildPlan) for each workbook snapshot in
// a JSON file, using the compiled lib/ (as `tf-funding` runs it), so that the peak memory measured
// is the product's and not the TypeScript compiler's that scripts/ts-require.js would load.
// Prints one JSON line: { ms, readMs, rss, heap, rssBefore }.
const fs = require("fs");
const path = require("path");
const v8 = require("v8");
const { performance } = require("perf_hooks");

const lib = path.join(__dirname, "..", "lib", "workbook");
const { readInputs } = require(path.join(lib, "inputs.js"));
const { buildPlan } = require(path.join(lib, "plan.js"));

const snapshots = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (global.gc) global.gc();
const rssBefore = process.memoryUsage().rss;
// The heap is sampled after every step; the sampling's own time is taken out of the figures (it
// was a seventh of the national run). Peak RSS is the operating system's high-water mark.
let heap = v8.getHeapStatistics().used_heap_size;
let sampling = 0;
const sample = () => {
  const t = performance.now();
  heap = Math.max(heap, v8.getHeapStatistics().used_heap_size);
  sampling += performance.now() - t;
};
let readMs = 0;
const start = performance.now();
for (const snapshot of snapshots) {
  const t = performance.now();
  const { inputs, problems } = readInputs(snapshot);
  readMs += performance.now() - t;
  sample();
  if (!inputs) throw new Error(problems[0].reason);
  const plan = buildPlan(inputs);
  if (plan.message) throw new Error(plan.message);
  sample();
}
const ms = performance.now() - start - sampling;
const rss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ms, readMs, rss, heap, rssBefore })}\n`);
