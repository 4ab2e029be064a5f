/** A child for `h`: an element, text (always inserted as a Text node) or nothing. */
export type Child = Node | string | null | undefined | false

/**
 * Creates an element. Attribute names are written in the widget code, never
 * taken from data; text goes in as Text nodes. There is deliberately no way
 * to pass HTML: nothing a feed says can become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const name in attributes) {
    const value = attributes[name]
    if (value !== undefined) element.setAttribute(name, value)
  }
  for (const child of children) if (child) element.append(child)
  return element
}

/** A heading of the given level (2–6), for the host page's outline. */
export function heading(level: number, attributes: Record<string, string | undefined>, ...children: Child[]): HTMLElement {
  return h(`h${Math.min(6, Math.max(2, level)) as 2 | 3 | 4 | 5 | 6}`, attributes, ...children)
}
