// What kind of authority a citation names and how it is called, shared by the
// viewer's citation list and the case page's Authorities tab.

/** The groups citations are listed in, in this order. */
export type CitationGroupName = 'Cases' | 'Statutes' | 'Regulations' | 'Rules';

export const GROUPS: readonly CitationGroupName[] = ['Cases', 'Statutes', 'Regulations', 'Rules'];

/** The group of a stored citation's or an authority's `kind` (`case`, `short_case`, `id`, `supra`, `statute`…). */
export function groupOf(kind: string): CitationGroupName {
  switch (kind) {
    case 'statute':
    case 'public_law':
      return 'Statutes';
    case 'regulation':
      return 'Regulations';
    case 'rule':
      return 'Rules';
    default:
      return 'Cases';
  }
}

/** "Ashcroft v. Iqbal, 556 U.S. 662 (2009)", "42 U.S.C. § 1983". */
export function authorityLabel(a: { authority: string | null; key: string; name: string | null; year: number | null }): string {
  const cite = a.authority ?? a.key;
  const name = a.name ? `${a.name}, ` : '';
  const year = a.year ? ` (${a.year})` : '';
  return `${name}${cite}${year}`;
}
