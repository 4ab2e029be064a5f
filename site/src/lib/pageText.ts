/**
 * The words and data a custom element's page hands it, as JSON in a
 * `<script type="application/json">` inside the element: the build writes it
 * there so the Traditional copy converts the words with the page.
 */
export function readPageData<T>(element: Element): T {
  return JSON.parse(element.querySelector('script[type="application/json"]')?.textContent ?? '{}') as T
}

/** A label with `{name}` places filled in; a place without a value stays as written. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
