// A pick in a static_select outside an input block (an actions block's element or a section's accessory):
// Slack sends it to the app at once as a block action carrying the option chosen.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every static_select outside input blocks, with the block holding it. */
function* selectsIn(blocks: unknown[]): Generator<{ block: Obj; element: Obj }> {
  for (const b of blocks) {
    if (!isObj(b)) continue;
    const candidates = [...(Array.isArray(b.elements) ? b.elements : []), b.accessory];
    for (const el of candidates) {
      if (isObj(el) && el.type === 'static_select') yield { block: b, element: el };
    }
  }
}

/**
 * The block action of picking the option `value` in the select `actionId` (and `blockId`); an error names
 * the selects and options there are when there is no such select or option, as a person could not pick it.
 */
export function selectAction(
  blocks: unknown[],
  p: { actionId: string; blockId?: string; value: string },
  actionTs: string,
  where: string,
): Obj {
  const all = [...selectsIn(blocks)];
  const found = all.find(
    ({ block, element }) =>
      element.action_id === p.actionId && (p.blockId === undefined || block.block_id === p.blockId),
  );
  if (!found) {
    const have = all.map(({ block, element }) => `${String(block.block_id)}/${String(element.action_id)}`);
    throw new Error(
      `no select ${p.blockId ?? '*'}/${p.actionId} in ${where}; selects there: ${have.join(', ') || 'none'}`,
    );
  }
  const options = Array.isArray(found.element.options) ? found.element.options.filter(isObj) : [];
  const option = options.find((o) => o.value === p.value);
  if (!option) {
    throw new Error(
      `the select ${p.actionId} in ${where} has no option ${p.value}; it has ${options.map((o) => String(o.value)).join(', ')}`,
    );
  }
  const action: Obj = {
    type: 'static_select',
    action_id: found.element.action_id,
    block_id: found.block.block_id,
    selected_option: option,
    action_ts: actionTs,
  };
  if (found.element.placeholder !== undefined) action.placeholder = found.element.placeholder;
  return action;
}
