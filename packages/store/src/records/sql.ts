/** Collects positional parameters while a statement is assembled, so values are never spliced into SQL. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, with a cast when given ("$3::numeric"). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** A JSON object key as an SQL string literal: field names come from files, so quote them. */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A record's field as text, `r.fields->>'Case no.'`: the field name quoted as a literal. */
export function recordFieldText(alias: string, name: string): string {
  return `${alias}.fields->>${sqlLiteral(name)}`;
}

/** Escapes LIKE wildcards so `contains` matches the text literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
