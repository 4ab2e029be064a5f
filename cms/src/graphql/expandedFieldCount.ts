import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/**
 * How many fields a query selects once its fragments are spread out, counted
 * with each fragment's size remembered, so a query whose fragments double at
 * every level is measured in linear time. A fragment that spreads itself
 * counts as nothing here; graphql's own NoFragmentCycles rule refuses it.
 */
export function expandedFieldCount(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const fragmentSizes = new Map<string, number>()
  const inProgress = new Set<string>()
  const sizeOf = (selectionSet: SelectionSetNode | undefined): number => {
    let size = 0
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) size += 1 + sizeOf(selection.selectionSet)
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += sizeOf(selection.selectionSet)
      else {
        const name = selection.name.value
        if (!fragmentSizes.has(name) && !inProgress.has(name)) {
          inProgress.add(name)
          fragmentSizes.set(name, sizeOf(fragments.get(name)?.selectionSet))
          inProgress.delete(name)
        }
        size += fragmentSizes.get(name) ?? 0
      }
    }
    return size
  }
  let total = 0
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total += sizeOf(definition.selectionSet)
  }
  return total
}
