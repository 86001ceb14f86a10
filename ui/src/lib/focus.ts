// Svelte action: focus the element once it is mounted. Unlike the autofocus
// attribute (which Svelte applies only when nothing else has the focus), this
// moves the focus from the button that opened a form into the form.

export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
