import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLetterTemplates } from '../src/io/letters.ts';
import { loadPdfAssets } from '../src/io/pdf/assets.ts';
import { BUNDLED_TEMPLATES_DIR, findTemplate, listBundledTemplates, loadTemplate } from '../src/io/templates.ts';
import { buildPartyDocument } from '../src/lib/pdf/party-document.ts';
import { renderPartyDocumentHtml } from '../src/lib/pdf/render-html.ts';
import { loadContent } from '../src/io/load-content.ts';
import { ROOT } from './support/run-cli.ts';

/** A content folder with its own cover and letter layout. */
function contentWithTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vw-templates-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('templates: the content folder’s own first, the bundled ones otherwise', () => {
  it('takes the bundled template when the content has none', async () => {
    const cover = await loadTemplate('cover.html');
    expect(cover.origin).toBe('bundled');
    expect(cover.file).toBe('templates/cover.html');
    expect(cover.text).toContain('{{org.name}}');
  });

  it('takes the content’s own cover, and names it in a template error', async () => {
    const dir = contentWithTemplates({ 'templates/cover.html': '<section class="deckblatt"><p>{{org.name}} – eigenes Deckblatt {{party.nmae}}</p></section>' });
    const own = await loadTemplate('cover.html', { contentDir: dir });
    expect(own.origin).toBe('content');
    expect(own.file).toBe(path.join(dir, 'templates/cover.html'));
    // Every other template still comes from Vertragswerk.
    expect((await loadTemplate('signature.html', { contentDir: dir })).origin).toBe('bundled');
    const assets = await loadPdfAssets({ contentDir: dir });
    const bundled = await loadPdfAssets();
    expect(assets.hash).not.toBe(bundled.hash);
    const { content } = await loadContent(path.join(ROOT, 'test/fixtures/valid'));
    const doc = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    expect(() => renderPartyDocumentHtml(doc, assets.templates)).toThrow(`Druckvorlage „${path.join(dir, 'templates/cover.html')}“, Zeile 1: den Platzhalter „party.nmae“ gibt es nicht`);
  });

  it('reads letter.html from the content folder too', async () => {
    const dir = contentWithTemplates({ 'templates/letter.html': '<p>{{org.place}}, {{dateText}}</p>' });
    const templates = await loadLetterTemplates({ contentDir: dir });
    expect(templates.html).toBe('<p>{{org.place}}, {{dateText}}</p>');
    expect(templates.file).toBe(path.join(dir, 'templates/letter.html'));
    expect((await loadLetterTemplates()).html).toContain('{{org.place}}, {{dateText}}');
  });

  it('looks for a page in pages/ of the content folder', async () => {
    const dir = contentWithTemplates({ 'pages/impressum.md': '---\ntitle: Impressum\n---\nEigenes Impressum.' });
    expect((await findTemplate('pages/impressum.md', { contentDir: dir }))?.origin).toBe('content');
    expect(await findTemplate('pages/gibt-es-nicht.md', { contentDir: dir })).toBeUndefined();
  });

  it('refuses a missing template with the file to restore', async () => {
    await expect(loadTemplate('cover.html', { bundledDir: path.join(BUNDLED_TEMPLATES_DIR, 'server') })).rejects.toThrow(
      'Die Vorlage templates/server/cover.html fehlt. Stellen Sie sie aus der Versionsverwaltung wieder her.',
    );
  });

  it('lists the bundled templates of a folder', async () => {
    expect(await listBundledTemplates('server')).toEqual(['server/Caddyfile', 'server/apache.htaccess', 'server/nginx.conf']);
  });
});
