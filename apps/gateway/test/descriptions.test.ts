import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ApolloGateway } from "@apollo/gateway";
import { isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Everything an analyst meets when exploring the graph says what it is: the schema the gateway
// serves (the committed supergraph's API schema) has a description on every type, field,
// argument, input field and enum value. Federation's own types are not ours to describe.

const FEDERATION_TYPES = /^(_Service|_Entity|_Any|link__.*|join__.*)$/;

/** Every place of a type that has no description, as "Type", "Type.field", "Type.field(argument)" or "Enum.VALUE". */
function undescribed(type: GraphQLNamedType): string[] {
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const argument of field.args) if (!argument.description) missing.push(`${type.name}.${field.name}(${argument.name})`);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("the schema the gateway serves", () => {
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(resolve(import.meta.dirname, "../supergraph.graphql"), "utf8") });
  let schema: GraphQLSchema;
  beforeAll(async () => {
    ({ schema } = await gateway.load());
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it("describes every type, field, argument, input field and enum value", () => {
    const ours = Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !FEDERATION_TYPES.test(type.name));
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.flatMap(undescribed)).toEqual([]);
  });
});
