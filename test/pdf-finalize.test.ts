import { PDFDocument, PDFName, PDFString, type PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalizeStructureIds, normalizeStructureIdsInBytes } from '../src/lib/pdf/finalize-pdf.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** A PDF whose objects carry structure ids the way Chromium writes them. */
async function pdfWithIds(ids: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const elements = ids.map((id) => pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'TH', ID: PDFString.of(id) })));
  const names = pdf.context.obj(ids.flatMap((id, i) => [PDFString.of(id), elements[i]!]));
  const headers = pdf.context.obj({ O: 'Table', Headers: pdf.context.obj(ids.map((id) => PDFString.of(id))) });
  pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.register(pdf.context.obj({ Type: 'StructTreeRoot', K: elements[0]!, IDTree: pdf.context.obj({ Names: names }), A: headers })));
  return pdf.save({ useObjectStreams: false, addDefaultPage: false });
}

describe('renumbering Chromium’s structure ids', () => {
  it('replaces each id by its rank in place, so no byte offset moves', () => {
    const raw = new TextEncoder().encode('1 0 obj <</ID (node00002468)>> 2 0 obj <</Names [(node00000031) 3 0 R (node00002468) 1 0 R]>> <</Headers [(node00000031)]>>');
    const out = normalizeStructureIdsInBytes(raw)!;
    expect(out.length).toBe(raw.length);
    expect(latin1(out)).toBe('1 0 obj <</ID (node00000002)>> 2 0 obj <</Names [(node00000001) 3 0 R (node00000002) 1 0 R]>> <</Headers [(node00000001)]>>');
  });

  it('leaves binary data around the ids untouched', () => {
    const raw = new Uint8Array([0xff, 0x00, ...new TextEncoder().encode('(node00000009)'), 0x80, 0xe9]);
    expect([...normalizeStructureIdsInBytes(raw)!]).toEqual([0xff, 0x00, ...new TextEncoder().encode('(node00000001)'), 0x80, 0xe9]);
  });

  it('hands ids of another length to the walk over the parsed objects, which gives the same ranks', async () => {
    const ids = ['node123456789', 'node00000077', 'node00000077', 'node00000005'];
    const raw = await pdfWithIds(ids);
    expect(normalizeStructureIdsInBytes(raw)).toBeUndefined();
    const pdf = await PDFDocument.load(raw);
    expect(normalizeStructureIds(pdf)).toBe(3);
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot')) as PDFDict;
    const headers = (root.lookup(PDFName.of('A')) as PDFDict).lookup(PDFName.of('Headers'));
    expect(headers?.toString()).toBe('[ (node00000003) (node00000002) (node00000002) (node00000001) ]');

    const eightDigits = await pdfWithIds(['node00000900', 'node00000077', 'node00000077', 'node00000005']);
    expect(latin1(normalizeStructureIdsInBytes(eightDigits)!)).toContain('/Headers [ (node00000003) (node00000002) (node00000002) (node00000001) ]');
  });
});
