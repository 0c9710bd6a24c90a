import { graphql } from "../generated/index.js";

/** Datasets of the catalogue, a page at a time, optionally searched. */
export const DatasetListQuery = graphql(`
  query DatasetList($first: Int, $after: String, $search: String, $lang: Language!) {
    datasets(first: $first, after: $after, filter: { search: $search }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          title(lang: $lang)
          agency { code }
          fields { name }
        }
      }
    }
  }
`);

/** One dataset's fields and a page of its records, filtered and sorted. */
export const DatasetRecordsQuery = graphql(`
  query DatasetRecords($id: ID!, $lang: Language!, $first: Int, $after: String, $orderBy: [FieldOrderInput!], $filter: [FieldFilterInput!]) {
    dataset(id: $id) {
      id
      title(lang: $lang)
      fields { name type position }
      records(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node { id observedAt fields }
        }
      }
    }
  }
`);

/** One dataset's records grouped by some fields, with count, sum, avg, min and max of one field. */
export const DatasetAggregateQuery = graphql(`
  query DatasetAggregate($id: ID!, $groupBy: [String!]!, $field: String!, $filter: [FieldFilterInput!]) {
    dataset(id: $id) {
      id
      recordAggregate(groupBy: $groupBy, filter: $filter) {
        key
        count
        sum(field: $field)
        avg(field: $field)
        min(field: $field)
        max(field: $field)
      }
    }
  }
`);
