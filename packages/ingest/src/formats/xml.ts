import { XMLParser, XMLValidator } from "fast-xml-parser";
import { IngestError } from "../errors.js";
import { failAt, type Fail } from "./fail.js";
import { flattenRecord, isTreeArray, isTreeObject, type Tree, type TreeObject } from "./flatten.js";
import { ingestLimits } from "../limits.js";
import { readText } from "./text.js";
import { checkXmlMarkup } from "./xml-markup.js";
import type { FormatParser, RawRow, RawValue } from "./types.js";

// Names as fast-xml-parser gives them: attributes "@name", text beside attributes or children "#text".
const attributePrefix = "@";
const textKey = "#text";

// Values stay text, as in the file; values.ts decides what is a number or a date.
const xmlParserOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: attributePrefix,
  textNodeName: textKey,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

/**
 * Reads an XML file whole. The records are the elements at `recordPath` (element names from the
 * root, "hcpList.provider"), else the one element name that repeats. A record's attributes become
 * "@name" fields and its child elements fields named after them, nested ones with dot keys
 * ("address.street", "address.@lang"; an element's own text beside attributes keeps the element's
 * name). A child element that repeats inside a record fails. `metadata` holds the root's attributes
 * and its text-only children. Locations are XPath-like and 1-based: "/hcpList/provider[4]".
 */
export const parseXml: FormatParser = async ({ source, open, recordPath, limits = ingestLimits() }) => {
  const text = await readText(source, open, limits.maxDocumentBytes);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new IngestError(source, `not well-formed XML: ${msg}`, col === undefined ? `line ${line}` : `line ${line}, column ${col}`);
  }
  checkXmlMarkup(source, text, limits.maxNesting);
  const root = rootElement(source, parseDocument(source, text, limits.maxNesting));
  const path = recordPath ?? findRepeatedElement(source, root);
  return { metadata: rootMetadata(root.node), rows: xmlRows(source, elementsAt(source, root, path)) };
};

function parseDocument(source: string, text: string, maxNesting: number): TreeObject {
  try {
    return new XMLParser({ ...xmlParserOptions, maxNestedTags: maxNesting + 1 }).parse(text) as TreeObject;
  } catch (error) {
    // checkXmlMarkup refuses what is known to fail here; anything else still gets one line.
    throw new IngestError(source, `could not be read as XML: ${String((error as Error).message).split("\n", 1)[0]}`, undefined, undefined, { cause: error });
  }
}

interface Element {
  readonly name: string;
  readonly node: Tree;
  /** "/hcpList/provider[4]" */
  readonly xpath: string;
}

async function* xmlRows(source: string, records: readonly Element[]): AsyncGenerator<RawRow> {
  for (const [index, { name, node, xpath }] of records.entries()) {
    const fail: Fail = failAt(source, xpath);
    if (!isTreeObject(node)) fail(`record <${name}> has only text, no child elements or attributes`);
    yield { ordinal: index + 1, location: xpath, fields: flattenRecord(node, { fail, arrays: "reject", textKey }) };
  }
}

function rootElement(source: string, document: TreeObject): Element {
  const [only, ...others] = Object.entries(document);
  if (only === undefined || others.length > 0 || isTreeArray(only[1])) {
    throw new IngestError(source, "an XML document needs exactly one root element");
  }
  return { name: only[0], node: only[1], xpath: `/${only[0]}` };
}

/** The elements at a dot path from the root, with their XPath; repeated steps get an index. */
function elementsAt(source: string, root: Element, recordPath: string): Element[] {
  const [rootName, ...names] = recordPath.split(".");
  if (rootName !== root.name || names.length === 0) {
    throw new IngestError(source, `recordPath "${recordPath}" must be the root element <${root.name}> followed by the record element, e.g. "${root.name}.item"`);
  }
  let elements = [root];
  for (const [step, name] of names.entries()) {
    const isRecordStep = step === names.length - 1;
    elements = elements.flatMap((parent) => children(parent, name, isRecordStep));
  }
  if (elements.length === 0) throw new IngestError(source, `recordPath "${recordPath}" matches no element`, root.xpath);
  return elements;
}

function children(parent: Element, name: string, alwaysIndex: boolean): Element[] {
  if (!isTreeObject(parent.node) || name.startsWith(attributePrefix) || name === textKey) return [];
  const value = parent.node[name];
  if (value === undefined) return [];
  const nodes = isTreeArray(value) ? value : [value];
  const indexed = alwaysIndex || nodes.length > 1;
  return nodes.map((node, index) => ({ name, node, xpath: `${parent.xpath}/${name}${indexed ? `[${index + 1}]` : ""}` }));
}

/**
 * The dot path of the one element name that repeats under a parent. Only the outermost
 * repetitions count: one inside a record is that record's problem, reported at the record.
 */
function findRepeatedElement(source: string, root: Element): string {
  const candidates = new Set<string>();
  const visit = (node: Tree, path: string) => {
    if (!isTreeObject(node)) return;
    for (const [name, value] of Object.entries(node)) {
      if (name.startsWith(attributePrefix) || name === textKey) continue;
      if (isTreeArray(value)) candidates.add(`${path}.${name}`);
      else visit(value, `${path}.${name}`);
    }
  };
  visit(root.node, root.name);
  const [only, ...others] = candidates;
  if (only !== undefined && others.length === 0) return only;
  const found = only === undefined ? "no element repeats" : `several elements repeat: ${[...candidates].join(", ")}`;
  throw new IngestError(source, `cannot tell which element is the record: ${found}; give recordPath`, root.xpath);
}

/** The root's attributes and text-only child elements that occur once. */
function rootMetadata(root: Tree): Record<string, RawValue> {
  if (!isTreeObject(root)) return {};
  return Object.fromEntries(
    Object.entries(root).filter((entry): entry is [string, string] => entry[0] !== textKey && typeof entry[1] === "string"),
  );
}
