import { readFileSync } from "node:fs";

export type CsvRow = Record<string, string>;

/** A CSV file's rows by header, read independently of the ingest so the expected answers are the file's own. */
export function readCsv(path: string): CsvRow[] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character !== '"') cell += character;
      else if (text[index + 1] === '"') cell += text[++index];
      else quoted = false;
    } else if (character === '"') {
      quoted = true;
    } else if (character === ",") {
      endCell();
    } else if (character === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (character !== "\r") {
      cell += character;
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  const [header = [], ...body] = rows;
  return body.filter((cells) => cells.some((value) => value !== "")).map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""])));
}
