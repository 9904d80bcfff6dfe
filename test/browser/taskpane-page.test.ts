import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { AddressInfo } from "net";
import { Browser, Page, chromium } from "playwright-core";
import { samplePlan } from "../../src/workbook/sample";
import { planCells } from "../../src/workbook/plan-snapshot";
import { buildAddin } from "../support/build";
import { planFrom } from "../support/plan-from";
import { OfficeThemeName, fakeExcelScript, officeHostScript } from "./office-host";

/**
 * The production task pane page in real headless Chromium (Debian's package). Outside Office it
 * renders its plain "works inside Excel" message. Inside, the real Office.js (served from
 * @microsoft/office-js, as there is no CDN in tests) meets a stand-in Windows Excel host
 * (office-host.ts): Office.onReady resolves as Excel through Office.js's own code, the theme,
 * requirement sets and document settings are Office.js's, and Excel.run is the unit tests'
 * fake workbook. Screenshots are kept in test-artifacts/.
 */

/**
 * The pane as a user finds it: controls by role and accessible name, the figures by their test
 * ids. One place for every selector, so the tests follow a redesign of the pane from here.
 */
const pane = (page: Page) => ({
  insertSample: page.getByRole("button", { name: "Insert sample inputs" }),
  build: page.getByRole("button", { name: "Build tables" }),
  successRate: page.getByRole("slider", { name: /^Success rate/ }),
  built: page.getByRole("status").filter({ hasText: /^Built / }),
  figure: (id: "envelope" | "secured" | "at-risk" | "expected" | "claimed" | "clawback") =>
    page.getByTestId(id),
  release: page.getByTestId("year-two-release"),
  surface: page.locator(".fui-FluentProvider").first(),
  totalReceived: page.getByTestId("total-received"),
  familiesIn: (year: string) => page.getByRole("textbox", { name: year, exact: true }),
  goalAmount: page.getByRole("textbox", { name: /Amount to have received/ }),
  goalYear: page.getByRole("combobox", { name: "By the end of" }),
  goalAnswer: page.getByTestId("goal-answer"),
  scenarioName: page.getByRole("textbox", { name: "Scenario name" }),
  saveScenario: page.getByRole("button", { name: "Save scenario" }),
  comparison: page.getByTestId("comparison-table"),
  writeComparison: page.getByRole("button", { name: "Write comparison to sheet" }),
});
const root = path.join(__dirname, "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const required = process.env.CI === "true" || process.env.REQUIRE_CHROMIUM === "1";
const available = fs.existsSync(CHROMIUM);
const run = available || required ? describe : describe.skip;
if (!available && !required)
  console.warn("Chromium is not installed: the browser test is skipped. .ci/run installs it.");

const out = fs.mkdtempSync(path.join(os.tmpdir(), "tf-page-"));
const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

let server: http.Server;
let base: string;
let browser: Browser | undefined;

function serve(dir: string): Promise<http.Server> {
  const s = http.createServer((request, response) => {
    const file = path.join(
      dir,
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

run("the task pane page in headless Chromium", () => {
  beforeAll(async () => {
    buildAddin(out);
    server = await serve(out);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("renders without console errors and asks only for its own files and Office.js", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 700 } });
    const errors: string[] = [];
    const outside: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === base) return route.continue();
      // Office.js (and the files it loads beside itself) from the package, as the CDN would serve it.
      const hosted = /^\/lib\/1\/hosted\/(.+)$/.exec(url.pathname);
      if (url.hostname === "appsforoffice.microsoft.com" && hosted) {
        const file = path.join(officeDist, hosted[1]);
        if (fs.existsSync(file))
          return route.fulfill({ path: file, contentType: "text/javascript" });
      }
      outside.push(url.href);
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByText(/works inside Excel/).waitFor({ timeout: 30000 });
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({
      path: path.join(screenshots, "taskpane-outside-office.png"),
      fullPage: true,
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("inside Excel, Office.js takes its Excel path and the functions page registers every function", async () => {
    const { page, errors, outside } = await openInExcel("light");
    await pane(page).insertSample.waitFor({ timeout: 30000 });
    const office = await page.evaluate(() => {
      const association = (
        window as unknown as {
          CustomFunctions: { _association: { m_mappings: Record<string, Function> } };
        }
      ).CustomFunctions._association.m_mappings;
      return {
        excel17: Office.context.requirements.isSetSupported("ExcelApi", "1.7"),
        excel110: Office.context.requirements.isSetSupported("ExcelApi", "1.10"),
        background: Office.context.officeTheme.bodyBackgroundColor,
        functions: Object.keys(association).sort(),
        // Excel's own call of =TF.ENVELOPE(705, 2, "phase1-fast-track"): its total row.
        envelope: (association.TF_ENVELOPE(705, 2, "phase1-fast-track") as unknown[][]).at(-1),
        host: (window as unknown as { __hostRequests: unknown }).__hostRequests,
      };
    });
    expect(office.excel17).toBe(true);
    expect(office.excel110).toBe(false);
    expect(office.background).toBe("#ffffff");
    const metadata = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8"));
    expect(office.functions).toEqual(metadata.functions.map((f: { id: string }) => f.id).sort());
    expect(office.envelope).toEqual(["Total", 588, 1646400, 705600, 2352000]);
    // The only batch that reached the host is Office.js's own start-up notice: every workbook
    // call of the pane went to the fake workbook.
    expect(office.host).toEqual([{ dispId: 93, actions: ["NotifyActionHandlerReady"] }]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  for (const theme of ["light", "dark"] as const) {
    it(`walks the sample through the pane in the ${theme} Office theme: inputs, build, what-if, goal seek, scenarios`, async () => {
      const { page, errors, outside } = await openInExcel(theme);
      const ui = pane(page);
      const shots = path.join(root, "test-artifacts", "pane");
      fs.mkdirSync(shots, { recursive: true });

      // Inputs: the sample's Families, Claims and Assumptions sheets, written by the pane.
      await ui.insertSample.click();
      await ui.figure("envelope").waitFor({ timeout: 30000 });
      expect(await ui.figure("envelope").textContent()).toBe("£2,352,000");
      expect(await ui.figure("secured").textContent()).toBe("£1,646,400");
      expect(await ui.figure("at-risk").textContent()).toBe("£705,600");
      // The sample's 65%: 65% of £705,600.
      expect(await ui.figure("expected").textContent()).toBe("£458,640");

      // Build: the generated sheets appear in the workbook, holding the plan's formulas.
      await ui.build.click();
      await ui.built.waitFor({ timeout: 30000 });
      expect(await ui.built.textContent()).toMatch(
        /Total cash envelope £2,352,000, of which £705,600 \(30%\) depends on payment by results/
      );
      const book = await page.evaluate(() => {
        const fake = (window as unknown as { __book: FakeBook }).__book;
        return {
          sheets: fake.sheets.map((sheet) => sheet.name),
          cells: Object.fromEntries(
            [...fake.sheets.find((sheet) => sheet.name === "Cash envelope")!.cells].map(
              ([key, cell]) => [key, cell.formula ?? null]
            )
          ),
        };
      });
      expect(book.sheets).toEqual([
        "Sheet1",
        "Families",
        "Claims",
        "Assumptions",
        "Report",
        "Cash envelope",
        "PbR risk",
        "Claims by year",
        "Funding assumptions",
      ]);
      // The fake does not calculate: the sheet is checked as the formulas Excel will compute,
      // each the formula whose value the plan (built here from the same inputs) caches.
      const plan = planFrom(samplePlan().sheets.filter((sheet) => INPUTS.includes(sheet.name)));
      const envelope = planCells(plan).filter(
        (c) => c.sheet === "Cash envelope" && c.cell.formula !== undefined
      );
      expect(envelope.length).toBeGreaterThan(30);
      for (const { address, cell } of envelope)
        expect([address, book.cells[cellKey(address)]]).toEqual([address, `=${cell.formula}`]);
      const valued = (value: number) =>
        envelope.filter((c) => c.cell.value === value).map((c) => c.address);
      expect(valued(2352000)).toContain("H7");
      expect(valued(705600)).toContain("F7");
      await page.screenshot({ path: path.join(shots, `${theme}-built.png`), fullPage: true });

      // What if: the success rate from the sample's 65% to 40% recomputes at once, in the pane.
      await ui.successRate.fill("40");
      expect(await ui.figure("expected").textContent()).toBe("£282,240");
      expect(await ui.figure("envelope").textContent()).toBe("£2,352,000");
      // Saved with the workbook through Office.js's document settings.
      const saved = await page.evaluate(
        () => (window as unknown as { __hostSettings: Record<string, string> }).__hostSettings
      );
      expect(JSON.parse(saved["tf-funding-assumptions"])).toEqual({ successRate: "0.4" });
      expect(await ui.surface.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
        theme === "dark" ? "rgb(41, 41, 41)" : "rgb(255, 255, 255)"
      );
      await page.screenshot({ path: path.join(shots, `${theme}-whatif.png`), fullPage: true });
      // At 40%: £1,646,400 of fees and £282,240 of results, received over four financial years.
      expect(await ui.totalReceived.textContent()).toBe("£1,928,640");

      // The goal seek: £2,000,000 by the end of 2014/15 with 294 and 294 families needs
      // (2,000,000 - 1,646,400) / (235,200 + ¾ of 470,400) = 60.14% (rounded up).
      await ui.goalAmount.fill("2000000");
      await ui.goalYear.selectOption({ label: "2014/15" });
      expect(await ui.goalAnswer.textContent()).toMatch(/^A success rate of 60\.14%/);

      // Scenarios side by side: this 40%, and the sample's 65% with a third year of 100
      // families, saved, compared and written to a sheet.
      await ui.scenarioName.fill("Cautious 40%");
      await ui.saveScenario.click();
      await ui.successRate.fill("65");
      await ui.familiesIn("2014/15").fill("100");
      expect(await ui.totalReceived.textContent()).not.toBe("£1,928,640");
      await ui.scenarioName.fill("Sample 65% + 100");
      await ui.saveScenario.click();
      await ui.comparison.waitFor({ timeout: 30000 });
      const table = await ui.comparison.innerText();
      expect(table).toMatch(/Cautious 40%\s+Sample 65% \+ 100/);
      expect(table).toContain("£1,928,640");
      // Both kept with the workbook, through Office.js's document settings, for the next opening.
      const kept = await page.evaluate(
        () => (window as unknown as { __hostSettings: Record<string, string> }).__hostSettings
      );
      expect(
        (JSON.parse(kept["tf-funding-scenarios"]) as { name: string }[]).map((s) => s.name)
      ).toEqual(["Cautious 40%", "Sample 65% + 100"]);
      await ui.writeComparison.click();
      await page.waitForFunction(() =>
        (window as unknown as { __book: FakeBook }).__book.sheets.some(
          (sheet) => sheet.name === "Scenario comparison"
        )
      );
      await page.screenshot({ path: path.join(shots, `${theme}-scenarios.png`), fullPage: true });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120000);
  }

  it("inside Excel, reads a phase 2 council workbook and shows the totals row it passed over", async () => {
    const { page, errors } = await openInExcel("light", PHASE2_BOOK, {
      "tf-funding-assumptions": { framework: "phase2" },
    });
    await page.getByText(/is a totals row, not a financial year/).waitFor({ timeout: 30000 });
    expect(await pane(page).figure("secured").textContent()).toBe("£527,000");
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "taskpane-notice.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("inside Excel, shows a fast-track council's expected clawback and year-2 release", async () => {
    const { page, errors } = await openInExcel("light", BARNET_BOOK, {
      "tf-funding-assumptions": { framework: "phase1-fast-track" },
    });
    const ui = pane(page);
    await ui.release.waitFor({ timeout: 30000 });
    // 58 × £700 + 6 × £800 = £45,400 claimed; × 2.1% checked × 10% invalid = £95.34.
    expect(await ui.figure("claimed").textContent()).toBe("£45,400");
    expect(await ui.figure("clawback").textContent()).toBe("£95.34");
    expect(await ui.release.textContent()).toBe("In full: £705,600 paid in Q1 2013/14");
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, "taskpane-release.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("inside Excel, shows the council among the Peers sheet's councils, with its bars", async () => {
    const { page, errors } = await openInExcel("light", BARNET_BOOK + PEERS_SHEET, {
      "tf-funding-assumptions": { framework: "phase1-fast-track" },
    });
    const rank = page.getByTestId("peer-rank");
    await rank.waitFor({ timeout: 30000 });
    // Barnet's 64 of 705 turned around (9.1%): last of the six.
    expect(await rank.textContent()).toBe("6 of 6");
    expect(await page.getByTestId("peer-share").textContent()).toBe("9.1%");
    const section = page.getByRole("region", { name: "Among its peers" });
    await section.scrollIntoViewIfNeeded();
    const screenshots = path.join(root, "test-artifacts");
    fs.mkdirSync(screenshots, { recursive: true });
    await section.screenshot({ path: path.join(screenshots, "taskpane-peers.png") });
    expect(errors).toEqual([]);
    await page.close();
  }, 120000);

  it("serves the help page with a section for every function", async () => {
    const page = await browser!.newPage();
    await page.goto(`${base}/help.html`);
    expect(await page.locator("section").count()).toBeGreaterThanOrEqual(13);
    await page.close();
  }, 60000);
});

/** What the walk reads of the page's fake workbook (test/unit/taskpane/excel/fake-excel.ts). */
interface FakeBook {
  sheets: { name: string; cells: Map<number, { formula?: string }> }[];
}

const INPUTS = ["Families", "Claims", "Assumptions"];

/** The fake's key of a cell ("H7" → row 7 × 20,000 + column 8). */
function cellKey(address: string): number {
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return Number(row) * 20000 + column;
}

/**
 * The production pane opened inside the stand-in Excel: Office.js and the files it loads beside
 * itself from the package, its Excel script followed by the fake workbook (set up by `workbook`,
 * script over `book`). Console errors, page errors and requests beyond the page's own files and
 * Office.js are collected.
 */
async function openInExcel(
  theme: OfficeThemeName,
  workbook = 'book.addSheet("Sheet1", []);',
  settings: Record<string, unknown> = {}
): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 350, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(officeHostScript({ theme, settings }));
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base) return route.continue();
    const hosted = /^\/lib\/1\/hosted\/(.+)$/.exec(url.pathname);
    const file = hosted && path.join(officeDist, hosted[1]);
    if (url.hostname === "appsforoffice.microsoft.com" && file && fs.existsSync(file)) {
      let body = fs.readFileSync(file, "utf8");
      if (hosted[1] === EXCEL_SCRIPT) body += fakeExcelScript(workbook);
      return route.fulfill({ body, contentType: "text/javascript" });
    }
    outside.push(url.href);
    return route.abort();
  });
  await page.goto(`${base}/taskpane.html`);
  return { page, errors, outside };
}

/** The script Office.js loads for Excel on Windows (the host the stand-in names). */
const EXCEL_SCRIPT = "excel-win32-16.01.js";

/** B&NES's phase 2 workbook as kept, with a totals row. */
const PHASE2_BOOK = `
  book.addSheet("Families", [
    ["Financial year", "Number of families identified", "Families attached"],
    ["2015-2016", 700, 527],
    ["2016-2017", 0, 0],
    ["Total", 700, 527],
  ]);
  book.addSheet("Claims", [
    ["Date of claim", "Outcome", "No. of families"],
    ["31/03/2016", "Significant and sustained progress", 200],
    ["Mar-16", "Sustained and significant progress", 12],
  ]);`;
/** Published peers' figures (data/peers-phase1-2014.csv), typed into a Peers sheet. */
const PEERS_SHEET = `
  book.addSheet("Peers", [
    ["Authority", "Region", "Families in the cohort", "Families turned around", "As at", "Source"],
    ["Wakefield", "Yorkshire and the Humber", 930, 925, "2014-07-09", "DCLG, 9 July 2014"],
    ["Leicestershire", "East Midlands", 810, 772, "2014-07-09", "DCLG, 9 July 2014"],
    ["Bristol", "South West", 1355, 1158, "2014-07-09", "DCLG, 9 July 2014"],
    ["North Yorkshire", "Yorkshire and the Humber", 845, 355, "2014-03-31", "Harrogate News"],
    ["Rotherham", "Yorkshire and the Humber", 730, 472, "2014-09-24", "Rotherham MBC"],
    ["England", "England", 117910, 52833, "2014-07-09", "DCLG, 9 July 2014"],
  ]);`;
/** Barnet's fast-track phase 1 workbook. */
const BARNET_BOOK = `
  book.addSheet("Families", [
    ["Financial year", "Families nominated", "Families attached"],
    ["2012/13", 705, 294],
    ["2013/14", 0, 294],
  ]);
  book.addSheet("Claims", [
    ["Claim date", "Outcome", "Families"],
    ["31/07/2013", "Education & Crime / Anti-Social Behaviour", 58],
    ["31/10/2013", "Continuous employment", 6],
  ]);`;
