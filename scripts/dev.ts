import path from 'node:path';
import { parseCli, parsePort, refusePositionals, runCli } from '../src/io/cli.ts';
import { markSiteContentChanged } from '../src/io/site-content.ts';

const USAGE = `Aufruf: npm run dev -- [--content ORDNER] [--port N] [--host]

Startet die Website zum Schreiben unter http://localhost:4321 (Standard). Wird eine Inhaltsdatei
gespeichert, lädt die geöffnete Seite neu und zeigt den neuen Stand; PDFs und Bericht entstehen nur
mit „npm run build“. Beenden mit Strg+C.

  --content  Inhaltsordner (Standard content)
  --port     Port (Standard 4321)
  --host     auch im lokalen Netz erreichbar machen, nicht nur auf diesem Rechner`;

await runCli(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      content: { type: 'string', default: 'content' },
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
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const contentDir = path.resolve(values.content);
  process.env.VERTRAGSWERK_CONTENT = contentDir;
  const { dev } = await import('astro');
  const server = await dev({
    root: process.cwd(),
    server: { port, host: values.host },
    vite: { plugins: [reloadOnContentChange(contentDir)] },
  });
  await new Promise<void>((resolve) => {
    const stop = () => void server.stop().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
});

/**
 * The pages read content/ through getSiteContent(), not through imports Vite could follow: this
 * watches the folder, drops the loaded content and reloads the open pages when a file changes.
 */
function reloadOnContentChange(contentDir: string) {
  return {
    name: 'vertragswerk-content-reload',
    configureServer(server: { watcher: { add(p: string): void; on(event: string, listener: (file: string) => void): void }; ws: { send(payload: { type: 'full-reload' }): void } }) {
      server.watcher.add(contentDir);
      const changed = (file: string) => {
        if (!path.resolve(file).startsWith(contentDir + path.sep)) return;
        markSiteContentChanged();
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, changed);
    },
  };
}
