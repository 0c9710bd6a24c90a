import { GraphQLJSON, GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "./connection.js";
import { DateTimeScalar } from "./scalars.js";

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Order of a sort: ascending or descending.",
  valuesConfig: {
    ASC: { description: "Smallest first, as the field's type compares: lower numbers, earlier dates and instants, false before true, text in the database's text order; records without the value come last." },
    DESC: { description: "Largest first, as the field's type compares: higher numbers, later dates and instants, true before false, text in reverse order; records without the value still come last." },
  },
});

export enum FieldType {
  STRING = "STRING",
  NUMBER = "NUMBER",
  BOOLEAN = "BOOLEAN",
  DATE = "DATE",
  DATETIME = "DATETIME",
}
registerEnumType(FieldType, {
  name: "FieldType",
  description: "The type every value of a record field agrees on; filters and sorts compare by it.",
  valuesConfig: {
    STRING: { description: "Text (also any field whose values disagree)." },
    NUMBER: { description: "Numbers: compared as numbers." },
    BOOLEAN: { description: "true or false." },
    DATE: { description: 'Calendar dates, stored "YYYY-MM-DD" (files\' dd/mm/yyyy is converted).' },
    DATETIME: { description: "Instants, stored ISO 8601 with +08:00 (times without a zone are Hong Kong time)." },
  },
});

@ObjectType({ description: "A field seen in a dataset's records." })
export class RecordField {
  @Field(() => String, { description: "Field name as the published file gives it (nested JSON/XML keys joined with dots)." })
  name!: string;

  @Field(() => FieldType, { description: "The type its values agree on." })
  type!: FieldType;

  @Field(() => Int, { description: "Order in which the field first appeared." })
  position!: number;
}

@ObjectType({ description: "Where a record came from." })
export class RecordSource {
  @Field(() => String, { description: "Path or URL of the file." })
  location!: string;

  @Field(() => String, { description: "SHA-256 of the file's bytes, hex." })
  sha256!: string;

  @Field(() => DateTimeScalar, { description: "When the file was fetched or read." })
  fetchedAt!: Date;

  @Field(() => String, { description: "Format the file was read as: JSON, XLSX, CSV or XML." })
  format!: string;

  @Field(() => String, { description: "Snapshot series of the file (its name, or the dataset id)." })
  resource!: string;
}

// "Record" in the graph; named DataRecord here so it does not shadow TypeScript's Record.
@ObjectType("Record", { description: "One row of a dataset's published files, values normalised." })
export class DataRecord {
  @Field(() => ID, { description: "Stable id of the record." })
  id!: string;

  @Field(() => DateTimeScalar, { description: "When the data describes (the file's own time where it says)." })
  observedAt!: Date;

  @Field(() => GraphQLJSONObject, { description: "The record's fields: numbers as numbers, dates ISO, instants with +08:00." })
  fields!: Record<string, unknown>;

  ingestionId!: number;
}

@ObjectType({ description: "A record and its position in the list." })
export class RecordEdge {
  @Field(() => String, { description: "Opaque position; pass it as `after`." })
  cursor!: string;

  @Field(() => DataRecord, { description: "The record." })
  node!: DataRecord;
}

@ObjectType({ description: "A page of records." })
export class RecordConnection {
  @Field(() => [RecordEdge], { description: "The records of this page." })
  edges!: RecordEdge[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;

  /** Counted only when asked for. */
  countTotal!: () => Promise<number>;
}

@InputType({
  description:
    "A condition on one field; every operator given must hold. `gt`, `gte`, `lt` and `lte` compare by the field's type (numbers, days, " +
    'instants). On a STRING field, a number (or text that is one, "90") compares numerically with the values that are numbers and never ' +
    'matches the text values ("<1", "Pending": find those with `eq`, `in` or `contains`); any other value compares as text.',
})
export class FieldFilterInput {
  @Field(() => String, { description: "Field name (see `Dataset.fields`)." })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "Equal to (null matches missing or null values)." })
  eq?: unknown;

  @Field(() => [GraphQLJSON], { nullable: true, description: "Equal to one of these (at most 1000)." })
  in?: unknown[];

  @Field(() => GraphQLJSON, { nullable: true, description: "Greater than." })
  gt?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "Greater than or equal to." })
  gte?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "Less than." })
  lt?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "Less than or equal to." })
  lte?: unknown;

  @Field(() => String, { nullable: true, description: "Contains this text, ignoring case." })
  contains?: string;
}

export enum TimePart {
  HOUR_OF_DAY = "HOUR_OF_DAY",
  DAY_OF_WEEK = "DAY_OF_WEEK",
}
registerEnumType(TimePart, {
  name: "TimePart",
  description: "A part of a date or instant, in Hong Kong time.",
  valuesConfig: {
    HOUR_OF_DAY: { description: "The hour, 0 to 23 (a DATETIME field)." },
    DAY_OF_WEEK: { description: "The day of the week, 1 (Monday) to 7 (Sunday) (a DATE or DATETIME field)." },
  },
});

@InputType({ description: 'Groups records by a part of a field\'s time as well: the key holds it as "<field>.hourOfDay" or "<field>.dayOfWeek".' })
export class TimeGroupingInput {
  @Field(() => String, { description: "A DATETIME field (or a DATE one, for DAY_OF_WEEK)." })
  field!: string;

  @Field(() => TimePart, { description: "Which part of its time." })
  part!: TimePart;
}

@InputType({ description: "A sort key." })
export class FieldOrderInput {
  @Field(() => String, { description: "Field name (see `Dataset.fields`)." })
  field!: string;

  @Field(() => SortDirection, { description: "ASC or DESC; missing values sort last either way." })
  direction!: SortDirection;
}

@ObjectType({ description: "Records sharing the values of the `groupBy` fields, with their count and aggregates." })
export class RecordGroup {
  @Field(() => GraphQLJSONObject, { description: "The group's value of each `groupBy` field." })
  key!: Record<string, unknown>;

  @Field(() => Int, { description: "Number of records in the group." })
  count!: number;

  /** Aggregates computed in the same statement, by "fn:field". */
  values!: ReadonlyMap<string, unknown>;
}
