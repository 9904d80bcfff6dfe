import { Body1, Link, Title3 } from "@fluentui/react-components";

/** Shown when the page is opened in a browser rather than in Excel: say so, plainly. */
export function OutsideOffice() {
  return (
    <main className="tf-pane">
      <Title3 as="h1">Troubled Families funding</Title3>
      <Body1 as="p">
        This page is the add-in&rsquo;s task pane and works inside Excel. Open a workbook in Excel
        and choose <strong>Home &gt; Funding tables</strong>, or type <code>=TF.</code> in a cell
        for the funding functions.
      </Body1>
      <Body1 as="p">
        The <Link href="help.html">function reference</Link> works in any browser.
      </Body1>
    </main>
  );
}
