import type { Content } from '../content-model.ts';
import { CONTROLLER_GROUP_LABELS, type ControllerGroup } from '../../schemas/dpia.ts';
import { organisationOf } from '../organisation/profile.ts';

/** A controller group as the DPIA names it; the body's own group is called by its name from organisation.yaml. */
export function controllerGroupLabel(content: Content, group: ControllerGroup): string {
  return group === 'stadt' ? organisationOf(content).name : CONTROLLER_GROUP_LABELS[group];
}
