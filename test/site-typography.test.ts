import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { buildLetters } from '../src/lib/letters/plan.ts';
import { buildCouncilView } from '../src/lib/site/council.ts';
import { buildDpiaVersionView, buildDpiaView } from '../src/lib/site/dpia.ts';
import { buildFeedView } from '../src/lib/site/feed.ts';
import { buildReaderView, versionStatusText } from '../src/lib/site/reader.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

// German typography of sentences the site and the letters build from content: no second period
// after a name that ends in one („e. V.“), status words in lower case inside a sentence, protected
// spaces in „§ 3“ and „Art. 28 Abs. 3“ from the changelog. The fixture's body becomes an association's
// general meeting – any body a toolkit user names may end in „e. V.“.
const ASSEMBLY = 'Mitgliederversammlung des Trägerverbunds e. V.';

async function associationFixture(): Promise<Content> {
  const content = await loadSiteFixture();
  const agreement = content.agreements.find((a) => a.id === 'muster')!;
  for (const version of agreement.versions) version.adopted_by = ASSEMBLY;
  for (const resolution of content.council!.resolutions) if (resolution.adopted_by) resolution.adopted_by = ASSEMBLY;
  const latest = agreement.versions.at(-1)!;
  latest.changes = [{ sections: ['loeschung'], text: 'In § 3 die Löschfristen nach Art. 28 Abs. 3 lit. g DSGVO verkürzt', reason: 'Die Frist aus §§ 4–6 war länger als nötig.' }];
  return content;
}

const doublePeriod = /(?<![.…])\.\.(?!\.)/;

describe('sentences that end in a name', () => {
  it('„Beschlossen … vom <Verein> e. V.“ ends with one period: reader, council page and feed', async () => {
    const content = await associationFixture();
    const version = content.agreements[0]!.versions.at(-1)!;
    expect(versionStatusText(version, content, false)).toBe(`Beschlossen am 11.\u00a0Mai 2023 vom ${ASSEMBLY} (Sitzung JHA/002/2023), gültig ab 1.\u00a0Juni 2023.`);
    const withoutEffective = { ...version, effective: undefined, session: undefined };
    expect(versionStatusText(withoutEffective, content, false)).toBe(`Beschlossen am 11.\u00a0Mai 2023 vom ${ASSEMBLY}`);
    const council = buildCouncilView(content).papers.flatMap((p) => p.resolutions.flatMap((r) => r.statusText));
    expect(council.some((t) => t.endsWith(`vom ${ASSEMBLY}`))).toBe(true);
    const feed = buildFeedView(content).entries.map((e) => e.summary);
    expect(feed.some((s) => s.includes(`vom ${ASSEMBLY}`))).toBe(true);
    for (const text of [...council, ...feed]) expect(text).not.toMatch(doublePeriod);
  });
});

describe('status words inside a sentence', () => {
  it('the DPIA page says „(in Kraft)“ in its lead sentence; the badge keeps its capital', async () => {
    const view = buildDpiaView(await loadSiteFixture()).inForce!;
    expect([view.statusLabel, view.statusText]).toEqual(['In Kraft', 'in Kraft']);
  });

  it('a letter marks a changed § „(geändert)“, not „(Geändert)“', async () => {
    const content = await loadSiteFixture();
    const agreement = content.agreements.find((a) => a.id === 'muster')!;
    const notices = buildLetters(content, agreement, { asOf: '2023-05-20', kinds: ['aenderung'] });
    expect(notices.length).toBeGreaterThan(0);
    const kinds = notices.flatMap((l) => l.changes.map((c) => c.kindLabel));
    expect(kinds).toContain('geändert');
    for (const kind of kinds) expect(kind).toBe(kind.toLowerCase());
  });
});

describe('protected spaces from the changelog', () => {
  it('„§ 3“, „§§ 4–6“ and „Art. 28 Abs. 3 lit. g“ keep together on the reader page and in the letter', async () => {
    const content = await associationFixture();
    const reader = buildReaderView(content, 'muster', '1.1', 'dsgvo');
    expect(reader.changes).toEqual(['In §\u00a03 die Löschfristen nach Art.\u00a028 Abs.\u00a03 lit.\u00a0g DSGVO verkürzt']);
    const agreement = content.agreements.find((a) => a.id === 'muster')!;
    const notice = buildLetters(content, agreement, { asOf: '2023-05-20', kinds: ['aenderung'] })[0]!;
    const group = notice.changeGroups.find((g) => g.text)!;
    expect([group.text, group.reason]).toEqual(['In §\u00a03 die Löschfristen nach Art.\u00a028 Abs.\u00a03 lit.\u00a0g DSGVO verkürzt', 'Die Frist aus §§\u00a04–6 war länger als nötig.']);
  });
});
