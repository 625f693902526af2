import type { Content, PartyEntry } from '../content-model.ts';
import { joinGerman } from '../format.ts';
import { didYouMean } from '../suggest.ts';

/**
 * An id on the command line that the content does not have (`--party traeger-0992`): a wrong
 * call, exit code 2 in every command (README, Exit-Codes). A party that exists but cannot be
 * served – not in the register plan – is a matter of the content: exit code 1, with its file.
 */
export class UnknownIdError extends Error {
  readonly exitCode = 2;
}

export function allParties(content: Content): PartyEntry[] {
  return content.parties;
}

/**
 * „Den Partner „traeger-0992“ gibt es nicht. Meinten Sie „traeger-092“?“ and where the party
 * files are, for every command that takes a party id. `candidates` narrows the suggestions
 * (e.g. to the parties of one agreement's kind).
 */
export function unknownPartyMessage(content: Content, id: string, candidates: readonly PartyEntry[] = allParties(content)): { message: string; hint: string } {
  const folders = [...new Set(allParties(content).map((p) => p.source.file.replace(/[^/]+$/, '')))].sort();
  return {
    message: `Den Partner „${id}“ gibt es nicht.${didYouMean(id, candidates.map((p) => p.id))}`,
    hint: folders.length > 0 ? `Prüfen Sie die Kennung; die Partner stehen in ${joinGerman(folders)}.` : 'Prüfen Sie die Kennung.',
  };
}

/** The party a command line names (`--party`); an unknown id throws UnknownIdError (exit 2). */
export function findParty(content: Content, id: string): PartyEntry {
  const party = allParties(content).find((p) => p.id === id);
  if (party) return party;
  const { message, hint } = unknownPartyMessage(content, id);
  throw new UnknownIdError(`${message}\n  → ${hint}`);
}
