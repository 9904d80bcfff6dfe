import { DECLARATION, cellText } from "./cells";
import { MAIN_NS } from "./parts";

/*
 * Cell notes (the "Notes" of Excel 365, legacy comments): a comments part with the text, and a
 * VML drawing with one hidden note shape per cell, which Excel and LibreOffice need to show them.
 */

/** Notes as Excel writes them: each one a run of text (some readers take nothing else). */
export function commentsXml(notes: [string, string][]): string {
  return (
    DECLARATION +
    `<comments xmlns="${MAIN_NS}"><authors><author>tf-funding</author></authors><commentList>` +
    notes
      .map(
        ([ref, note]) =>
          `<comment ref="${ref}" authorId="0"><text><r><t xml:space="preserve">${cellText(note)}</t></r></text></comment>`
      )
      .join("") +
    "</commentList></comments>"
  );
}

/** The legacy drawing Excel needs to show notes: one hidden note shape per commented cell. */
export function vmlXml(notes: [number, number][], block: number): string {
  const shapes = notes.map(([row, column], n) => {
    const anchor = `${column}, 15, ${Math.max(0, row - 2)}, 10, ${column + 2}, 15, ${row + 2}, 4`;
    return (
      `<v:shape id="_x0000_s${block * 1024 + n + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${n + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData>` +
      "</v:shape>"
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join("") +
    "</xml>"
  );
}
