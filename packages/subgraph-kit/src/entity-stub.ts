import { Directive, Field, ObjectType } from "type-graphql";

/**
 * The key-only stand-in of an entity another subgraph owns, for a subgraph that returns it
 * (as a union member, say) but knows nothing of it but its key: the gateway fetches the rest
 * from the owner through `_entities`.
 */
/** A class type-graphql can list as a union member. */
export type EntityStubClass = new () => object;

export function entityStub(typeName: string, keyField: string, keyType: () => unknown, description: string): EntityStubClass {
  @ObjectType(typeName, { description })
  @Directive(`@key(fields: "${keyField}", resolvable: false)`)
  class EntityStub {}
  Field(keyType as () => never, { description: "Key of the entity." })(EntityStub.prototype, keyField);
  return EntityStub;
}
