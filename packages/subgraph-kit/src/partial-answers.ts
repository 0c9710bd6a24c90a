/**
 * Options for a field a subgraph cannot answer for its parent: a root field of an agency or
 * records subgraph, or a field the gateway completes from another subgraph (a link to the
 * plan's Dataset, the records of a Dataset). Nullable, so that when that subgraph fails or
 * times out the gateway nulls only this field (with an error naming the subgraph) instead of
 * the null spreading up to the parent, or to the whole answer; the description says so.
 */
export function answeredBy(subgraph: string, description: string): { nullable: true; description: string } {
  return { nullable: true, description: `${description} ${nullWhenUnanswered(subgraph)}` };
}

/** The sentence such a field's description ends with. */
export function nullWhenUnanswered(subgraph: string): string {
  return `Null, with an error naming the subgraph, when the ${subgraph} subgraph cannot answer.`;
}
