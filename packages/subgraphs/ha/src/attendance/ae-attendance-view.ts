import { answeredBy, DatasetReference, pageOf, recordLinksResolver, type CountedConnection, type GraphContext } from "@hkhealth/subgraph-kit";
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { fileOrderConnectionType } from "../connection.js";
import { Hospital } from "../directory/hospital.js";
import { haLoaders, snapshotKey } from "../loaders.js";
import { SnapshotPageArgs } from "../view-args.js";
import { AeAttendance, startYearOf } from "./ae-attendance.js";

@ObjectType("AeAttendanceView", {
  description: "The Hospital Authority's Accident and Emergency attendances by hospital and financial year (ae-attnd-en.json), from its latest file.",
})
@Directive('@key(fields: "datasetId")')
export class AeAttendanceView {
  @Field(() => ID, { description: 'The dataset, "ha-day-community-services-volume".' })
  datasetId!: string;

  @Field(() => DatasetReference, answeredBy("plan", "The dataset of the plan this view types."))
  dataset(): DatasetReference {
    return { id: this.datasetId };
  }
}

export function aeAttendanceView(datasetId: string): AeAttendanceView {
  return Object.assign(new AeAttendanceView(), { datasetId });
}

export const AeAttendanceConnection = fileOrderConnectionType(AeAttendance, "AeAttendance", "A hospital's attendances in a year");

@ArgsType()
export class AeAttendanceArgs extends SnapshotPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this directory hospital, e.g. "queen-elizabeth-hospital".' })
  hospitalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this financial year, by the year it starts in: "2023-24", "2023/24" and "2023" are the same.' })
  financialYear?: string | null;
}

async function findAttendances(context: GraphContext, args: AeAttendanceArgs): Promise<CountedConnection<AeAttendance>> {
  const year = args.financialYear != null ? startYearOf(args.financialYear) : null;
  const list = await haLoaders(context).aeAttendances(snapshotKey(args.asOf));
  const items = list.items
    .filter((item) => args.hospitalId == null || item.hospitalId === args.hospitalId)
    .filter((item) => args.financialYear == null || (year !== null && item.startYear === year));
  return pageOf(items, "ae-attendance", args.first, args.after);
}

@Resolver(() => AeAttendanceView)
export class AeAttendanceViewResolver {
  @FieldResolver(() => AeAttendanceConnection, { description: "Attendances by hospital and year in the file in force, filtered, in the file's order (published in English only)." })
  attendances(@Root() _view: AeAttendanceView, @Args(() => AeAttendanceArgs) args: AeAttendanceArgs, @Ctx() context: GraphContext): Promise<CountedConnection<AeAttendance>> {
    return findAttendances(context, args);
  }

  @FieldResolver(() => [String], { description: "Hospital names of the file in force that could not be linked to a hospital of the latest facility directory (their rows have `hospital: null`)." })
  async unlinkedHospitalNames(@Root() _view: AeAttendanceView, @Ctx() context: GraphContext): Promise<string[]> {
    return [...(await haLoaders(context).aeAttendances(snapshotKey(null))).unlinked];
  }

  @Query(() => AeAttendanceConnection, answeredBy("hospital-authority", "Accident and Emergency attendances by hospital and financial year (the latest file), filtered."))
  aeAttendances(@Args(() => AeAttendanceArgs) args: AeAttendanceArgs, @Ctx() context: GraphContext): Promise<CountedConnection<AeAttendance>> {
    return findAttendances(context, args);
  }
}

@Resolver(() => AeAttendance)
export class AeAttendanceResolver {
  @FieldResolver(() => Hospital, { nullable: true, description: "The directory hospital the file's name was linked to; null when none could be (listed in `unlinkedHospitalNames`)." })
  hospital(@Root() attendance: AeAttendance, @Ctx() context: GraphContext): Promise<Hospital | null> | null {
    return attendance.hospitalId === null ? null : haLoaders(context).hospitalById.load(attendance.hospitalId);
  }
}

@Resolver(() => Hospital)
export class HospitalAttendanceResolver {
  @FieldResolver(() => [AeAttendance], { description: "Its Accident and Emergency attendances in each financial year of the attendance file in force, in the file's order; empty when the file does not list it." })
  async aeAttendances(@Root() hospital: Hospital, @Ctx() context: GraphContext): Promise<AeAttendance[]> {
    return [...((await haLoaders(context).aeAttendances(snapshotKey(null))).byFacilityId.get(hospital.id) ?? [])];
  }
}

export const aeAttendanceLinkResolvers = recordLinksResolver(AeAttendance);
