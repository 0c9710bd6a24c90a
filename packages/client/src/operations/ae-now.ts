import { graphql } from "../generated/index.js";

/** Every A&E hospital's current waits in the latest feed, with the hospital's place and names. */
export const AeNowQuery = graphql(`
  query AeNow($feedLang: DistributionLanguage!, $lang: Language!) {
    dataset(id: "ha-aed-waiting-time") {
      id
      title(lang: $lang)
      freshness {
        lastCheckedAt
        lastChangedAt
      }
      view {
        ... on AedWaitingTimeView {
          latest(lang: $feedLang) {
            observedAt
            hospitalName
            triage3Median { text minutes bound }
            triage3P95 { text minutes bound }
            triage45Median { text minutes bound }
            triage45P95 { text minutes bound }
            topWait { text minutes bound }
            managingTriage1
            managingTriage2
            hospital {
              id
              name(lang: $lang)
              cluster(lang: $lang)
              latitude
              longitude
            }
          }
        }
      }
    }
  }
`);

/** One hospital's waits over a window, oldest first, a page at a time (up to 1000). */
export const AeHistoryQuery = graphql(`
  query AeHistory($hospitalId: ID!, $feedLang: DistributionLanguage!, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
    dataset(id: "ha-aed-waiting-time") {
      id
      view {
        ... on AedWaitingTimeView {
          history(hospitalId: $hospitalId, lang: $feedLang, from: $from, to: $to, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges {
              node {
                observedAt
                triage3Median { minutes }
                triage45Median { minutes }
                topWait { minutes }
              }
            }
          }
        }
      }
    }
  }
`);
