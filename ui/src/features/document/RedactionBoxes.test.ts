// Bad redactions outlined over the drawn page: only the page's own, placed from points.
import { describe, expect, it } from 'vitest';
import { render } from '../../test/render';
import RedactionBoxes from './RedactionBoxes.svelte';

const redactions = [
  { document_id: 1, page: 1, rect: [61.2, 79.2, 306, 158.4] as [number, number, number, number], text: 'four hundred thousand' },
  { document_id: 1, page: 2, rect: [0, 0, 10, 10] as [number, number, number, number], text: 'elsewhere' },
];

describe('RedactionBoxes', () => {
  it('outlines the drawn page’s bad redactions with a label', () => {
    render(RedactionBoxes, { props: { redactions, page: 1, view: [0, 0, 612, 792], rotation: 0 } });
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-testid=bad-redaction]')];
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    expect(parseFloat(box.style.left)).toBeCloseTo(10, 3);
    expect(parseFloat(box.style.top)).toBeCloseTo(10, 3);
    expect(parseFloat(box.style.width)).toBeCloseTo(40, 3);
    expect(parseFloat(box.style.height)).toBeCloseTo(10, 3);
    expect(box.textContent).toContain('Bad redaction: text under this box is readable');
    expect(box.title).toBe('Under this box: four hundred thousand');
  });

  it('draws nothing on a page without any', () => {
    render(RedactionBoxes, { props: { redactions, page: 3, view: [0, 0, 612, 792], rotation: 0 } });
    expect(document.querySelector('[data-testid=bad-redaction]')).toBeNull();
  });
});
