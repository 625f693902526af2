import { spawnSync } from 'node:child_process';

/** The programs outside npm that the checks and tests call, and the Debian package each comes from. */
export const EXTERNAL_TOOLS = {
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  qpdf: 'qpdf',
  java: 'default-jre-headless',
  mvn: 'maven',
} as const;

export type ExternalTool = keyof typeof EXTERNAL_TOOLS;

/** A program is missing: one German sentence that names the package, exit code 1. */
export class ToolMissingError extends Error {
  readonly exitCode = 1;
  readonly tool: ExternalTool;
  constructor(tool: ExternalTool) {
    super(
      `Das Programm „${tool}“ fehlt. Installieren Sie das Debian-Paket ${EXTERNAL_TOOLS[tool]} (apt-get install ${EXTERNAL_TOOLS[tool]}); .ci/run tut das auf einem frischen Rechner selbst.`,
    );
    this.tool = tool;
  }
}

const found = new Map<string, boolean>();

/** True when `tool` is on PATH (looked up once per process). */
export function hasTool(tool: ExternalTool): boolean {
  let hit = found.get(tool);
  if (hit === undefined) {
    hit = spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
    found.set(tool, hit);
  }
  return hit;
}

/** Throws a ToolMissingError unless every tool is on PATH. */
export function requireTools(...tools: ExternalTool[]): void {
  for (const tool of tools) if (!hasTool(tool)) throw new ToolMissingError(tool);
}
