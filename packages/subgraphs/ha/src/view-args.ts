import { DateTimeScalar, PublishedLanguage } from "@hkhealth/plan";
import { MAX_PAGE_SIZE } from "@hkhealth/subgraph-kit";
import { ArgsType, Field, Int } from "type-graphql";
import { languageArg } from "./languages.js";

/** What every list of a file takes: the snapshot's time, a page. */
@ArgsType()
export class SnapshotPageArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: "The file in force at this time; the latest by default." })
  asOf?: Date | null;

  @Field(() => Int, { nullable: true, description: `Page size: 1 to ${MAX_PAGE_SIZE}, default 20.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the edge to start after." })
  after?: string | null;
}

/** A list of a file published per language: which language's file, too. */
@ArgsType()
export class LanguagePageArgs extends SnapshotPageArgs {
  @Field(() => PublishedLanguage, languageArg)
  lang?: PublishedLanguage | null;
}

/** Published text compared as a client means it: trimmed, spacing and case aside. */
export function sameText(a: string, b: string): boolean {
  const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
  return fold(a) === fold(b);
}
