// Notes and tags in the double, after crates/store/src/notes.rs and the tag lists of
// agenda.rs: notes on any target, tags (one name, any letter case) on cases,
// events and documents.

import type { EventId, Note, NoteId, NoteTarget, ProceedingId, Tag, TagId } from '../../bindings';
import { binary, copy, invalid, nocase, notFound, sameTarget, type Database } from './database';

/** `check_target_exists`: documents are taken on trust, as in the core. */
function checkTarget(db: Database, target: NoteTarget): void {
  const exists = (() => {
    switch (target.kind) {
      case 'case':
        return db.cases.some((c) => c.id === target.id);
      case 'proceeding':
        return db.proceedings.some((p) => p.id === target.id);
      case 'event':
        return db.events.some((e) => e.id === target.id);
      case 'document':
        return true;
      default: {
        const never: never = target;
        return never;
      }
    }
  })();
  if (!exists) throw notFound(`nothing to attach to: no ${target.kind} #${target.id}`);
}

const untaggable = () => invalid('proceedings are not tagged; tag the case or its events');

/** The notes on one thing, oldest first. */
export function listNotes(db: Database, target: NoteTarget): Note[] {
  return copy(db.notes.filter((n) => sameTarget(n.target, target)).sort((a, b) => a.id - b.id));
}

export function addNote(db: Database, target: NoteTarget, body: string): Note {
  if (body.trim() === '') throw invalid('a note cannot be empty');
  checkTarget(db, target);
  const now = db.now();
  const n: Note = { id: db.id(), target: { kind: target.kind, id: target.id } as NoteTarget, body, created_at: now, updated_at: now };
  db.notes.push(n);
  return copy(n);
}

export function editNote(db: Database, noteId: NoteId, body: string): void {
  if (body.trim() === '') throw invalid('a note cannot be empty');
  const n = db.note(noteId);
  n.body = body;
  n.updated_at = db.now();
}

export function listTags(db: Database, target: NoteTarget): Tag[] {
  if (target.kind === 'proceeding') throw untaggable();
  const ids = new Set(db.taggings.filter((t) => sameTarget(t.target, target)).map((t) => t.tagId));
  return copy(db.tags.filter((t) => ids.has(t.id)).sort((a, b) => nocase(a.name, b.name)));
}

export function addTag(db: Database, target: NoteTarget, name: string): Tag {
  const clean = name.trim();
  if (clean === '' || /\p{Cc}/u.test(clean)) throw invalid('a tag needs a name without control characters');
  if (target.kind === 'proceeding') throw untaggable();
  checkTarget(db, target);
  let tag = db.tags.find((t) => nocase(t.name, clean) === 0);
  if (!tag) {
    tag = { id: db.id(), name: clean };
    db.tags.push(tag);
  }
  const tagId = tag.id;
  if (!db.taggings.some((t) => t.tagId === tagId && sameTarget(t.target, target)))
    db.taggings.push({ tagId, target: { kind: target.kind, id: target.id } as NoteTarget });
  return copy(tag);
}

export function removeTag(db: Database, target: NoteTarget, tagId: TagId): void {
  db.taggings = db.taggings.filter((t) => !(t.tagId === tagId && sameTarget(t.target, target)));
}

/** Every tag in use (every tag ever made: the core keeps them), by name. */
export function listAllTags(db: Database): Tag[] {
  return copy([...db.tags].sort((a, b) => nocase(a.name, b.name)));
}

/** The events of a proceeding tagged `tag` (any letter case), in date order. */
export function listEventsTagged(db: Database, proceedingId: ProceedingId, tag: string): EventId[] {
  const want = tag.trim();
  return db.events
    .filter((e) => e.proceeding_id === proceedingId)
    .filter((e) => db.tagNames({ kind: 'event', id: e.id }).some((n) => nocase(n, want) === 0))
    .sort((a, b) => binary(a.date, b.date) || a.id - b.id)
    .map((e) => e.id);
}
