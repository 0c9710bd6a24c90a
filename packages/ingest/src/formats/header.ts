import type { Fail } from "./fail.js";

/**
 * Field names from a header row (CSV, XLSX): trimmed, which also drops a stray byte order mark.
 * Every column needs a name of its own, or values would be lost or land under the wrong name.
 */
export function headerNames(cells: readonly string[], fail: Fail): string[] {
  const names = cells.map((cell) => cell.trim());
  const firstColumnOf = new Map<string, number>();
  names.forEach((name, index) => {
    const column = index + 1;
    if (name === "") fail(`column ${column} of the header has no name`);
    const earlier = firstColumnOf.get(name);
    if (earlier !== undefined) fail(`column ${column} of the header repeats the name of column ${earlier}`, name);
    firstColumnOf.set(name, column);
  });
  return names;
}
