import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { conformanceXmp, linkDescription, markPaginationArtifacts, unmarkedPaintSpans } from '../src/lib/pdf/conformance.ts';
import { parseVeraPdfJson, summarizeConformance } from '../src/lib/pdf/verapdf-report.ts';

describe('conformance steps', () => {
  it('finds paint outside marked content: table borders, untagged text, not the tagged parts or clips', () => {
    const content = [
      'q 0 0 10 10 re W* n',
      '/P <</MCID 0 >>BDC BT /F1 12 Tf (a) Tj ET EMC',
      '.8 .8 .8 rg 0 13534 624 1 re f',
      'BT /F1 9 Tf <0020> Tj ET',
      '/Span <</ActualText (x)>> BDC 0 0 1 1 re f EMC',
      'Q',
    ].join('\n');
    const spans = unmarkedPaintSpans(content)!.map(([a, b]) => content.slice(a, b));
    expect(spans).toEqual(['0 13534 624 1 re f', 'BT /F1 9 Tf <0020> Tj ET']);
    expect(unmarkedPaintSpans('BI /W 1 /H 1 ID x EI')).toBeUndefined();
  });

  it('marks header, footer and decoration as artifacts once, however often it runs', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const page = pdf.addPage();
    const body = 'q 0 0 10 10 re W* n /P <</MCID 0 >>BDC 0 0 1 1 re f EMC 2 2 1 1 re f Q';
    page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.flateStream('q BT (Seite 1 von 2) Tj ET Q\n' + body)));
    expect(markPaginationArtifacts(pdf)).toBe(1);
    expect(markPaginationArtifacts(pdf)).toBe(0);
    const { inflateSync } = await import('node:zlib');
    const stream = pdf.context.lookup(page.node.get(PDFName.of('Contents'))) as unknown as { contents: Uint8Array };
    expect(inflateSync(stream.contents).toString('latin1')).toBe(
      '/Artifact <</Type /Pagination >>BDC\nq BT (Seite 1 von 2) Tj ET Q\n\nEMC\nq 0 0 10 10 re W* n /P <</MCID 0 >>BDC 0 0 1 1 re f EMC /Artifact BMC\n2 2 1 1 re f\nEMC Q',
    );
  });

  it.each([
    [{ page: 7 }, 'Verweis auf Seite 7'],
    [{ uri: 'https://vereinbarungen.dresden.example/pruefen/' }, 'Verweis auf https://vereinbarungen.dresden.example/pruefen/'],
    [{ uri: 'mailto:kita@dresden.example' }, 'E-Mail an kita@dresden.example'],
    [{}, 'Verweis innerhalb des Dokuments'],
  ])('describes a link %o as „%s“', (target, text) => {
    expect(linkDescription(target)).toBe(text);
  });

  it('declares PDF/A-2a and PDF/UA-1, with the extension schema PDF/A needs for pdfuaid', () => {
    const xmp = conformanceXmp();
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
  });
});

describe('veraPDF report', () => {
  const report = JSON.stringify({
    report: {
      jobs: [
        {
          itemDetails: { name: '/x/gut.pdf' },
          validationResult: [
            { profileName: 'PDF/UA-1 validation profile', compliant: true, details: { passedRules: 106, failedRules: 0, ruleSummaries: [] } },
            { profileName: 'PDF/A-2A validation profile', compliant: true, details: { passedRules: 153, failedRules: 0, ruleSummaries: [] } },
          ],
        },
        {
          itemDetails: { name: '/x/schlecht.pdf' },
          validationResult: {
            profileName: 'PDF/UA-1 validation profile',
            compliant: false,
            details: {
              passedRules: 105,
              failedRules: 1,
              ruleSummaries: [
                {
                  specification: 'ISO 14289-1:2014',
                  clause: '7.18.5',
                  testNumber: 2,
                  status: 'failed',
                  failedChecks: 3,
                  description: 'Links shall contain an alternate description via their Contents key',
                  checks: [{ context: 'root/document[0]/pages[1]/annots[0]' }],
                },
              ],
            },
          },
        },
        { itemDetails: { name: '/x/kaputt.pdf' }, taskException: { exceptionMessage: "Couldn't parse stream" } },
      ],
    },
  });

  it('says per file and rule what failed, in German', () => {
    const summary = summarizeConformance(parseVeraPdfJson(report), { display: (f) => f.replace('/x/', '') });
    expect(summary.failedFiles).toBe(2);
    expect(summary.text).toMatchInlineSnapshot(`
      "✓ gut.pdf: PDF/UA-1 und PDF/A-2A erfüllt
      ✗ kaputt.pdf:
          veraPDF konnte die Datei nicht prüfen: Couldn't parse stream
      ✗ schlecht.pdf:
          Regel PDF/UA-1 7.18.5-2 (ISO 14289-1:2014): 3 Verstöße – Links shall contain an alternate description via their Contents key [z. B. root/document[0]/pages[1]/annots[0]]
          PDF/A-2A: nicht geprüft – die Datei erklärt diese Konformität nicht in ihren XMP-Metadaten (pdfuaid/pdfaid).

      3 PDFs geprüft (PDF/UA-1: 106 Regeln, PDF/A-2A: 153 Regeln): 2 mit Fehlern, 3 verletzte Regeln."
    `);
  });

  it('refuses output that is not a veraPDF report', () => {
    expect(() => parseVeraPdfJson('Exception in thread "main"')).toThrow(/veraPDF lieferte keinen lesbaren Bericht/);
  });
});
