// How a click selects: alone, toggled into the selection (Ctrl/Cmd), or a range (Shift).
export type SelectMode = 'only' | 'toggle' | 'range';

export function selectMode(event: {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): SelectMode {
  if (event.shiftKey) return 'range';
  return event.ctrlKey || event.metaKey ? 'toggle' : 'only';
}
