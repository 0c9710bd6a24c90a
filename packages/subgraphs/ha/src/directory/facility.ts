import { Language } from "@hkhealth/plan";
import { answeredBy, DatasetReference, ReleaseReference, type GraphContext } from "@hkhealth/subgraph-kit";
import { Arg, Ctx, Field, Float, ID, ObjectType } from "type-graphql";
import { FACILITY_DIRECTORY_DATASET } from "../datasets.js";
import { hospitalNameKey } from "../hospital-names.js";
import { textField, type RecordRow } from "../record-row.js";
import { releaseOfIngestion } from "@hkhealth/subgraph-kit";

/** A text in the languages HA publishes its directory in. */
export interface DirectoryText {
  readonly en: string;
  readonly zhHant: string;
}

const languageArg = { nullable: true, defaultValue: Language.EN, description: "Language of the text." } as const;

function inLanguage(text: DirectoryText, lang: Language | null): string {
  return lang === Language.ZH_HANT ? text.zhHant : text.en;
}

/**
 * A stable id from the English name ("St. John Hospital" -> "st-john-hospital"): the directory
 * has no codes, and a name key survives HA's reformatting of its files.
 */
export function facilityId(nameEn: string): string {
  return hospitalNameKey(nameEn).replaceAll(" ", "-");
}

/** What hospitals and clinics share: names, cluster, address and place, from one directory record. */
@ObjectType({ description: "A facility of the Hospital Authority's directory." })
export abstract class Facility {
  @Field(() => ID, { description: 'Stable id made from the English name, e.g. "queen-elizabeth-hospital"; a clinic id is prefixed with its kind, "gopc:...".' })
  id!: string;

  names!: DirectoryText;
  /** Its names in every language the directory gives, for linking other files' names to it. */
  allNames!: string[];
  clusters!: DirectoryText;
  addresses!: DirectoryText;

  @Field(() => Float, { description: "Latitude (WGS 84), as published." })
  latitude!: number;

  @Field(() => Float, { description: "Longitude (WGS 84), as published." })
  longitude!: number;

  /** The ingestion (file) the record came from: its release. */
  ingestionId!: number;

  @Field(() => String, { description: "Name of the facility (institution_eng / institution_tc)." })
  name(@Arg("lang", () => Language, languageArg) lang: Language | null): string {
    return inLanguage(this.names, lang);
  }

  @Field(() => String, { description: 'Name of its hospital cluster, e.g. "Kowloon Central Cluster" / "九龍中醫院聯網".' })
  cluster(@Arg("lang", () => Language, languageArg) lang: Language | null): string {
    return inLanguage(this.clusters, lang);
  }

  @Field(() => String, { description: "Postal address (address_eng / address_tc)." })
  address(@Arg("lang", () => Language, languageArg) lang: Language | null): string {
    return inLanguage(this.addresses, lang);
  }

  @Field(() => DatasetReference, answeredBy("plan", "The dataset the facility comes from (the facility directory)."))
  dataset(): DatasetReference {
    return { id: FACILITY_DIRECTORY_DATASET };
  }

  @Field(() => ReleaseReference, answeredBy("plan", "The plan release of the directory file the facility was read from, if known."))
  release(@Ctx() context: GraphContext): Promise<ReleaseReference | null> {
    return releaseOfIngestion(context, this.ingestionId);
  }
}

function directoryText(fields: RecordRow["fields"], stem: string): DirectoryText {
  const en = textField(fields, `${stem}_eng`) ?? "";
  // A facility without a Chinese text still answers, in English.
  return { en, zhHant: textField(fields, `${stem}_tc`) ?? en };
}

const nameFields = ["institution_eng", "institution_tc", "institution_sc"];

/** The parts of a facility every directory file has; the SQL keeps only records with a name and coordinates. */
export function facilityFields(row: RecordRow): Omit<Facility, "name" | "cluster" | "address" | "dataset" | "release"> {
  const names = directoryText(row.fields, "institution");
  return {
    id: facilityId(names.en),
    names,
    allNames: nameFields.map((field) => textField(row.fields, field)).filter((name): name is string => name !== null),
    clusters: directoryText(row.fields, "cluster"),
    addresses: directoryText(row.fields, "address"),
    latitude: Number(row.fields["latitude"]),
    longitude: Number(row.fields["longitude"]),
    ingestionId: row.ingestionId,
  };
}
