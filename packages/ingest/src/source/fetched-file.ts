/** A file's bytes on local disk, ready to parse, with what is known of where they came from. */
export interface FetchedFile {
  /** Where the bytes are on disk: the file itself, or a temporary copy of a download. */
  readonly path: string;
  /** The path or URL the bytes came from: names the format and the resource. */
  readonly location: string;
  readonly fetchedAt: Date;
  readonly sha256: string;
  /** The first bytes, to tell the format by. */
  readonly firstBytes: Buffer;
  readonly contentType?: string | undefined;
  /** HTTP validators the server sent, for the next conditional GET. */
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
  /** Deletes a temporary copy; nothing for a local file. */
  dispose(): Promise<void>;
}

/** The validators a server sent for a URL last time: sent back as If-None-Match / If-Modified-Since. */
export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}
