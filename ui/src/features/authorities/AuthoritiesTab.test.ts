// The case page's Authorities tab over the in-memory backend: the table in
// groups, most cited first, and a page opening the viewer with the citation marked.
import { describe, expect, it } from 'vitest';
import type { Route } from '../../lib/route';
import { MemoryBackend } from '../../lib/memory/backend';
import { render, settle } from '../../test/render';
import AuthoritiesTab from './AuthoritiesTab.svelte';
import { authorityGroups } from './authorities';

const base = { start: 0, end: 10, pin: null, court: null, name: null, year: null };

async function setup() {
  const backend = new MemoryBackend();
  const c = await backend.addCase({ name: 'Fixture v. Example', slug: 'fixture', summary: '' });
  const brief = backend.seedDocument({ title: 'Brief', pages: ['a', 'b', 'c'], case_id: c.id });
  const reply = backend.seedDocument({ title: 'Reply', pages: ['a'], case_id: c.id });
  const other = backend.seedDocument({ title: 'Elsewhere', pages: ['a'] });
  const iqbal = { ...base, kind: 'case', key: '556 U.S. 662', authority: '556 U.S. 662', text: '556 U.S. 662' };
  backend.seedFound(brief.id, {
    citations: [
      { ...iqbal, page: 2, name: 'Ashcroft v. Iqbal', year: 2009 },
      { ...iqbal, page: 2, start: 50, kind: 'id', key: 'Id.', text: 'Id.' },
      { ...base, page: 2, kind: 'statute', key: '42 U.S.C. § 1983', authority: '42 U.S.C. § 1983', text: '42 U.S.C. § 1983' },
      { ...iqbal, page: 3, kind: 'short_case', key: '556 U.S. at 679', text: '556 U.S. at 679' },
    ],
  });
  backend.seedFound(reply.id, { citations: [{ ...iqbal, key: '129 S. Ct. 1937', text: '129 S. Ct. 1937', page: 1 }] });
  backend.seedFound(other.id, { citations: [{ ...base, page: 1, kind: 'rule', key: 'Fed. R. Civ. P. 12', authority: 'Fed. R. Civ. P. 12', text: 'x' }] });
  const went: Route[] = [];
  render(AuthoritiesTab, { props: { caseId: c.id }, backend, navigate: (r) => went.push(r) });
  await settle();
  return { went, brief };
}

const all = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];

describe('AuthoritiesTab', () => {
  it('shows the case’s authorities, most cited first, with their documents and pages', async () => {
    await setup();
    expect(all('[data-testid=authority-group]').map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Cases (1)',
      'Statutes (1)',
    ]);
    const rows = all('[data-testid=authority]').map((r) => r.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(rows[0]).toContain('Ashcroft v. Iqbal, 556 U.S. 662 (2009)');
    expect(rows[0]).toContain('also 129 S. Ct. 1937');
    expect(rows[0]).toContain('4×');
    const first = all('[data-testid=authority]')[0];
    const pages = [...first.querySelectorAll<HTMLElement>('[data-testid=authority-page]')].map((b) => b.getAttribute('aria-label'));
    expect(pages).toEqual(['Brief, page 2', 'Brief, page 3', 'Reply, page 1']);
    expect(rows[0]).toContain('Reply: p. 1');
    expect(rows.join(' ')).not.toContain('Fed. R. Civ. P.');
  });

  it('opens the viewer at a citing page with the authority to mark', async () => {
    const { went, brief } = await setup();
    const page3 = all('[data-testid=authority-page]').find((b) => b.dataset.page === '3' && b.dataset.document === String(brief.id));
    expect(page3?.getAttribute('aria-label')).toBe('Brief, page 3');
    page3!.click();
    expect(went).toEqual([{ view: 'document', documentId: brief.id, page: 3, cite: '556 U.S. 662' }]);
  });
});

describe('authorityGroups', () => {
  it('keeps the core’s order within each group and names each authority', () => {
    const a = (kind: string, authority: string, count: number) => ({
      kind,
      authority,
      parallel: [],
      name: null,
      court: null,
      year: null,
      count,
      documents: [],
    });
    const groups = authorityGroups([a('rule', 'Fed. R. Civ. P. 12', 5), a('case', '550 U.S. 544', 3), a('public_law', 'Pub. L. No. 115-141', 2), a('case', '556 U.S. 662', 1)]);
    expect(groups.map((g) => [g.name, g.authorities.map((x) => x.label)])).toEqual([
      ['Cases', ['550 U.S. 544', '556 U.S. 662']],
      ['Statutes', ['Pub. L. No. 115-141']],
      ['Rules', ['Fed. R. Civ. P. 12']],
    ]);
  });
});
