// The page's header: the person and zone switchers, and the note on the extra coaching's model.
import type { Snapshot } from '../protocol.ts';
import { ZONES } from '../protocol.ts';
import { byId } from './api.ts';

/** The person switcher (the workspace admin marked) and the zone switcher, for the person shown. */
export function renderSwitchers(
  snapshot: Snapshot,
  personSelect: HTMLSelectElement,
  zoneSelect: HTMLSelectElement,
): void {
  const current = snapshot.me;
  personSelect.innerHTML = '';
  for (const p of snapshot.people) {
    const label = p.admin ? `${p.name} (workspace admin)` : p.name;
    personSelect.add(new Option(label, p.id, false, p.id === current.id));
  }
  zoneSelect.innerHTML = '';
  const zones: string[] = ZONES.includes(current.tz as (typeof ZONES)[number])
    ? [...ZONES]
    : [current.tz, ...ZONES];
  for (const z of zones) zoneSelect.add(new Option(z.replace(/_/g, ' '), z, false, z === current.tz));
}

/** The header says where answers go when the extra coaching is turned on, or nothing without a model. */
export function showModel(model: Snapshot['model']): void {
  const el = byId('model');
  el.hidden = !model;
  el.textContent = model ? `Model coaching: ${model.name} at ${model.host} (/star model on)` : '';
  el.title = model
    ? 'Once Ada (the workspace admin) types /star model on, each saved answer’s question and four parts go to this model'
    : '';
}
