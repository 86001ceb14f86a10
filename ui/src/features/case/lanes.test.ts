import { describe, expect, it } from 'vitest';
import { LANE_LIMIT, laneWindow } from './lanes';

const events = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe('laneWindow', () => {
  it('shows a short lane whole', () => {
    expect(laneWindow(events(3), LANE_LIMIT)).toEqual({ shown: events(3), hidden: 0 });
  });

  it('shows the latest events of a long lane and counts the rest', () => {
    const w = laneWindow(events(1000), 100);
    expect(w.hidden).toBe(900);
    expect(w.shown).toHaveLength(100);
    expect(w.shown[0].id).toBe(901);
    expect(w.shown[99].id).toBe(1000);
  });

  it('reaches back to an earlier selected event', () => {
    const w = laneWindow(events(1000), 100, 42);
    expect(w.hidden).toBe(41);
    expect(w.shown[0].id).toBe(42);
  });

  it('ignores a selection in another lane or already shown', () => {
    expect(laneWindow(events(1000), 100, 5000).hidden).toBe(900);
    expect(laneWindow(events(1000), 100, 950).hidden).toBe(900);
  });

  it('treats a negative limit as none', () => {
    expect(laneWindow(events(5), -3)).toEqual({ shown: [], hidden: 5 });
  });
});
