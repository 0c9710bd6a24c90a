import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { WaitBound, type ParsedWaitingTime } from "./parse-waiting-time.js";

registerEnumType(WaitBound, {
  name: "WaitBound",
  description: "What a waiting time's minutes mean.",
  valuesConfig: {
    EXACT: { description: 'The wait itself, e.g. "28 minutes", "3 hours".' },
    AT_MOST: { description: 'An upper bound, e.g. "less than 15 minutes".' },
    AT_LEAST: { description: 'A lower bound, e.g. "Over 4 hours".' },
    ABOUT: {
      description:
        'An approximation, e.g. "Around 1 hour", or the 2019 history\'s hours (a third party\'s midpoint estimate); also the bound of text that could not be read (minutes null).',
    },
  },
});

@ObjectType({ description: "A waiting time as the Hospital Authority published it, with the number of minutes it stands for." })
export class WaitingTime implements ParsedWaitingTime {
  @Field(() => String, { description: 'The value as published, e.g. "Over 4 hours" (the 2019 history gives a number of hours, e.g. "3.5").' })
  text!: string;

  @Field(() => Int, { nullable: true, description: "Minutes the text stands for, read with `bound`; null when the text could not be read." })
  minutes!: number | null;

  @Field(() => WaitBound, { description: "Whether `minutes` is the wait, an upper or lower bound, or an approximation." })
  bound!: WaitBound;
}

export { WaitBound };
