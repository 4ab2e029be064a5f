type Id = string | number

/** The id of a relationship value, populated or not. */
export function relationId(value: unknown): Id | undefined {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}
