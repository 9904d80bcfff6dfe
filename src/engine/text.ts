/** Case-, space- and punctuation-insensitive form of a name typed by a person. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** A short, safe rendering of a user's value for an error message. */
export function quote(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `"${shown}"`;
  }
  if (value === null || value === undefined) return "an empty cell";
  if (Array.isArray(value)) return "a range";
  return String(value);
}
