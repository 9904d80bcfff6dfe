/**
 * Test support: one sheet of a workbook as LibreOffice prints it, for a test to keep as images
 * (test-artifacts/) and to read the printed text of: LibreOffice prints the workbook to PDF
 * (libreoffice.ts), poppler's pdftoppm and pdftotext turn the sheet's pages into PNG images and
 * text.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { printToPdf } from "./libreoffice";

/** Whether pdftoppm and pdftotext (poppler-utils) are on PATH. */
export function popplerAvailable(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "pipe" });
    execFileSync("pdftotext", ["-v"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

export interface RenderedSheet {
  pdf: string;
  pages: number;
  /** The PNG image of each page, in order. */
  images: string[];
  /** The printed text, page by page. */
  text: string[];
}

/**
 * Prints `xlsx` to PDF with LibreOffice (printToPdf: each sheet's own page setup) and keeps the
 * pages of one sheet — those whose page header starts with `title` (a generated sheet's header
 * is its title: "Report: …"; a pattern where the authority's name comes first) — as `outDir/<stem>-<n>.png` at `dpi` (60 by default: enough to
 * read, small enough to keep), with their printed text. LibreOffice prints hidden sheets too, so
 * the workbook is printed whole and the sheet's pages picked from it.
 */
export async function renderSheet(
  xlsx: string,
  title: string | RegExp,
  outDir: string,
  stem: string,
  dpi = 60
): Promise<RenderedSheet> {
  fs.mkdirSync(outDir, { recursive: true });
  const pdf = path.join(outDir, `${stem}.pdf`);
  await printToPdf(xlsx, pdf);
  const pageText = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split(
    "\f"
  );
  const own = pageText
    .map((text, i) => ({ text, page: i + 1 }))
    .filter(({ text }) =>
      typeof title === "string" ? text.trim().startsWith(title) : title.test(text.trim())
    );
  if (own.length === 0) throw new Error(`no page of ${xlsx} is headed "${title}"`);
  for (const old of fs.readdirSync(outDir))
    if (old.startsWith(`${stem}-`) && old.endsWith(".png")) fs.rmSync(path.join(outDir, old));
  const images = own.map(({ page }, i) => {
    const image = path.join(outDir, `${stem}-${i + 1}`);
    execFileSync("pdftoppm", [
      "-png",
      "-singlefile",
      "-r",
      String(dpi),
      "-f",
      String(page),
      "-l",
      String(page),
      pdf,
      image,
    ]);
    return `${image}.png`;
  });
  return { pdf, pages: own.length, images, text: own.map(({ text }) => text) };
}
