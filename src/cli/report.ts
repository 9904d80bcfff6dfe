import { promises as fsp } from "fs";
import path from "path";
import { serialOfLocalDate } from "../engine/dates";
import { isError } from "../engine/errors";
import { assumptionsUsed } from "../workbook/assumptions-used";
import { readInputs } from "../workbook/inputs";
import { withPeers } from "../workbook/peers-read";
import { buildPlan } from "../workbook/plan";
import { REPORT_SHEET } from "../workbook/plan-report";
import { CommandOutput } from "./call";
import { parseTablesArgs } from "./flags";
import { BadFileError, UsageError } from "./parse-arg";
import { withPeersFile } from "./peers-file";
import { problemLine } from "./problem-line";
import { checkOut, writeWorkbookAtomically } from "./write-file";
import { reportDocx } from "./word/document";
import { PdfError, docxToPdf } from "./word/pdf";
import { loadWorkbook } from "./xlsx-load";

/** The plan's sheets the Word report renders, in order. */
export const REPORT_SHEETS: readonly string[] = [REPORT_SHEET];

const DOCX = { extension: ".docx", what: "a Word document", example: "report.docx" };

const LONG_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
});

/**
 * `tf-funding report IN.xlsx -o OUT.docx [--pdf]`: the plan's report sheets as a Word document
 * (tables, sentences, charts, the basis of figures), read from IN as `tables` reads it; with
 * --pdf, also OUT.pdf beside it, by LibreOffice.
 */
export async function reportCommand(
  args: readonly string[],
  json: boolean
): Promise<CommandOutput> {
  const pdf = args.includes("--pdf");
  const { input, out, overrides, force, peers } = parseTablesArgs(
    args.filter((a) => a !== "--pdf"),
    "report"
  );
  if (path.extname(out).toLowerCase() !== ".docx") {
    throw new UsageError(`${out} must end in .docx: the file written is a Word document.`);
  }
  checkOut(out, input, DOCX, force);
  const workbook = await loadWorkbook(input);
  const today = new Date();
  const read = (() => {
    try {
      const read = readInputs(workbook.snapshot, { today: serialOfLocalDate(today), overrides });
      return withPeers(read, workbook.snapshot);
    } finally {
      workbook.zip.close();
    }
  })();
  if (!read.inputs) {
    throw new BadFileError(
      `${input} cannot be used:\n${read.problems.map(problemLine).join("\n")}`
    );
  }
  const fromFile = await withPeersFile(read.inputs, peers, out);
  const applied = { ...read, inputs: fromFile.inputs };
  const plan = buildPlan(applied.inputs);
  if (isError(plan)) throw new BadFileError(`${input}: ${plan.message}`);
  const assumptions = assumptionsUsed(applied.inputs.assumptions);
  const document = await reportDocx({
    plan,
    sheets: REPORT_SHEETS,
    assumptions,
    subtitle: `${applied.inputs.assumptions.framework.name}. Figures from ${path.basename(input)}, ${LONG_DATE.format(today)}.`,
  });
  await writeWorkbookAtomically((file) => fsp.writeFile(file, document), out, input, DOCX, force);
  const notes = [
    ...applied.notices.map((n) => `tf-funding: note: ${problemLine(n)}\n`),
    ...fromFile.notes.map((note) => `tf-funding: note: ${note}\n`),
  ].join("");
  const pdfFile = pdf ? out.replace(/\.docx$/i, ".pdf") : undefined;
  let pdfProblem: string | undefined;
  if (pdfFile) {
    try {
      await docxToPdf(out, pdfFile);
    } catch (failure) {
      if (!(failure instanceof PdfError)) throw failure;
      pdfProblem = `${pdfFile} was not written: ${failure.message}.`;
    }
  }
  const written = pdfFile && !pdfProblem ? [out, pdfFile] : [out];
  const stdout = json
    ? `${JSON.stringify({ out, pdf: pdfProblem ? null : (pdfFile ?? null), sheets: REPORT_SHEETS, ...(pdfProblem ? { error: "pdf", message: pdfProblem } : {}) })}\n`
    : `${plan.summary.sentence}\n\nReport (${REPORT_SHEETS.join(", ")}, charts and the basis of figures) written to ${written.join(" and ")}\n`;
  return {
    stdout,
    stderr: notes + (pdfProblem && !json ? `tf-funding: ${pdfProblem}\n` : ""),
    status: pdfProblem ? 2 : 0,
  };
}
