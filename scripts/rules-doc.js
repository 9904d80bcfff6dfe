// Writes RULES.md, every rule of every built-in framework with its value, basis and source,
// from the framework data in src/engine/frameworks.ts, so the document cannot drift from the
// rates the tables use. Run it after editing that data:
//   node scripts/rules-doc.js
// A test fails while RULES.md and the data disagree.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const TARGET = path.join(root, "RULES.md");

const money = (value) => `£${Number(value).toLocaleString("en-GB")}`;
const share = (text) => (text.includes("/") ? text : `${Number((Number(text) * 100).toFixed(2))}%`);
const cell = (text) => String(text).replace(/\|/g, "\\|");
const sourceOf = (p) => p.source ?? p.reasoning ?? "";
const same = (a, b) => a.basis === b.basis && sourceOf(a) === sourceOf(b);

/** "2012/13 £3,200, 2013/14 £2,400, 2014/15 £1,600", or one value when every year is the same. */
function perYear(years, values) {
  if (values.every((v) => v === values[0])) return `${money(values[0])} every year`;
  return values.map((v, i) => `${years[i]} ${money(v)}`).join(", ");
}

function row(rule, value, provenance) {
  return `| ${cell(rule)} | ${cell(value)} | ${provenance.basis} | ${cell(sourceOf(provenance))} |`;
}

/** One framework's rules: a row per setting, a row per outcome (per year where bases differ). */
function frameworkSection(d, outcomeLabel) {
  const p = d.provenance;
  const rows = [
    row("Attachment fee per family", perYear(d.financialYears, d.attachment), p.attachment),
    row("Results total per family", perYear(d.financialYears, d.resultsTotal), p.resultsTotal),
  ];
  for (const [outcome, rates] of Object.entries(d.results)) {
    const bases = p.results[outcome] ?? [];
    const label = `${outcomeLabel(outcome)} result`;
    if (bases.length > 0 && bases.every((b) => same(b, bases[0]))) {
      rows.push(row(label, perYear(d.financialYears, rates), bases[0]));
    } else {
      rates.forEach((rate, i) => {
        rows.push(row(`${label}, ${d.financialYears[i]}`, money(rate), bases[i] ?? p.resultsTotal));
      });
    }
  }
  rows.push(
    row("Eligibility share (families funded)", share(d.eligibilityShare), p.eligibilityShare),
    row("Rounding of funded families", d.rounding, p.rounding),
    row(
      "Council contribution per family",
      money(d.councilContributionPerFamily),
      p.councilContributionPerFamily
    )
  );
  if (d.grant && p.grant) {
    rows.push(row(`${d.grant.label} per year`, money(d.grant.perYear), p.grant));
  }
  if (d.employmentTarget !== undefined && p.employmentTarget) {
    rows.push(row("Employment target", share(d.employmentTarget), p.employmentTarget));
  }
  const windows = d.claimWindows;
  rows.push(
    row(
      "Claim windows",
      windows.length <= 8
        ? windows.join(", ")
        : `${windows.length}, ${windows[0]} to ${windows[windows.length - 1]}`,
      p.claimWindows
    ),
    row("Payment lag", `${d.paymentLagMonths} month(s)`, p.paymentLagMonths),
    row("Programme end (last claim)", d.programmeEnd, p.programmeEnd),
    ...releaseRows(d)
  );
  return [
    `## ${d.name} (\`${d.id}\`)`,
    "",
    `Financial years ${d.financialYears.join(", ")}; ${d.defaultYears} programme years unless you say otherwise. Source: ${d.source}.`,
    "",
    "| rule | value | basis | source or reasoning |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

/** The rules every framework shares: the spot checks (src/engine/realism.ts). */
function commonSection(realism) {
  const { SPOT_CHECKS, REALISM_PROVENANCE: p } = realism;
  return [
    "## Every framework",
    "",
    "| rule | value | basis | source or reasoning |",
    "|---|---|---|---|",
    row("Share of results claims spot-checked", share(SPOT_CHECKS.checked.toString()), p.checked),
    row(
      "Share of checked claims found invalid (clawed back)",
      share(SPOT_CHECKS.invalid.toString()),
      { basis: p.invalid.basis, source: `${p.invalid.reasoning} ${p.invalid.source}` }
    ),
    row("Expected clawback", "claimed × share checked × share invalid, to the penny", p.checked),
    "",
  ].join("\n");
}

/** A framework's year-2 attachment release: its three bands, or why it has none. */
function releaseRows(d) {
  const p = d.provenance.yearTwoRelease;
  if (!p) return [];
  const rule = d.yearTwoRelease;
  if (!rule) return [row("Year-2 attachment release", "none", p)];
  const full = share(rule.full);
  const third = rule.half === "1/3" ? "1/3" : share(rule.half);
  const q1 = `Q1 ${d.financialYears[1]}`;
  return [
    row(
      `Year-2 attachment released in full (${q1})`,
      `${full} or more of the year-1 commitment worked with`,
      p
    ),
    row(
      `Year-2 attachment: half in ${q1}, the rest July to September`,
      `${third} to under ${full}`,
      p
    ),
    row(
      "Year-2 attachment deferred (not lost) until performance improves",
      `under ${third} (exactly a third, not 0.33)`,
      p
    ),
  ];
}

/** RULES.md from the built-in framework definitions. */
function rulesMarkdown(frameworks, outcomeLabel, realism) {
  return [
    "# Funding rules: every rate, its basis and its source",
    "",
    "Generated from the framework data (src/engine/frameworks.ts) by `node scripts/rules-doc.js`;",
    "do not edit by hand. Basis: **published** (the source, its date and table or paragraph),",
    "**inferred** (the reasoning from published figures), **default** (the tool's choice where",
    "nothing is published). Whatever you give in the workbook's Assumptions table, a command-line",
    "flag, the task pane or a framework table is **yours**, and the tables say so.",
    "",
    ...frameworks.map((d) => frameworkSection(d, outcomeLabel)),
    ...(realism ? [commonSection(realism)] : []),
  ].join("\n");
}

/** The document as the current framework data writes it (TypeScript read through ts-require). */
function currentRules() {
  require("./ts-require");
  const { BUILT_IN_FRAMEWORKS } = require("../src/engine/frameworks.ts");
  const { OUTCOME_TYPES } = require("../src/engine/outcomes.ts");
  const realism = require("../src/engine/realism.ts");
  return rulesMarkdown(BUILT_IN_FRAMEWORKS, (id) => OUTCOME_TYPES[id]?.label ?? id, realism);
}

if (require.main === module) {
  fs.writeFileSync(TARGET, currentRules());
  console.log("RULES.md written from src/engine/frameworks.ts");
}

module.exports = { rulesMarkdown, TARGET };
