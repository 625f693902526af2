import { refreeze, type FileEdit, type FileTree } from './content-variants.ts';

/** The fixture's muster agreement, version 1.1 folder, and the draft 1.2 the draft tests add to it. */
const FROM = 'agreements/muster/1.1/';
const TO = 'agreements/muster/1.2/';

export const DRAFT_VERSION_YAML = `version: "1.2"
status: entwurf
vorgelegt: 2023-09-01
supersedes: "1.1"
changes:
  - { sections: [sicherheit], text: Verschlüsselung ruhender Daten ausdrücklich verlangt, reason: Empfehlung aus der Prüfung der Maßnahmen. }
`;

/**
 * A small draft 1.2 of the fixture agreement: 1.1 with one sentence added to § 2. Kept out of
 * test/fixtures/valid so the many tests that count versions, pages and corpus findings stay as they are.
 */
export function draftEdits(tree: FileTree): FileEdit[] {
  const edits: FileEdit[] = [];
  for (const [file, bytes] of tree) {
    if (!file.startsWith(FROM) || file.endsWith('version.yaml')) continue;
    let text = new TextDecoder().decode(bytes);
    if (file.endsWith('02-sicherheit.mdx')) text = text.replace('(1) Es gelten die Maßnahmen der Anlage 1.', '(1) Es gelten die Maßnahmen der Anlage 1. Ruhende Daten werden verschlüsselt gespeichert.');
    edits.push({ file: TO + file.slice(FROM.length), write: text });
  }
  edits.push({ file: `${TO}version.yaml`, write: DRAFT_VERSION_YAML });
  return edits;
}

/** Adopting the draft: status, date, body, paper and session, the text frozen. 1.1’s record stays untouched; no file moves. */
export const ADOPT_DRAFT: FileEdit[] = [
  { file: `${TO}version.yaml`, replace: 'status: entwurf\nvorgelegt: 2023-09-01\n', with: `status: beschlossen\nvorgelegt: 2023-09-01\nadopted_by: Jugendhilfeausschuss\nadopted: 2023-10-12\npaper: V0002/23\nsession: JHA/003/2023\neffective: 2023-11-01\ntext_sha256: ${'0'.repeat(64)}\n` },
  refreeze(`${TO}version.yaml`),
];
