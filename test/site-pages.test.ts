import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { buildProsePageView, prosePageRoutes } from '../src/lib/site/legal.ts';
import { renderPageParts } from '../src/lib/texts/pages.ts';
import { TemplateError } from '../src/lib/pdf/template.ts';
import { applyEdits, parseTree, validFixture, type FileEdit } from './support/content-variants.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

const htmlOf = (content: Content, slug: string) =>
  buildProsePageView(content, slug)
    .parts.map((p) => (p.type === 'html' ? p.html : `[${p.block}]`))
    .join('\n');

const withFiles = (edits: FileEdit[]) => parseTree(applyEdits(validFixture(), edits)).content;

describe('pages: the content’s own pages/<slug>.md, else the neutral default from templates/pages/', () => {
  it('builds the four legal pages from the bundled defaults with the organisation’s facts', async () => {
    const content = await loadSiteFixture();
    expect(prosePageRoutes(content)).toEqual(['barrierefreiheit', 'datenschutz', 'impressum', 'leichte-sprache']);
    expect(content.pages.every((p) => p.origin === 'bundled')).toBe(true);
    const imprint = buildProsePageView(content, 'impressum');
    expect(imprint.frontmatter).toEqual({ title: 'Impressum', description: 'Anbieterkennzeichnung nach § 5 Digitale-Dienste-Gesetz', path: '/impressum/' });
    const html = htmlOf(content, 'impressum');
    expect(html).toContain('<h2 id="anbieter">Anbieter</h2>');
    expect(html).toContain('<p>Diese Website wird herausgegeben von der Landeshauptstadt Musterstadt, vertreten durch den Oberbürgermeister.</p>');
    expect(html).toContain('<p>E-Mail: <a href="mailto:test@musterstadt.example">test@musterstadt.example</a></p>');
    expect(html).toContain('die Vorlagen und Beschlüsse des Stadtrates dazu');
    expect(html).toContain('[herkunft]');
    expect(html).toContain('<h2 id="haftung-für-links">Haftung für Links</h2>');
    // The fixture names no state: the privacy page says where to complain without naming an authority.
    expect(htmlOf(content, 'datenschutz')).toContain('bei der zuständigen Aufsichtsbehörde beschweren.</p>');
  });

  it('takes the content’s own page, and sets a name with Markdown characters as text', () => {
    const content = withFiles([
      { file: 'pages/impressum.md', write: '---\ntitle: Impressum\n---\n## Wer wir sind\n\n{{org.name}} – {{site.title}}\n\n{{> herkunft}}\n\n## Wer wir sind\n' },
      { file: 'organisation.yaml', replace: 'name: Landeshauptstadt Musterstadt', with: 'name: "Stadt *Muster* & <Land>"' },
    ]);
    expect(content.pages.find((p) => p.slug === 'impressum')?.origin).toBe('content');
    expect(htmlOf(content, 'impressum')).toBe(
      '<h2 id="wer-wir-sind">Wer wir sind</h2>\n<p>Stadt *Muster* &#x26; &#x3C;Land> – Vertragswerk Testinhalt</p>\n[herkunft]\n<h2 id="wer-wir-sind-1">Wer wir sind</h2>',
    );
  });

  it('adds a page of the content’s own beside the four', () => {
    const content = withFiles([{ file: 'pages/kontakt.md', write: '---\ntitle: Kontakt\n---\nSchreiben Sie an <{{{org.contactEmail}}}>.\n' }]);
    expect(prosePageRoutes(content)).toContain('kontakt');
  });

  it('refuses an unknown placeholder or block with file and line', () => {
    const content = withFiles([{ file: 'pages/impressum.md', write: '---\ntitle: Impressum\n---\nZeile eins\n\n{{org.name}}\n{{> fusszeile}}\n' }]);
    const page = content.pages.find((p) => p.slug === 'impressum')!;
    expect(() => renderPageParts(content, page)).toThrow(TemplateError);
    expect(() => renderPageParts(content, page)).toThrow('Textvorlage „content/pages/impressum.md“, Zeile 7: den Baustein „fusszeile“ gibt es nicht');
    const placeholder = withFiles([{ file: 'pages/impressum.md', write: '---\ntitle: Impressum\n---\nZeile eins\n\n{{org.nmae}}\n' }]);
    expect(() => renderPageParts(placeholder, placeholder.pages.find((p) => p.slug === 'impressum')!)).toThrow(/^Textvorlage „content\/pages\/impressum\.md“, Zeile 6: den Platzhalter „org\.nmae“ gibt es nicht/);
  });
});
