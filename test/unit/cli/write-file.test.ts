import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { BadFileError, UsageError } from "../../../src/cli/parse-arg";
import { writeWorkbookAtomically } from "../../../src/cli/write-file";

/** OUT appears whole or not at all, IN is never overwritten, nothing is left behind. */
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-write-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);

function workbook(text = "hello"): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet").getCell("A1").value = text;
  return book;
}

/** A workbook whose writer dies half-way, after some bytes are on disk (a full disk, a kill). */
function failingHalfWay(): ExcelJS.Workbook {
  const book = workbook();
  book.xlsx.writeFile = async (target: string) => {
    fs.writeFileSync(target, "PK\u0003\u0004 half a workbook");
    throw new Error("ENOSPC: no space left on device, write");
  };
  return book;
}

async function read(name: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file(name));
  return book.getWorksheet("Sheet")!.getCell("A1").value;
}

describe("writeWorkbookAtomically", () => {
  it("writes OUT and leaves no temporary file", async () => {
    await writeWorkbookAtomically(workbook(), file("out.xlsx"));
    expect(await read("out.xlsx")).toBe("hello");
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("leaves no OUT and no temporary file when writing fails half-way", async () => {
    await expect(writeWorkbookAtomically(failingHalfWay(), file("out.xlsx"))).rejects.toThrow(
      new BadFileError(
        `${file("out.xlsx")} could not be written (ENOSPC: no space left on device, write): no file was changed.`
      )
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("leaves a previous OUT as it was when writing fails half-way", async () => {
    await writeWorkbookAtomically(workbook("before"), file("out.xlsx"));
    const before = fs.readFileSync(file("out.xlsx"));
    await expect(writeWorkbookAtomically(failingHalfWay(), file("out.xlsx"))).rejects.toThrow(
      BadFileError
    );
    expect(fs.readFileSync(file("out.xlsx")).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("takes a function that writes the file, and cleans up when it fails half-way", async () => {
    await writeWorkbookAtomically(async (target) => fs.writeFileSync(target, "PK"), file("f.xlsx"));
    expect(fs.readFileSync(file("f.xlsx"), "utf8")).toBe("PK");
    await expect(
      writeWorkbookAtomically(async (target) => {
        fs.writeFileSync(target, "PK half");
        throw new Error("EIO: i/o error, write");
      }, file("f.xlsx"))
    ).rejects.toThrow(
      new BadFileError(
        `${file("f.xlsx")} could not be written (EIO: i/o error, write): no file was changed.`
      )
    );
    expect(fs.readFileSync(file("f.xlsx"), "utf8")).toBe("PK");
    expect(fs.readdirSync(dir)).toEqual(["f.xlsx"]);
  });

  it("replaces a previous OUT whole", async () => {
    await writeWorkbookAtomically(workbook("before"), file("out.xlsx"));
    await writeWorkbookAtomically(workbook("after"), file("out.xlsx"));
    expect(await read("out.xlsx")).toBe("after");
  });

  it("never overwrites IN, however OUT names it", async () => {
    await writeWorkbookAtomically(workbook("input"), file("in.xlsx"));
    const before = fs.readFileSync(file("in.xlsx"));
    fs.symlinkSync(file("in.xlsx"), file("link.xlsx"));
    fs.linkSync(file("in.xlsx"), file("hard.xlsx"));
    const spellings = [
      file("in.xlsx"),
      path.join(dir, ".", "in.xlsx"),
      path.relative(process.cwd(), file("in.xlsx")),
      file("link.xlsx"),
      file("hard.xlsx"),
    ];
    for (const out of spellings) {
      await expect(writeWorkbookAtomically(workbook(), out, file("in.xlsx"))).rejects.toThrow(
        /is the input workbook: give another file name, the input is never overwritten/
      );
    }
    expect(fs.readFileSync(file("in.xlsx")).equals(before)).toBe(true);
  });

  it("writes only a file named .xlsx, as Excel opens no workbook under another extension", async () => {
    await expect(writeWorkbookAtomically(workbook(), file("tables.csv"))).rejects.toThrow(
      new UsageError(
        `${file("tables.csv")} must end in .xlsx: the file written is an Excel workbook.`
      )
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("says so when OUT's folder does not exist or OUT is a folder", async () => {
    await expect(
      writeWorkbookAtomically(workbook(), path.join(dir, "missing", "out.xlsx"))
    ).rejects.toThrow(new UsageError(`the folder ${path.join(dir, "missing")} does not exist.`));
    fs.mkdirSync(file("folder.xlsx"));
    await expect(writeWorkbookAtomically(workbook(), file("folder.xlsx"))).rejects.toThrow(
      /folder\.xlsx is a folder/
    );
  });
});
