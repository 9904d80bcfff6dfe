import { spawn } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";

/*
 * A .docx as PDF, by LibreOffice Writer (`soffice --headless --convert-to pdf`), run with its
 * own profile and HOME so it neither meets a LibreOffice the user has open nor writes to theirs.
 */

/** Why no PDF was written: LibreOffice missing, or its conversion failing. */
export class PdfError extends Error {}

const INSTALL =
  "install LibreOffice Writer (Debian and Ubuntu: apt-get install libreoffice-writer) or set $SOFFICE to its soffice";

/** LibreOffice's soffice: $SOFFICE when set, else the first on PATH; undefined when there is none. */
export function findSoffice(): string | undefined {
  const candidates = [
    ...(process.env.SOFFICE ? [process.env.SOFFICE] : []),
    ...(process.env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, process.platform === "win32" ? "soffice.exe" : "soffice")),
  ];
  return candidates.find((candidate) => {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    // Its own process group: soffice starts oosplash and soffice.bin, which a timeout ends too.
    const child = spawn(command, args, { detached: true, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      reject(new PdfError(`LibreOffice took longer than ${timeoutMs / 1000} s and was stopped`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new PdfError(`LibreOffice could not be started (${error.message}): ${INSTALL}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Converts DOCX to PDF, written whole or not at all: LibreOffice converts in a folder of its
 * own and the result is renamed into place beside PDF. Throws PdfError saying what to do.
 */
export async function docxToPdf(docx: string, pdf: string, timeoutMs = 180_000): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new PdfError(`LibreOffice is not installed (no soffice on PATH): ${INSTALL}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tf-funding-pdf-"));
  const temporary = path.join(
    path.dirname(path.resolve(pdf)),
    `.${path.basename(pdf)}.${process.pid}.${Date.now()}.tmp`
  );
  try {
    const [profile, home, out] = ["profile", "home", "out"].map((dir) => path.join(work, dir));
    for (const dir of [profile, home, out]) fs.mkdirSync(dir);
    // A plain name: no quoting trouble with spaces or odd characters in the user's path.
    const input = path.join(work, "report.docx");
    fs.copyFileSync(docx, input);
    const env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, ".config"),
      XDG_CACHE_HOME: path.join(home, ".cache"),
    };
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "pdf:writer_pdf_Export",
      "--outdir",
      out,
      input,
    ];
    const result = await run(soffice, args, env, timeoutMs);
    const produced = path.join(out, "report.pdf");
    // soffice exits 0 even when it cannot load a file (as without Writer): the file decides.
    if (!fs.existsSync(produced) || fs.statSync(produced).size === 0) {
      const said = result.output
        .split("\n")
        .filter((line) => line.trim() && !line.includes("javaldx"))
        .slice(-3)
        .join(" ");
      throw new PdfError(
        `LibreOffice did not convert the report to PDF${said ? ` (${said.trim()})` : ""}: LibreOffice Writer is needed to read .docx; ${INSTALL}`
      );
    }
    fs.copyFileSync(produced, temporary);
    fs.renameSync(temporary, pdf);
  } finally {
    fs.rmSync(temporary, { force: true });
    fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}
