/** What the site shows for content marked `beispiel` (example data, not from the council documents). */
export interface ExampleMarkView {
  label: 'Beispieldaten';
  /** What about the entry is invented, when the content says so. */
  note?: string;
}

export const EXAMPLE_LABEL = 'Beispieldaten';

/** The marker for a `beispiel` field, or undefined for content from the council documents. */
export function exampleMarkOf(mark: true | string | undefined): ExampleMarkView | undefined {
  if (mark === undefined) return undefined;
  return mark === true ? { label: EXAMPLE_LABEL } : { label: EXAMPLE_LABEL, note: mark };
}

/** The mark as one line of text, for PDFs and letters: „Beispieldaten“ or „Beispieldaten: <note>“. */
export function exampleMarkText(mark: ExampleMarkView): string {
  return mark.note ? `${mark.label}: ${mark.note}` : mark.label;
}
