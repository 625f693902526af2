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

/** The instance mark when site.yaml says `beispiel: true`: on every page, in every PDF footer and every letter. */
export const EXAMPLE_INSTANCE_TEXT = 'Beispielinhalte – nicht amtlich';

/**
 * The mark an example instance carries everywhere (site.yaml `beispiel`), or undefined for a real
 * instance: the one text every page, PDF and letter prints.
 */
export function instanceExampleMark(content: { site?: { beispiel?: true | string } | undefined }): string | undefined {
  const mark = content.site?.beispiel;
  if (mark === undefined) return undefined;
  return mark === true ? EXAMPLE_INSTANCE_TEXT : mark;
}
