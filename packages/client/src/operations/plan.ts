import { graphql } from "../generated/index.js";

/** The plan's releases by agency, each with its status as of a date. */
export const PlanProgressQuery = graphql(`
  query PlanProgress($asOf: Date, $lang: Language!) {
    agencies {
      code
      name(lang: $lang)
      datasets {
        id
        title(lang: $lang)
        releases {
          id
          planRow
          month
          releasedMonth
          formats
          status(asOf: $asOf)
          description(lang: $lang)
        }
      }
    }
  }
`);
