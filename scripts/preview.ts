import { statSync } from 'node:fs';
import path from 'node:path';
import { parseOptions, parsePort, runCli, SERVER_OPTIONS, serveUntilStopped, UsageError } from '../src/io/cli.ts';

const USAGE = `Aufruf: npm run preview -- [--out ORDNER] [--port N] [--host]

Zeigt die mit „npm run build“ erzeugte Website unter http://localhost:4321 (Standard), so wie sie
veröffentlicht wird (mit PDFs, Bericht und Suche). Beenden mit Strg+C.

  --out   Ausgabe des Builds (Standard dist)
  --port  Port (Standard 4321)
  --host  auch im lokalen Netz erreichbar machen, nicht nur auf diesem Rechner`;

await runCli(async () => {
  const values = parseOptions(
    process.argv.slice(2),
    {
      out: { type: 'string', default: 'dist' },
      ...SERVER_OPTIONS,
    },
    USAGE,
  );
  if (!values) return 0;
  const port = parsePort(values.port, USAGE);
  const outDir = path.resolve(values.out);
  if (!statSync(path.join(outDir, 'index.html'), { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(`In „${values.out}“ liegt keine erzeugte Website. Erzeugen Sie sie zuerst mit „npm run build“ (oder geben Sie mit --out den Ausgabeordner an).`);
  }
  const { preview } = await import('astro');
  const server = await preview({ root: process.cwd(), outDir, server: { port, host: values.host } });
  await serveUntilStopped(server);
  return 0;
});
