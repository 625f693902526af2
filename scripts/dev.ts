import path from 'node:path';
import { parseOptions, parsePort, runCli, SERVER_OPTIONS, serveUntilStopped } from '../src/io/cli.ts';
import { astroConfig } from '../src/io/astro-config.ts';

const USAGE = `Aufruf: npm run dev -- [--content ORDNER] [--port N] [--host]

Startet die Website zum Schreiben unter http://localhost:4321 (Standard). Wird eine Inhaltsdatei
gespeichert, lädt die geöffnete Seite neu und zeigt den neuen Stand; PDFs und Bericht entstehen nur
mit „npm run build“. Beenden mit Strg+C.

  --content  Inhaltsordner (Standard content)
  --port     Port (Standard 4321)
  --host     auch im lokalen Netz erreichbar machen, nicht nur auf diesem Rechner`;

await runCli(async () => {
  const values = parseOptions(
    process.argv.slice(2),
    {
      content: { type: 'string', default: 'content' },
      ...SERVER_OPTIONS,
    },
    USAGE,
  );
  if (!values) return 0;
  const port = parsePort(values.port, USAGE);
  const contentDir = path.resolve(values.content);
  // Watches the content folder: on every change the pages read it again and reload.
  const config = astroConfig({ contentDir, generation: 0 }, { watch: true });
  const { dev } = await import('astro');
  const server = await dev({ ...config, configFile: false, root: process.cwd(), server: { port, host: values.host } });
  await serveUntilStopped(server);
  return 0;
});
