import type { Diagnostic } from '../../lib/diagnostics.ts';
import { organisationOf } from '../../lib/organisation/profile.ts';
import { compileTemplate, TemplateError } from '../../lib/pdf/template.ts';
import { renderPageParts } from '../../lib/texts/pages.ts';
import { at, listGerman, type Rule } from '../rule.ts';

/** First path segments the site uses itself: a page or the council may not take them. */
const SITE_PATHS = ['vereinbarung', 'toms', 'dsfa', 'pruefen', 'beschlusskontrolle', 'suche', 'daten', 'pdf', 'pagefind', '_astro', 'feed.xml', 'sitemap.xml', '404'];

/**
 * The body's own texts and pages can be used: a content file of named texts only changes texts the
 * bundled file has, every text and page is a well-formed template, a page fills in with the
 * organisation's data, and no page or council takes an address the site uses.
 */
export const texts: Rule = {
  id: 'vorlagen',
  description: 'Eigene Texte (templates/…) und Seiten (pages/…) passen zu den mitgelieferten Vorlagen: bekannte Namen, gültige Platzhalter, freie Adressen.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const file of content.phrases) {
      const bundled = content.phrases.find((p) => p.name === file.name && p.origin === 'bundled');
      for (const [key, text] of Object.entries(file.phrases)) {
        if (file.origin === 'content' && bundled && !(key in bundled.phrases)) {
          out.push(
            at(content, this.id, file.source, [key], `Einen Text „${key}“ hat templates/${file.name} nicht; er würde nie verwendet.`, `Prüfen Sie den Namen. Die Datei kennt: ${listGerman(Object.keys(bundled.phrases), 'keine')}.`),
          );
          continue;
        }
        try {
          compileTemplate(file.source.file, text, { label: 'Textvorlage', firstLine: file.lines[key] ?? 1, escape: (t) => t });
        } catch (error) {
          if (!(error instanceof TemplateError)) throw error;
          out.push({ file: file.source.file, line: error.line, field: key, message: `Der Text „${key}“ ist keine gültige Vorlage: ${error.problem}`, hint: 'Die Platzhalter und Abschnitte beschreibt templates/README.md.', rule: this.id, severity: 'error' });
        }
      }
    }
    for (const page of content.pages) {
      try {
        renderPageParts(content, page);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        out.push({ file: page.source.file, line: error.line, message: `Die Seite lässt sich nicht füllen: ${error.problem}`, hint: 'Die Platzhalter einer Seite (org.…, site.…) beschreibt templates/README.md.', rule: this.id, severity: 'error' });
      }
      if (SITE_PATHS.includes(page.slug)) {
        out.push({ file: page.source.file, message: `Die Adresse /${page.slug}/ gehört der Website selbst.`, hint: 'Benennen Sie die Datei um.', rule: this.id, severity: 'error' });
      }
    }
    if (content.organisation) {
      const slug = organisationOf(content).council.slug;
      const page = content.pages.find((p) => p.slug === slug);
      const taken = SITE_PATHS.includes(slug) ? 'der Website selbst' : page ? `der Seite „${page.title}“` : undefined;
      if (taken) {
        out.push(at(content, this.id, content.organisation.source, ['council', 'slug'], `Die Adresse /${slug}/ der Ratsseite gehört ${taken}.`, 'Wählen Sie in organisation.yaml eine andere „council.slug“.'));
      }
    }
    return out;
  },
};
