// The table of authorities as the Authorities tab shows it: the core's list
// (most cited first) split into groups, each authority named.

import type { Authority } from '../../bindings';
import { authorityLabel, GROUPS, groupOf, type CitationGroupName } from '../../lib/authority';

export interface NamedAuthority extends Authority {
  label: string;
}

export interface AuthorityGroup {
  name: CitationGroupName;
  authorities: NamedAuthority[];
}

/** Cases, statutes, regulations, rules (empty groups left out), keeping the core's order within each. */
export function authorityGroups(authorities: readonly Authority[]): AuthorityGroup[] {
  return GROUPS.map((name) => ({
    name,
    authorities: authorities
      .filter((a) => groupOf(a.kind) === name)
      .map((a) => ({ ...a, label: authorityLabel({ ...a, key: a.authority }) })),
  })).filter((g) => g.authorities.length > 0);
}
