import { spawnSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
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
      .replace('party_kinds: [traeger]', 'party_kinds: [kindertagespflege]')
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
