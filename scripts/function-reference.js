// The function reference, generated from the custom functions' metadata (functions.json, itself
// generated from the JSDoc in src/functions/functions.ts), so the README, the help page and
// Excel's own help can never disagree.
const fs = require("fs");
const path = require("path");

const START = "<!-- function-reference:start -->";
const END = "<!-- function-reference:end -->";

function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=TF.${fn.name}(${params.join(", ")})`;
}

function typeOf(p) {
  return p.dimensionality === "matrix" ? `range (${p.type})` : p.type;
}

/** Splits "What it does. Example: =TF.X(1) is 2." into the description and its example. */
function splitExample(description) {
  const at = description.indexOf("Example:");
  if (at < 0) return { text: description.trim(), example: "" };
  return { text: description.slice(0, at).trim(), example: description.slice(at + 8).trim() };
}

function referenceMarkdown(metadata) {
  const lines = [
    START,
    "",
    "Generated from the functions' metadata by `npm run docs`; do not edit by hand.",
    "",
  ];
  for (const fn of metadata.functions) {
    const { text, example } = splitExample(fn.description);
    lines.push(`### <a id="${fn.id.toLowerCase()}"></a>\`${signature(fn)}\``, "", text, "");
    lines.push("| argument | type | | what to give |", "|---|---|---|---|");
    for (const p of fn.parameters) {
      lines.push(
        `| \`${p.name}\` | ${typeOf(p)} | ${p.optional ? "optional" : "required"} | ${p.description} |`
      );
    }
    const returns = fn.result.dimensionality === "matrix" ? "a table that spills" : fn.result.type;
    lines.push("", `Returns ${returns}.${example ? ` Example: ${example}` : ""}`, "");
  }
  lines.push(END);
  return lines.join("\n");
}

const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]
  );

function referenceHtml(metadata) {
  const sections = metadata.functions.map((fn) => {
    const { text, example } = splitExample(fn.description);
    const rows = fn.parameters
      .map(
        (p) =>
          `<tr><td><code>${escape(p.name)}</code></td><td>${escape(typeOf(p))}</td><td>${p.optional ? "optional" : "required"}</td><td>${escape(p.description)}</td></tr>`
      )
      .join("");
    return `<section id="${fn.id.toLowerCase()}"><h2><code>${escape(signature(fn))}</code></h2><p>${escape(text)}</p>
<table><thead><tr><th>argument</th><th>type</th><th></th><th>what to give</th></tr></thead><tbody>${rows}</tbody></table>
${example ? `<p><strong>Example:</strong> ${escape(example)}</p>` : ""}</section>`;
  });
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Troubled Families funding: function reference</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:1.5rem;max-width:60rem;line-height:1.4}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body><h1>Troubled Families funding: function reference</h1>
<p>Type <code>=TF.</code> in any cell of a workbook with the add-in to use these functions.</p>
${sections.join("\n")}
</body></html>
`;
}

/** Replaces the README's reference section with one generated from functions.json. */
function updateReadme(metadataPath, readmePath) {
  const metadata = JSON.parse(fs.readFileSync(metadataPath, "utf8"));
  const readme = fs.readFileSync(readmePath, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${readmePath} has no ${START} … ${END} section`);
  fs.writeFileSync(
    readmePath,
    readme.slice(0, start) + referenceMarkdown(metadata) + readme.slice(end + END.length)
  );
}

if (require.main === module) {
  const root = path.join(__dirname, "..");
  updateReadme(path.join(root, "dist", "functions.json"), path.join(root, "README.md"));
  console.log("README.md function reference updated from dist/functions.json");
}

module.exports = { referenceMarkdown, referenceHtml, updateReadme, START, END };
