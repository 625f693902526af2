import { describe, expect, it } from 'vitest';
import { applyLedgerChange } from '../src/lib/ledger-edit.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { loadPdfAssets } from '../src/io/pdf/assets.ts';
import { buildPartyDocument, planPdfJobs } from '../src/lib/pdf/party-document.ts';
import { renderPartyPrintJob } from '../src/lib/pdf/render-html.ts';
import { buildChangesView, changesRoutes } from '../src/lib/site/changes.ts';
import { buildFeedView } from '../src/lib/site/feed.ts';
import { buildReaderView, readerRoutes } from '../src/lib/site/reader.ts';
import { runRules } from '../src/validate/index.ts';
import { applyEdits, bundledTextDefaults, toContentFiles, validFixture, type FileEdit } from './support/content-variants.ts';
import { ADOPT_DRAFT, draftEdits } from './support/draft-fixture.ts';

function filesWith(edits: FileEdit[] = []) {
  const base = validFixture();
  return toContentFiles(applyEdits(base, [...draftEdits(base), ...edits]));
}

function contentWith(edits: FileEdit[] = []) {
  const { content, diagnostics } = parseContent(filesWith(edits), 'content/', { defaults: bundledTextDefaults() });
  expect([...diagnostics, ...runRules(content)].filter((d) => d.severity === 'error')).toEqual([]);
  return content;
}

const draft = contentWith();
const OFFER = { command: 'offer', party: 'traeger-001', agreement: 'muster', version: '1.2', date: '2023-12-01' } as const;

describe('a draft version', () => {
  it('is valid without adoption data and without a text checksum', () => {
    const v = draft.agreements[0]!.versions.at(-1)!;
    expect([v.version, v.status, v.adopted, v.text_sha256]).toEqual(['1.2', 'entwurf', undefined, undefined]);
  });

  it('has reader pages marked „Entwurf“ that point to the version in force', () => {
    expect(readerRoutes(draft).filter((r) => r.version === '1.2').map((r) => r.regime)).toEqual(['dsgvo', 'kdg', 'dsg-ekd']);
    const view = buildReaderView(draft, 'muster', '1.2', 'dsgvo');
    expect(view.banner).toMatchObject({ kind: 'entwurf', heading: 'Entwurf', link: { href: '/vereinbarung/muster/1.1/' } });
    expect(view.statusText).toBe('Entwurf, noch nicht beschlossen.');
  });

  it('is in the search, labelled as a draft', () => {
    const view = buildReaderView(draft, 'muster', '1.2', 'dsgvo');
    expect(view.searchable).toBe(true);
    expect(view.pageTitle).toBe('Mustervereinbarung, Entwurf der Version 1.2 (DSGVO)');
    expect(view.searchFilter).toBe('Mustervereinbarung, Version 1.2 (Entwurf)');
    expect(buildReaderView(draft, 'muster', '1.1', 'dsgvo').searchFilter).toBe('Mustervereinbarung, Version 1.1 (gültig)');
  });

  it('has a changes page against the version in force, with the changelog’s reason', () => {
    expect(changesRoutes(draft)).toContainEqual({ agreement: 'muster', from: '1.1', to: '1.2' });
    const view = buildChangesView(draft, 'muster', '1.1', '1.2');
    expect(view.pageTitle).toBe('Änderungen von Version 1.1 zu 1.2 (Entwurf) – Mustervereinbarung');
    expect(view.entries.map((e) => [e.kind, e.newLabel, e.title])).toEqual([['geaendert', '§\u00a02', 'Sicherheit der Verarbeitung']]);
    expect(view.entries[0]!.diffHtml).toContain('Ruhende Daten werden verschlüsselt gespeichert.');
    expect(view.summary.map((s) => s.reason)).toEqual(['Empfehlung aus der Prüfung der Maßnahmen.']);
  });

  it('is in the feed as „Entwurf“ on the day it was put up', () => {
    const entry = buildFeedView(draft).entries.find((e) => e.path === '/vereinbarung/muster/1.2/');
    expect(entry).toMatchObject({ date: '2023-09-01', title: 'Mustervereinbarung: Entwurf der Version 1.2' });
    expect(entry!.summary).toMatch(/^Entwurf, noch nicht beschlossen; vorgelegt am 1\.\u00a0September 2023\./);
  });

  it('gets no copies to sign: no PDF job, so never a manifest entry', () => {
    expect(planPdfJobs(draft).filter((j) => j.version === '1.2')).toEqual([]);
  });

  it('prints „Entwurf – nicht zur Unterzeichnung“ at the top of every page (a margin box, so on shared pages too), an adopted version nothing there', async () => {
    const { templates } = await loadPdfAssets();
    const topCenter = (version: string) => /@top-center \{\s*content: ([^;]*);/.exec(renderPartyPrintJob(buildPartyDocument(draft, 'muster', version, 'traeger-001'), templates).html)?.[1];
    expect(topCenter('1.2')).toBe('"Entwurf – nicht zur Unterzeichnung"');
    expect(topCenter('1.1')).toBe('none');
  });

  it('has no frozen checksum: a draft copy says its text is not yet fixed instead of printing one', async () => {
    const { templates } = await loadPdfAssets();
    const doc = buildPartyDocument(draft, 'muster', '1.2', 'traeger-001');
    expect(doc.textSha256).toBeUndefined();
    const text = renderPartyPrintJob(doc, templates).html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Prüfsumme des Vertragstexts Entwurf – der Text ist noch nicht festgeschrieben.');
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  });

  it('cannot be offered or signed: the ledger command refuses and the ledger rule reports it', () => {
    const result = applyLedgerChange(filesWith(), OFFER, '2024-01-01');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('Version 1.2 ist ein Entwurf und kann weder angeboten noch gezeichnet werden.');
    const entry = '  - { party: traeger-001, version: "1.2", offered: 2023-12-01 }\n';
    const { content } = parseContent(filesWith([{ file: 'ledger/muster.yaml', replace: 'entries:\n', with: `entries:\n${entry}` }]), 'content/', { defaults: bundledTextDefaults() });
    expect(runRules(content).filter((d) => d.rule === 'zeichnungsregister').map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'content/ledger/muster.yaml:3 Version 1.2 ist ein Entwurf und kann nicht angeboten oder gezeichnet werden.',
    ]);
  });

  it('once adopted (status, date, body, paper; text frozen) is offerable and printed, without moving a file', () => {
    const adopted = contentWith(ADOPT_DRAFT);
    expect(buildReaderView(adopted, 'muster', '1.2', 'dsgvo').banner).toBeUndefined();
    expect(planPdfJobs(adopted).filter((j) => j.version === '1.2').map((j) => j.path)).toEqual(['pdf/muster/1.2/traeger-001.pdf', 'pdf/muster/1.2/traeger-002.pdf']);
    expect(applyLedgerChange(filesWith(ADOPT_DRAFT), OFFER, '2024-01-01').ok).toBe(true);
  });
});
