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

// What HA's other files abbreviate ("Tung Wah Hospital GOPC", "Kwong Wah Hospital GOPD"): linking
// reads both spellings as one. Ids keep hospitalNameKey, so these never change an id.
const abbreviations: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bout patient\b/g, "outpatient"],
  [/\bgopc\b/g, "general outpatient clinic"],
  [/\bgopd\b/g, "general outpatient department"],
  [/\bsopc\b/g, "specialist outpatient clinic"],
];

/** A name's words as linking compares them: hospitalNameKey's, with abbreviations spelt out. */
function matchTokens(name: string): string[] {
  let words = hospitalNameTokens(name).join(" ");
  for (const [pattern, spelt] of abbreviations) words = words.replace(pattern, spelt);
  return words.split(" ").filter((word) => word !== "");
}

const han = /\p{Script=Han}/u;

/** Chinese names have no spaces, so no words: one contains the other when it runs inside it ("瑪嘉烈" in "瑪嘉烈醫院"). */
function chineseContains(a: string, b: string): boolean {
  return han.test(a) && han.test(b) && (a.includes(b) || b.includes(a));
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
    words: hospital.names.map((name) => new Set(matchTokens(name))).filter((words) => words.size > 0),
  }));
  for (const hospital of hospitals) {
    for (const name of hospital.names) {
      const key = matchTokens(name).join(" ");
      if (key !== "") byKey.set(key, (byKey.get(key) ?? new Set()).add(hospital.id));
    }
  }
  const byName = new Map<string, string>();
  const unlinked: string[] = [];
  for (const feedName of new Set(feedNames)) {
    const tokens = matchTokens(feedName);
    const id = exactMatch(byKey.get(tokens.join(" "))) ?? wordMatch(new Set(tokens), wordSets);
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
  const feedText = [...feedWords].join("");
  const overlapping = candidates.filter(({ words }) =>
    words.some((name) => isSubset(feedWords, name) || isSubset(name, feedWords) || chineseContains(feedText, [...name].join(""))),
  );
  for (const pool of [overlapping.filter(({ hospital }) => hospital.withAeService), overlapping]) {
    if (pool.length === 1) return pool[0]?.hospital.id;
    if (pool.length > 1) return undefined;
  }
  return undefined;
}
