import { statSync } from 'node:fs';
import path from 'node:path';
import { parseCli, parsePort, refusePositionals, runCli, UsageError } from '../src/io/cli.ts';

const USAGE = `Aufruf: npm run preview -- [--out ORDNER] [--port N] [--host]

Zeigt die mit „npm run build“ erzeugte Website unter http://localhost:4321 (Standard), so wie sie
veröffentlicht wird (mit PDFs, Bericht und Suche). Beenden mit Strg+C.

  --out   Ausgabe des Builds (Standard dist)
  --port  Port (Standard 4321)
  --host  auch im lokalen Netz erreichbar machen, nicht nur auf diesem Rechner`;

await runCli(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      out: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      host: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  refusePositionals(positionals, USAGE);
  const port = parsePort(values.port, USAGE);
  const outDir = path.resolve(values.out);
  if (!statSync(path.join(outDir, 'index.html'), { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(`In „${values.out}“ liegt keine erzeugte Website. Erzeugen Sie sie zuerst mit „npm run build“ (oder geben Sie mit --out den Ausgabeordner an).`);
  }
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { preview } = await import('astro');
  const server = await preview({ root: process.cwd(), outDir, server: { port, host: values.host } });
  await new Promise<void>((resolve) => {
    const stop = () => void server.stop().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
});
