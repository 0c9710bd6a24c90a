/** NUL, which PostgreSQL's text and jsonb cannot hold, and a surrogate without its pair, which is no character at all. */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const suspect = /[\u0000\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text cannot be stored as it is (a file's value, a query's argument) ("a NUL character (U+0000) at character 5"), or
 * undefined when it can: such a value fails deep inside the database, or is changed by a driver.
 */
export function unstorableCharacter(text: string): string | undefined {
  // The quick test passes nearly every value; the exact one tells a pair from a lone surrogate.
  if (!suspect.test(text)) return undefined;
  const found = unstorable.exec(text);
  if (found === null) return undefined;
  const code = found[0].charCodeAt(0);
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const what = code === 0 ? `a NUL character (${codePoint})` : `a lone surrogate (${codePoint}, half of a character)`;
  return `${what} at character ${found.index + 1}, which the database cannot store`;
}
