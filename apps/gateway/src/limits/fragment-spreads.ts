import { Kind, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

export interface FragmentSpreads {
  /** Fragment spreads of the worst operation once every fragment is expanded (each spread of a spread counted). */
  readonly expanded: number;
  /** Deepest nesting of fragments in fragments (a spread in the operation is 1). */
  readonly depth: number;
}

interface FragmentMeasure {
  readonly expanded: number;
  readonly depth: number;
}

/**
 * Measures how far a document's fragments expand, without expanding them: each fragment is
 * measured once (memoised), so `fragment F20 { ...F19 ...F19 }` down to F0 costs 21 steps, not
 * 2^20. Cycles count as nothing here (validation refuses them).
 */
export function measureFragmentSpreads(document: DocumentNode): FragmentSpreads {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, FragmentMeasure>();
  const onPath = new Set<string>();

  const measureSelections = (selectionSet: SelectionSetNode): FragmentMeasure => {
    let expanded = 0;
    let depth = 0;
    visit(selectionSet, {
      FragmentSpread(spread) {
        const inner = measureFragment(spread.name.value);
        expanded += 1 + inner.expanded;
        depth = Math.max(depth, 1 + inner.depth);
      },
    });
    return { expanded, depth };
  };

  const measureFragment = (name: string): FragmentMeasure => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || onPath.has(name)) return { expanded: 0, depth: 0 };
    onPath.add(name);
    const measure = measureSelections(fragment.selectionSet);
    onPath.delete(name);
    measured.set(name, measure);
    return measure;
  };

  let worst: FragmentSpreads = { expanded: 0, depth: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const measure = measureSelections(definition.selectionSet);
    worst = { expanded: Math.max(worst.expanded, measure.expanded), depth: Math.max(worst.depth, measure.depth) };
  }
  return worst;
}
