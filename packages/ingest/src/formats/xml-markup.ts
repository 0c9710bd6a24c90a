import { IngestError } from "../errors.js";
import { lineAndColumn } from "./text.js";

/**
 * Refuses, at its line and column, what a well-formed XML file of records must not have and
 * fast-xml-parser would not refuse: a document type declaration (the only place entities are
 * declared, internal ones as in "billion laughs", external ones as in XXE: never read, so
 * refused whole), character references to characters XML cannot hold ("&#0;", which the parser
 * drops in silence), and elements nested more than `maxNesting` deep. Runs on text the validator
 * has passed, so tags are complete and attribute values quoted.
 */
export function checkXmlMarkup(source: string, text: string, maxNesting: number): void {
  const fail = (offset: number, problem: string): never => {
    throw new IngestError(source, problem, lineAndColumn(text, offset));
  };
  let depth = 0;
  for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
    const next = text[at + 1];
    if (next === "?") at = endOf(text, "?>", at);
    else if (text.startsWith("<!--", at)) at = endOf(text, "-->", at);
    else if (text.startsWith("<![CDATA[", at)) at = endOf(text, "]]>", at);
    else if (next === "!") fail(at, "has a document type declaration (<!DOCTYPE or <!ENTITY): entities and external references are never read, so the file is refused");
    else if (next === "/") depth--;
    else {
      const start = at;
      at = endOfTag(text, at);
      if (text[at - 1] !== "/" && ++depth > maxNesting) fail(start, `elements are nested more than ${maxNesting} deep (INGEST_MAX_NESTING)`);
    }
  }
  for (const reference of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const digits = reference[1] ?? "";
    const code = digits.startsWith("x") ? Number.parseInt(digits.slice(1), 16) : Number(digits);
    if (!isXmlCharacter(code)) fail(reference.index, `the character reference ${reference[0]} names a character XML cannot hold`);
  }
}

function endOf(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? text.length : end + terminator.length - 1;
}

/** The offset of the ">" that closes a start tag, past quoted attribute values. */
function endOfTag(text: string, from: number): number {
  let quote: string | undefined;
  for (let at = from + 1; at < text.length; at++) {
    const character = text[at];
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === ">") return at;
  }
  return text.length;
}

/** XML 1.0's Char production: tab, newline, carriage return, and the rest from U+0020, less surrogates and U+FFFE/U+FFFF. */
function isXmlCharacter(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  return (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
