import { describe, expect, it } from 'vitest';
import { BackendError } from '../backend';
import { MemoryBackend } from './backend';

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p;
  } catch (e) {
    return e as BackendError;
  }
  throw new Error('expected the call to fail');
}

describe('MemoryBackend', () => {
  it('loads the sample case once', async () => {
    const b = await MemoryBackend.sample();
    const again = await b.loadDemo();
    expect(again.created).toBe(false);
    expect(await b.listCases()).toHaveLength(1);
  });

  it('builds a timeline across proceedings in date order', async () => {
    const b = await MemoryBackend.sample();
    const [c] = await b.listCases();
    const t = await b.getTimeline(c.id);
    expect(t.proceedings.map((p) => p.court)).toEqual(['S.D.N.Y.', '2d Cir.', 'U.S. Supreme Court']);
    const dates = t.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('logs an event and touches the case', async () => {
    const b = await MemoryBackend.sample();
    const [c] = await b.listCases();
    const [p] = await b.listProceedings(c.id);
    const before = c.updated_at;
    await new Promise((r) => setTimeout(r, 5));
    const e = await b.logEvent({
      proceeding_id: p.id, date: '2014-06-06', kind: 'objection', title: 'Objections', description: '',
      entry: null, outcome: null, side: null, filers: ['Microsoft Corp.'], source: '', certainty: 'confirmed',
    });
    expect(e.parties).toEqual([expect.objectContaining({ name: 'Microsoft Corp.', role: 'filer' })]);
    expect((await b.listEvents(p.id)).map((x) => x.id)).toContain(e.id);
    expect((await b.listCases())[0].updated_at > before).toBe(true);
  });

  it('answers bad input with {kind, message} like the core', async () => {
    const b = await MemoryBackend.sample();
    const base = {
      proceeding_id: 999, date: '2014-06-06', kind: 'motion' as const, title: 'M', description: '',
      entry: null, outcome: null, side: null, filers: [], source: '', certainty: 'confirmed' as const,
    };
    const missing = await rejection(b.logEvent(base));
    expect(missing).toBeInstanceOf(BackendError);
    expect(missing.kind).toBe('not_found');
    const outcome = await rejection(b.logEvent({ ...base, outcome: 'denied' }));
    expect(outcome.kind).toBe('invalid_input');
    expect(outcome.message).toContain('only a ruling');
    expect((await rejection(b.logEvent({ ...base, date: '2014-02-30' }))).kind).toBe('invalid_input');
  });

  it('keeps notes and tags per target', async () => {
    const b = await MemoryBackend.sample();
    const target = { kind: 'event' as const, id: 5 };
    const n = await b.addNote(target, 'Check the cite');
    await b.editNote(n.id, 'Checked');
    expect((await b.listNotes(target)).map((x) => x.body)).toEqual(['Checked']);
    expect(await b.listNotes({ kind: 'event', id: 6 })).toEqual([]);
    const t = await b.addTag(target, 'stay');
    await b.addTag(target, 'Stay');
    expect(await b.listTags(target)).toEqual([t]);
    await b.removeTag(target, t.id);
    expect(await b.listTags(target)).toEqual([]);
    expect((await rejection(b.addNote(target, '  '))).kind).toBe('invalid_input');
  });

  it('delivers dropped files to subscribers until they unsubscribe', async () => {
    const b = new MemoryBackend();
    const got: string[][] = [];
    const stop = await b.onFilesDropped((p) => got.push(p));
    b.dropFiles(['/tmp/a.pdf']);
    stop();
    b.dropFiles(['/tmp/b.pdf']);
    expect(got).toEqual([['/tmp/a.pdf']]);
  });
});

describe('BackendError.from', () => {
  it('keeps a command error report and wraps anything else', () => {
    const e = BackendError.from({ kind: 'not_found', message: 'no case #9' });
    expect([e.kind, e.message]).toEqual(['not_found', 'no case #9']);
    expect(BackendError.from('boom').kind).toBe('io');
    expect(BackendError.from(new Error('x')).message).toBe('x');
  });

  it("lists one case's deadlines, soonest first, and none for an unknown case (as Store::deadlines)", async () => {
    const b = await MemoryBackend.sample();
    const [demo] = await b.listCases();
    const other = await b.addCase({ slug: 'other', name: 'Other', summary: '' });
    b.seedDeadline({ case_id: demo.id, title: 'Reply', due: '2999-02-01' });
    b.seedDeadline({ case_id: demo.id, title: 'Opening', due: '2999-01-01' });
    b.seedDeadline({ case_id: other.id, title: 'Elsewhere', due: '2999-01-15' });
    expect((await b.listCaseDeadlines(demo.id)).map((d) => d.title)).toEqual(['Opening', 'Reply']);
    expect(await b.listCaseDeadlines(999)).toEqual([]);
  });
});
