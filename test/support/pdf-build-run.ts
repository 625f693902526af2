import { spawnSync } from 'node:child_process';
import { cp, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPdfs, type PdfBuildOptions } from '../../src/io/pdf/build-pdfs.ts';
import type { PrintFn } from '../../src/io/pdf/renderer.ts';
import type { Content } from '../../src/lib/content-model.ts';
import { requireTools, type ExternalTool } from '../../src/io/tools.ts';

/** Starts a PDF build into `dir` (dist, dist-private, cache) with a stand-in printer; collects the log. */
export function startPdfBuild(dir: string, content: Content, print: PrintFn, options: Partial<PdfBuildOptions> = {}) {
  const log: string[] = [];
  const result = buildPdfs({
    content,
    outDir: path.join(dir, 'dist'),
    privateOutDir: path.join(dir, 'dist-private'),
    cacheDir: path.join(dir, 'cache'),
    log: (line) => log.push(line),
    print,
    ...options,
  });
  return { result, log, dir };
}

/**
 * Runs a PDF tool (pdfinfo, pdffonts, qpdf …) and returns its exit status and output. A missing
 * tool fails the test with one sentence naming its Debian package, not with an error further on.
 */
export function tool(command: ExternalTool, args: string[]): { status: number | null; stdout: string; stderr: string } {
  requireTools(command);
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Adds a childminders' agreement (a copy of the fixture's `muster` for `kindertagespflege`) to a content folder. */
export async function addChildmindersAgreement(contentDir: string): Promise<void> {
  const childminders = path.join(contentDir, 'agreements/tagespflege');
  await cp(path.join(contentDir, 'agreements/muster'), childminders, { recursive: true });
  const yaml = path.join(childminders, 'agreement.yaml');
  await writeFile(
    yaml,
    (await readFile(yaml, 'utf8'))
      .replace('id: muster', 'id: tagespflege')
      .replace('party_kind: traeger', 'party_kind: kindertagespflege')
      .replace(/^short_title: .*$/m, 'short_title: Vereinbarung Tagespflege'),
  );
}

/**
 * Adds a draft DPIA 2.0 that supersedes the fixture's 1.0: the same register, except that risk-02
 * is likelier after the measures (its level rises from gering to normal), named in its changes.
 */
export async function addDraftDpia(contentDir: string): Promise<void> {
  await cp(path.join(contentDir, 'dpia/1.0'), path.join(contentDir, 'dpia/2.0'), { recursive: true });
  const meta = path.join(contentDir, 'dpia/2.0/dpia.yaml');
  await writeFile(
    meta,
    (await readFile(meta, 'utf8'))
      .replace('version: "1.0"', 'version: "2.0"\nsupersedes: "1.0"')
      .replace('status: beschlossen', 'status: entwurf')
      .replace('date: 2022-02-15', 'date: 2024-03-01')
      .concat('changes:\n  - risks: [risk-02]\n    text: Risiko neu bewertet.\n    reason: Neuer Angriffsweg bekannt.\n'),
  );
  const risks = path.join(contentDir, 'dpia/2.0/risks.yaml');
  const register = await readFile(risks, 'utf8');
  const raised = register.replace('after: { likelihood: geringfuegig, severity: substanziell }', 'after: { likelihood: ueberschaubar, severity: substanziell }');
  if (raised === register) throw new Error('addDraftDpia: risk-02 of the fixture is no longer assessed as expected');
  await writeFile(risks, raised);
}

/**
 * Adds a draft 1.2 of the fixture agreement that shows every kind of row a Synopse has: § 1
 * Abs. 2 rewritten (shown whole), a new § 2 longer than a page (the others renumbered, § 4 and § 5
 * only that), an inserted Absatz and a changed title in § 3 (formerly § 2).
 */
export async function addDraftAgreementVersion(contentDir: string): Promise<void> {
  const from = path.join(contentDir, 'agreements/muster/1.1');
  const to = path.join(contentDir, 'agreements/muster/1.2');
  await cp(from, to, { recursive: true });
  const edit = async (file: string, change: (text: string) => string) => {
    const full = path.join(to, file);
    const text = await readFile(full, 'utf8');
    const changed = change(text);
    if (changed === text) throw new Error(`addDraftAgreementVersion: ${file} of the fixture changed; the edit no longer applies`);
    await writeFile(full, changed);
  };
  await edit('01-gegenstand.mdx', (t) =>
    t.replace(
      '(2) Die Beschäftigten sind zur Vertraulichkeit verpflichtet.',
      '(2) Der Auftragsverarbeiter setzt nur Personen ein, die schriftlich auf das Datengeheimnis und das Sozialgeheimnis verpflichtet und über ihre Pflichten belehrt worden sind.',
    ),
  );
  // Long enough to run over more than one landscape page: the table's header row repeats.
  const absaetze = Array.from({ length: 24 }, (_, i) => `(${i + 1}) ${i === 0 ? 'Der Auftragsverarbeiter schult seine Beschäftigten jedes Jahr im Datenschutz.' : `Schulungsinhalt ${i}: `}${' Die Beschäftigten lernen, wie sie personenbezogene Daten im Softwaresystem sicher verarbeiten, Vorfälle erkennen und melden und die Rechte der betroffenen Personen wahren.'.repeat(2)}`);
  await writeFile(path.join(to, '02-schulung.mdx'), `---\nid: schulung\nnumber: 2\npart: A\ntitle: Schulung\n---\n\n${absaetze.join('\n\n')}\n`);
  await edit('02-sicherheit.mdx', (t) =>
    t
      .replace('number: 2', 'number: 3')
      .replace('title: Sicherheit der Verarbeitung', 'title: Sicherheit der Verarbeitung und Verschlüsselung')
      .replace('(1) Es gelten die Maßnahmen der Anlage 1.', '(1) Es gelten die Maßnahmen der Anlage 1.\n\n(2) Ruhende Daten werden verschlüsselt gespeichert.')
      .replace('(2) Unterauftragsverarbeiter', '(3) Unterauftragsverarbeiter'),
  );
  await rename(path.join(to, '02-sicherheit.mdx'), path.join(to, '03-sicherheit.mdx'));
  await edit('03-loeschung.mdx', (t) => t.replace('number: 3', 'number: 4'));
  await rename(path.join(to, '03-loeschung.mdx'), path.join(to, '04-loeschung.mdx'));
  for (const file of ['04-aufsicht.mdx', '04-aufsicht-kirchlich.mdx']) {
    await edit(file, (t) => t.replace('number: 4', 'number: 5'));
    await rename(path.join(to, file), path.join(to, file.replace('04-', '05-')));
  }
  await writeFile(
    path.join(to, 'version.yaml'),
    [
      'version: "1.2"',
      'status: entwurf',
      'vorgelegt: 2024-02-01',
      'supersedes: "1.1"',
      'changes:',
      '  - { sections: [gegenstand, schulung, sicherheit, loeschung, aufsicht], text: Neuer § 2 Schulung; Verpflichtung der Beschäftigten neu gefasst; Verschlüsselung ruhender Daten, reason: Empfehlung aus der Prüfung der Maßnahmen. }',
      '',
    ].join('\n'),
  );
}
