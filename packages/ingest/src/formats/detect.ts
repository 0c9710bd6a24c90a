/** The file formats the ingest reads; the same names as the plan's DataFormat. */
export type FileFormat = "JSON" | "XLSX" | "CSV" | "XML";

const byExtension: Readonly<Record<string, FileFormat>> = {
  json: "JSON",
  xlsx: "XLSX",
  csv: "CSV",
  xml: "XML",
};

const byMediaType: Readonly<Record<string, FileFormat>> = {
  "application/json": "JSON",
  "text/json": "JSON",
  "text/csv": "CSV",
  "application/csv": "CSV",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/xml": "XML",
  "text/xml": "XML",
};

/**
 * The format of a file from, in order: its name's extension, the server's Content-Type, then its
 * first bytes. Undefined when none of them tells (servers often say application/octet-stream).
 */
export function detectFormat(nameOrUrl: string, contentType?: string, firstBytes?: Buffer): FileFormat | undefined {
  return formatFromName(nameOrUrl) ?? formatFromContentType(contentType) ?? sniffFormat(firstBytes);
}

function formatFromName(nameOrUrl: string): FileFormat | undefined {
  // Query and fragment are not part of the file name ("data.csv?lang=en").
  const path = nameOrUrl.split(/[?#]/, 1)[0] ?? "";
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : byExtension[extension];
}

function formatFromContentType(contentType: string | undefined): FileFormat | undefined {
  const mediaType = contentType?.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType === undefined || mediaType === "") return undefined;
  if (mediaType.endsWith("+json")) return "JSON";
  if (mediaType.endsWith("+xml")) return "XML";
  return byMediaType[mediaType];
}

/**
 * The format the first bytes of a file look like. CSV is never sniffed: almost any text could
 * be CSV. XLSX is a ZIP archive, which starts "PK\x03\x04".
 */
export function sniffFormat(firstBytes: Buffer | undefined): FileFormat | undefined {
  if (firstBytes === undefined) return undefined;
  if (firstBytes.subarray(0, 4).equals(zipSignature)) return "XLSX";
  // trimStart also drops a byte order mark.
  const start = firstBytes.toString("utf8").trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return "JSON";
  if (start.startsWith("<")) return "XML";
  return undefined;
}

const zipSignature = Buffer.from("PK\x03\x04", "latin1");
