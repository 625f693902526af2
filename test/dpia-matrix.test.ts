import { describe, expect, it } from 'vitest';
import { riskMatrix } from '../src/lib/dpia/matrix.ts';
import { levelOf } from '../src/lib/dpia/versions.ts';
import { buildDpiaDocument } from '../src/lib/pdf/dpia-document.ts';
import { buildRiskMatrix } from '../src/lib/site/dpia.ts';
import { loadContent } from '../src/io/load-content.ts';
import { ROOT } from './support/run-cli.ts';
import path from 'node:path';

const { content } = await loadContent(path.join(ROOT, 'content'));

describe('one risk matrix for the DPIA page and the DPIA PDF', () => {
  for (const dpia of content.dpia.versions) {
    for (const side of ['before', 'after'] as const) {
      it(`places every risk of DPIA ${dpia.meta.version} (${side}) in exactly one cell, at the level its version's table gives`, () => {
        const matrix = riskMatrix(dpia, side);
        const placed = matrix.rows.flatMap((r) => r.cells.flatMap((c) => c.risks.map((risk) => ({ risk, c }))));
        expect(placed.map((p) => p.risk.id).sort()).toEqual(dpia.risks.map((r) => r.id).sort());
        for (const { risk, c } of placed) expect(c.level).toBe(levelOf(dpia, risk[side]));
      });

      it(`renders the same cells on the site and in the PDF for DPIA ${dpia.meta.version} (${side})`, () => {
        const site = buildRiskMatrix(dpia, side);
        const pdf = buildDpiaDocument(content, dpia).matrices.find((m) => m.which === side)!;
        expect(site.caption).toBe(pdf.caption);
        expect(site.rows.map((r) => r.cells.map((c) => [c.level, c.risks.map((x) => x.id)]))).toEqual(pdf.rows.map((r) => r.cells.map((c) => [c.level, c.riskIds])));
      });
    }
  }
});
