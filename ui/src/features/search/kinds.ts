// What each kind of search hit is called. A switch over HitKind, so a kind the
// core adds (and the regenerated bindings have) fails to compile here.

import type { HitKind } from '../../bindings';

export function hitKindLabel(kind: HitKind): string {
  switch (kind) {
    case 'page':
      return 'Document';
    case 'event':
      return 'Docket';
    case 'note':
      return 'Note';
    case 'highlight':
      return 'Highlight';
    default: {
      const never: never = kind;
      return never;
    }
  }
}
