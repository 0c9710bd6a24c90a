import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  buildASTSchema,
  getNamedType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
} from "graphql";
import { describe, expect, it } from "vitest";

// The rule that lets a slow or failing subgraph cost only its own part of an answer: a null
// stops where it is nullable, so every field a subgraph other than its parent's answers (and
// every root field of a subgraph other than the plan's) is nullable, and says so.

const sdl = readFileSync(resolve(import.meta.dirname, "../supergraph.graphql"), "utf8");
const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
const CANNOT_ANSWER = /Null, with an error naming the subgraph, when the [^.]+ subgraph cannot answer\./;

function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, name: "join__field" | "join__type"): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === name)
    .flatMap((directive) => directive.arguments?.filter((argument) => argument.name.value === "graph") ?? [])
    .map((argument) => (argument.value.kind === "EnumValue" ? argument.value.value : ""));
}

/** The subgraphs that resolve a field (those of its type when it names none). */
function fieldGraphs(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string[] {
  const own = graphsOf(field.astNode?.directives, "join__field");
  return own.length > 0 ? own : graphsOf(type.astNode?.directives, "join__type");
}

const objectTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__") && !type.name.startsWith("join__") && !type.name.startsWith("link__"),
);

/** The non-null fields of `field`'s type (of each member, for a union) that `graph` does not resolve. */
function nonNullFieldsFromElsewhere(field: GraphQLField<unknown, unknown>, graph: string): string[] {
  const named = getNamedType(field.type);
  const members = isUnionType(named) ? named.getTypes() : isObjectType(named) ? [named] : [];
  return members.flatMap((member) =>
    Object.values(member.getFields())
      .filter((inner) => isNonNullType(inner.type) && !fieldGraphs(member, inner).includes(graph))
      .map((inner) => `${member.name}.${inner.name}`),
  );
}

interface Crossing {
  readonly field: string;
  readonly nullable: boolean;
  readonly description: string;
  readonly reason: string;
}

/** Every field where a failure of another subgraph than its own would make it null. */
function crossings(): Crossing[] {
  const found: Crossing[] = [];
  for (const type of objectTypes) {
    for (const field of Object.values(type.getFields())) {
      const graphs = fieldGraphs(type, field);
      const nullable = !isNonNullType(field.type);
      const description = field.description ?? "";
      if (type.name === "Query" && !graphs.includes("PLAN")) {
        found.push({ field: `Query.${field.name}`, nullable, description, reason: `a root field of ${graphs.join(", ")}` });
      }
      for (const graph of graphs) {
        const elsewhere = nonNullFieldsFromElsewhere(field, graph);
        if (elsewhere.length > 0) found.push({ field: `${type.name}.${field.name}`, nullable, description, reason: `${elsewhere.join(", ")} not in ${graph}` });
      }
      // A nullable field that stops the null of a non-null link from another subgraph (Dataset.records under Release.dataset).
      const reachedFrom = nonNullLinksTo(type).filter((link) => !graphs.includes(link.graph));
      if (nullable && reachedFrom.length > 0) {
        found.push({ field: `${type.name}.${field.name}`, nullable, description, reason: `under ${reachedFrom.map((link) => link.field).join(", ")}` });
      }
    }
  }
  return found;
}

/** The non-null fields, in any subgraph, whose type is `target` (or a union with it). */
function nonNullLinksTo(target: GraphQLObjectType): Array<{ field: string; graph: string }> {
  return objectTypes.flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => {
        const named = getNamedType(field.type);
        return isNonNullType(field.type) && (named === target || (isUnionType(named) && named.getTypes().includes(target)));
      })
      .flatMap((field) => fieldGraphs(type, field).map((graph) => ({ field: `${type.name}.${field.name}`, graph }))),
  );
}

describe("partial answers: a subgraph that cannot answer nulls only its own fields", () => {
  const found = crossings();

  it("finds the fields the rule is about", () => {
    const fields = found.map((crossing) => crossing.field);
    for (const field of ["Query.hospitals", "Query.hospitalAuthority", "Agency.profile", "Dataset.view", "Hospital.dataset", "HospitalAuthorityProfile.agency"]) {
      expect(fields).toContain(field);
    }
  });

  it("makes each of them nullable", () => {
    expect(found.filter((crossing) => !crossing.nullable).map((crossing) => `${crossing.field} (${crossing.reason})`)).toEqual([]);
  });

  it("says so in each one's description", () => {
    expect(found.filter((crossing) => !CANNOT_ANSWER.test(crossing.description)).map((crossing) => crossing.field)).toEqual([]);
  });

  it("keeps the records subgraph's fields on Dataset nullable", () => {
    const dataset = schema.getType("Dataset") as GraphQLObjectType;
    for (const name of ["records", "recordAggregate", "fields"]) {
      const field = dataset.getFields()[name]!;
      expect(isNonNullType(field.type), name).toBe(false);
      expect(field.description, name).toMatch(CANNOT_ANSWER);
    }
  });
});
