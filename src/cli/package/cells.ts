import { escapeXml } from "./xml";

export const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Characters XML 1.0 cannot hold (controls but tab, line feed and return; U+FFFE, U+FFFF). */
// eslint-disable-next-line no-control-regex -- matching these control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text Excel can hold: XML's forbidden characters as _xHHHH_, and a literal "_xHHHH_" kept. */
export function cellText(text: string): string {
  return escapeXml(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(
        NOT_IN_XML,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
      )
  );
}

export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`a cell value is not a finite number: ${value}`);
  return String(value);
}
