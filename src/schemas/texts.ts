import { z } from 'zod';
import { nonEmptyText } from './common.ts';

/**
 * Wording a body may change without code: a page (`pages/<slug>.md`: Impressum, Datenschutz …)
 * and a file of named texts (`templates/letters/angebot.yaml`, `templates/report/…`). Both hold
 * placeholders like „{{org.name}}“ (templates/README.md); the bundled ones are neutral defaults.
 */

/** Front matter of a page. */
export const pageFrontMatterSchema = z.strictObject({
  title: nonEmptyText,
  /** The page's description for search engines and link previews. */
  description: nonEmptyText.optional(),
});

/** Names of texts: lower case with hyphens or underscores, as in the bundled files. */
const textName = /^[a-z][a-z0-9_-]*$/;

/** A file of named texts: `name: Text mit {{platzhalter}}`. */
export const phrasesSchema = z
  .record(z.string(), z.string({ error: 'muss ein Text sein (in Anführungszeichen, wenn er mit „{{“ beginnt)' }))
  .superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!textName.test(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `„${key}“ ist kein gültiger Name eines Textes`, params: { hint: 'Namen bestehen aus Kleinbuchstaben, Ziffern, „-“ und „_“, wie in der mitgelieferten Datei.' } });
      }
    }
  });
