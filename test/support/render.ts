/**
 * Test support: one sheet of a workbook as LibreOffice prints it, for a test to keep as images
 * (test-artifacts/) and to read the printed text of. The other sheets are hidden in a copy (so
 * the sheet's formulas over them still recalculate) and LibreOffice converts the copy to PDF
 * with a profile of its own (see libreoffice.ts: parallel runs must not share one); poppler's
 * pdftoppm and pdftotext turn the pages into PNG images and text.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import {
  attributes,
  buildXml,
  childrenOf,
  element,
  elements,
  makeElement,
  parseXml,
  rootOf,
} from "../../src/cli/package/xml";
import { unzip, zip } from "./zip";
import { sofficePath } from "./libreoffice";

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

/** A copy of the workbook whose sheets but `sheet` are hidden, and `sheet` the active one. */
function onlySheet(xlsx: string, sheet: string, out: string): void {
  const parts = unzip(fs.readFileSync(xlsx));
  const tree = parseXml(parts["xl/workbook.xml"].toString("utf8"));
  const book = rootOf(tree);
  const sheets = elements(element(book, "sheets")!, "sheet");
  const index = sheets.findIndex((node) => attributes(node).name === sheet);
  if (index < 0) throw new Error(`no sheet "${sheet}" in ${xlsx}`);
  sheets.forEach((node, i) => {
    if (i !== index) attributes(node).state = "hidden";
  });
  // LibreOffice shows (and prints) the active sheet even when hidden: make ours the active one.
  let views = element(book, "bookViews");
  if (!views) {
    views = makeElement("bookViews", {}, [makeElement("workbookView")]);
    const children = childrenOf(book);
    children.splice(children.indexOf(element(book, "sheets")!), 0, views);
  }
  for (const view of elements(views, "workbookView")) {
    attributes(view).activeTab = String(index);
    attributes(view).firstSheet = String(index);
  }
  parts["xl/workbook.xml"] = Buffer.from(buildXml(tree), "utf8");
  fs.writeFileSync(out, zip(parts));
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
 * Prints `sheet` of `xlsx` to PDF with LibreOffice and each page to `outDir/<stem>-<n>.png`
 * at `dpi` (60 by default: enough to read, small enough to keep).
 */
export function renderSheet(
  xlsx: string,
  sheet: string,
  outDir: string,
  stem: string,
  dpi = 60
): RenderedSheet {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice is not installed: no soffice on PATH");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tf-render-"));
  try {
    const copy = path.join(work, `${stem}.xlsx`);
    onlySheet(xlsx, sheet, copy);
    const home = path.join(work, "home");
    fs.mkdirSync(home);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        copy,
      ],
      {
        stdio: "pipe",
        timeout: 120_000,
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
      }
    );
    const made = path.join(work, `${stem}.pdf`);
    if (!fs.existsSync(made)) throw new Error(`LibreOffice made no PDF of ${xlsx}`);
    fs.mkdirSync(outDir, { recursive: true });
    const pdf = path.join(outDir, `${stem}.pdf`);
    fs.copyFileSync(made, pdf);
    for (const old of fs.readdirSync(outDir))
      if (old.startsWith(`${stem}-`) && old.endsWith(".png")) fs.rmSync(path.join(outDir, old));
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, path.join(outDir, stem)]);
    const images = fs
      .readdirSync(outDir)
      .filter((name) => name.startsWith(`${stem}-`) && name.endsWith(".png"))
      .sort()
      .map((name) => path.join(outDir, name));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
      .split("\f")
      .slice(0, images.length);
    return { pdf, pages: images.length, images, text };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
