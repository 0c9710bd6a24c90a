import { DateTimeScalar } from "@hkhealth/plan";
import { answeredBy, DatasetReference, ReleaseReference, type GraphContext } from "@hkhealth/subgraph-kit";
import { Ctx, Field, ObjectType } from "type-graphql";
import { AED_WAITING_TIME_DATASET } from "../datasets.js";
import { textField, type RecordRow } from "../record-row.js";
import { releaseOfIngestion } from "@hkhealth/subgraph-kit";
import { waitingTimeOfValue } from "../waiting-time/parse-waiting-time.js";
import { WaitingTime } from "../waiting-time/waiting-time.js";

/** "Y"/"N" as the v2 feed writes whether a triage category is being managed; null when absent or unreadable. */
function yesNo(value: unknown): boolean | null {
  const text = typeof value === "string" ? value.trim().toUpperCase() : value;
  if (text === "Y" || text === "YES" || text === true) return true;
  if (text === "N" || text === "NO" || text === false) return false;
  return null;
}

@ObjectType("AedWaitingTime", {
  description:
    "One hospital's Accident and Emergency waiting times in one snapshot of HA's feed. The current feed (v2) gives each triage " +
    "category; the older one (v1) and its 2019 history give only `topWait`. Fields a snapshot's format lacks are null.",
})
export class AedWaitingTime {
  /** The linked directory hospital's id; null when the feed's name could not be linked. */
  hospitalId!: string | null;
  fields!: RecordRow["fields"];
  ingestionId!: number;
  recordId!: string;

  @Field(() => DateTimeScalar, { description: "When HA's feed says the waiting times were measured (its updateTime)." })
  observedAt!: Date;

  @Field(() => String, { description: "The hospital's name as the feed spells it (hospName)." })
  hospitalName!: string;

  private waitingTime(field: string): WaitingTime | null {
    return waitingTimeOfValue(this.fields[field]);
  }

  @Field(() => WaitingTime, { nullable: true, description: "Triage I (critical) waiting time (t1wt, v2 feed)." })
  triage1(): WaitingTime | null {
    return this.waitingTime("t1wt");
  }

  @Field(() => WaitingTime, { nullable: true, description: "Triage II (emergency) waiting time (t2wt, v2 feed)." })
  triage2(): WaitingTime | null {
    return this.waitingTime("t2wt");
  }

  @Field(() => WaitingTime, { nullable: true, description: "Triage III (urgent) median waiting time (t3p50, v2 feed)." })
  triage3Median(): WaitingTime | null {
    return this.waitingTime("t3p50");
  }

  @Field(() => WaitingTime, { nullable: true, description: "Triage III (urgent) 95th percentile waiting time (t3p95, v2 feed)." })
  triage3P95(): WaitingTime | null {
    return this.waitingTime("t3p95");
  }

  @Field(() => WaitingTime, { nullable: true, description: "Triage IV and V (semi-urgent and non-urgent) median waiting time (t45p50, v2 feed)." })
  triage45Median(): WaitingTime | null {
    return this.waitingTime("t45p50");
  }

  @Field(() => WaitingTime, { nullable: true, description: "Triage IV and V 95th percentile waiting time (t45p95, v2 feed)." })
  triage45P95(): WaitingTime | null {
    return this.waitingTime("t45p95");
  }

  @Field(() => WaitingTime, {
    nullable: true,
    description:
      'Longest waiting time (topWait) of the v1 feed ("Over 2 hours", "Around 1 hour") and of its 2019 history, whose numbers of hours were derived from that text by a third party (bound ABOUT).',
  })
  topWait(): WaitingTime | null {
    return this.waitingTime("topWait");
  }

  @Field(() => Boolean, { nullable: true, description: "Whether the A&E department is managing triage I cases now (manageT1case, v2 feed)." })
  managingTriage1(): boolean | null {
    return yesNo(this.fields["manageT1case"]);
  }

  @Field(() => Boolean, { nullable: true, description: "Whether the A&E department is managing triage II cases now (manageT2case, v2 feed)." })
  managingTriage2(): boolean | null {
    return yesNo(this.fields["manageT2case"]);
  }

  @Field(() => DatasetReference, answeredBy("plan", "The dataset the waiting time comes from."))
  dataset(): DatasetReference {
    return { id: AED_WAITING_TIME_DATASET };
  }

  @Field(() => ReleaseReference, answeredBy("plan", "The plan release of the file the waiting time was read from, if known."))
  release(@Ctx() context: GraphContext): Promise<ReleaseReference | null> {
    return releaseOfIngestion(context, this.ingestionId);
  }
}

/** A record of the A&E feed, linked (or not) to a directory hospital. */
export function aedWaitingTimeOf(row: RecordRow, hospitalId: string | null): AedWaitingTime {
  return Object.assign(new AedWaitingTime(), {
    hospitalId,
    fields: row.fields,
    ingestionId: row.ingestionId,
    recordId: row.recordId,
    observedAt: row.observedAt,
    hospitalName: textField(row.fields, "hospName") ?? "",
  });
}
