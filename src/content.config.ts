import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { sectionSchema } from './schemas/agreement.ts';
import { riskSchema, dpiaSectionSchema } from './schemas/dpia.ts';
import { providerSchema } from './schemas/party.ts';
import { tomSchema } from './schemas/tom.ts';
import { getSiteContent } from './io/site-content.ts';
import type { Content } from './lib/content-model.ts';

/**
 * Collections are fed by Vertragswerk's own loader (line-precise German errors, the
 * `--content` folder) and checked again against the same schemas.
 */
function fromContent(name: string, pick: (content: Content) => { id: string; data: Record<string, unknown>; body?: string }[]): Loader {
  return {
    name: `vertragswerk-${name}`,
    async load({ store, parseData }) {
      store.clear();
      const content = await getSiteContent();
      for (const item of pick(content)) {
        const data = await parseData({ id: item.id, data: item.data });
        store.set({ id: item.id, data, body: item.body });
      }
    },
  };
}

const strip = <T extends { source: unknown }>({ source: _source, ...rest }: T) => rest;

export const collections = {
  sections: defineCollection({
    loader: fromContent('sections', (c) =>
      c.agreements.flatMap((a) =>
        a.versions.flatMap((v) =>
          v.sections.map((s) => {
            const { body, bodyLine: _line, fileText: _text, ...front } = strip(s);
            return { id: `${a.id}/${v.version}/${s.id}/${s.regimes.join('+')}`, data: front, body };
          }),
        ),
      ),
    ),
    schema: sectionSchema,
  }),
  toms: defineCollection({
    loader: fromContent('toms', (c) => c.toms.map((t) => ({ id: t.id, data: strip(t) }))),
    schema: tomSchema,
  }),
  risks: defineCollection({
    loader: fromContent('risks', (c) => c.dpia.risks.map((r) => ({ id: r.id, data: strip(r) }))),
    schema: riskSchema,
  }),
  dpiaSections: defineCollection({
    loader: fromContent('dpia-sections', (c) =>
      c.dpia.sections.map((s) => {
        const { body, bodyLine: _line, ...front } = strip(s);
        return { id: s.id, data: front, body };
      }),
    ),
    schema: dpiaSectionSchema,
  }),
  providers: defineCollection({
    loader: fromContent('providers', (c) =>
      c.providers.map((p) => {
        const { kind: _kind, ...rest } = strip(p);
        return { id: p.id, data: rest };
      }),
    ),
    schema: providerSchema,
  }),
};
