import { formatDateShort } from '../dates.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';

/** One entry of a DPIA's participation record: a review, a DPO's advice (Art. 35(2)) or a view of data subjects (Art. 35(9)). Roles and bodies only. */
export interface ParticipationRecord {
  /** The controller (group) a DPO advises; empty for reviews and views. */
  controller: string;
  role: string;
  date?: string;
  /** „14.04.2023“, or „ausstehend“ while awaited. */
  dateShort: string;
  result: string;
  example?: ExampleMarkView;
}

/** The record as the DPIA page and the DPIA PDF both show it. */
export function participationRecord(controller: string, role: string, r: { date?: string; result: string; beispiel?: true | string }): ParticipationRecord {
  return {
    controller,
    role,
    date: r.date,
    dateShort: r.date ? formatDateShort(r.date) : 'ausstehend',
    result: r.result,
    example: exampleMarkOf(r.beispiel),
  };
}
