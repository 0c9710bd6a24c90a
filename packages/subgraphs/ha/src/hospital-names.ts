/**
 * HA spells the same hospital differently across its own files ("St. John Hospital" in the
 * facility directory, "St John Hospital" in the A&E feed). A name's key ignores what varies:
 * case, accents, punctuation, spacing, "&" for "and", "Saint"/"St."/"St", a leading "The".
 */
export function hospitalNameKey(name: string): string {
  return hospitalNameTokens(name).join(" ");
}

function hospitalNameTokens(name: string): string[] {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’`]/g, "") // "Children's" -> "childrens"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "")
    .map((word) => (word === "saint" ? "st" : word));
  return words[0] === "the" ? words.slice(1) : words;
}

/** A directory hospital as linking sees it: its id, its names in every language, whether it has A&E. */
export interface LinkableHospital {
  readonly id: string;
  readonly names: readonly string[];
  readonly withAeService: boolean;
}

export interface NameLinks {
  /** Feed name -> hospital id. */
  readonly byName: ReadonlyMap<string, string>;
  /** Feed names no hospital could be found for, in the order given. */
  readonly unlinked: readonly string[];
}

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  for (const word of small) if (!large.has(word)) return false;
  return true;
}

/**
 * Links each feed name to a directory hospital: the one whose name has the same key; else the
 * only one whose words contain the feed's, or are contained in them (an extra word on either
 * side: "Queen Mary" / "Queen Mary Hospital (QMH)"), looking first among hospitals with an A&E
 * service, which are the ones a waiting time can be about. A name matching none, or several
 * equally, is reported as unlinked rather than guessed.
 */
export function linkHospitalNames(feedNames: Iterable<string>, hospitals: readonly LinkableHospital[]): NameLinks {
  const byKey = new Map<string, Set<string>>();
  const wordSets = hospitals.map((hospital) => ({
    hospital,
    words: hospital.names.map((name) => new Set(hospitalNameTokens(name))).filter((words) => words.size > 0),
  }));
  for (const hospital of hospitals) {
    for (const name of hospital.names) {
      const key = hospitalNameKey(name);
      if (key !== "") byKey.set(key, (byKey.get(key) ?? new Set()).add(hospital.id));
    }
  }
  const byName = new Map<string, string>();
  const unlinked: string[] = [];
  for (const feedName of new Set(feedNames)) {
    const id = exactMatch(byKey.get(hospitalNameKey(feedName))) ?? wordMatch(new Set(hospitalNameTokens(feedName)), wordSets);
    if (id === undefined) unlinked.push(feedName);
    else byName.set(feedName, id);
  }
  return { byName, unlinked };
}

function exactMatch(ids: ReadonlySet<string> | undefined): string | undefined {
  return ids?.size === 1 ? [...ids][0] : undefined;
}

function wordMatch(
  feedWords: ReadonlySet<string>,
  candidates: ReadonlyArray<{ hospital: LinkableHospital; words: ReadonlyArray<ReadonlySet<string>> }>,
): string | undefined {
  if (feedWords.size === 0) return undefined;
  const overlapping = candidates.filter(({ words }) => words.some((name) => isSubset(feedWords, name) || isSubset(name, feedWords)));
  for (const pool of [overlapping.filter(({ hospital }) => hospital.withAeService), overlapping]) {
    if (pool.length === 1) return pool[0]?.hospital.id;
    if (pool.length > 1) return undefined;
  }
  return undefined;
}
