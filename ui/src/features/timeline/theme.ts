// The timeline's look: colours, fonts, and text measured in those fonts.

import type { MarkerShape } from './layout';
import { SIZES } from './view';

export const COLORS = {
  bg: '#fbfbf8',
  band: '#f3f3ee',
  grid: '#e6e6e0',
  gridMajor: '#cdcdc5',
  axisText: '#6f6f6a',
  lane: '#b5b5ad',
  title: '#1b1b1b',
  subtitle: '#6b6b66',
  label: '#222222',
  leader: '#c4c4bc',
  ruling: '#1f5fbf',
  filing: '#555555',
  argument: '#2a8a4a',
  statute: '#0f7c7c',
  stay: '#d08a00',
  wave: '#8a5cc2',
  other: '#8a8a8a',
  appeal: '#1f5fbf',
  cluster: '#e4e4de',
  periodBracket: '#c9c9c0',
  clusterText: '#444',
  today: '#c0392b',
  selected: '#ff7a00',
  focus: '#111111',
  open: '#c0392b',
  done: '#3d8b5a',
  missed: '#7b1010',
  superseded: '#9a9a9a',
} as const;

export const FONT = `${SIZES.fontSize}px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif`;
export const BOLD = `600 ${FONT}`;

/** What is highlighted. */

/** The colour of each kind of marker. */
export const SHAPE_COLOR: Record<MarkerShape, string> = {
  ruling: COLORS.ruling,
  filing: COLORS.filing,
  argument: COLORS.argument,
  statute: COLORS.statute,
  stay: COLORS.stay,
  wave: COLORS.wave,
  other: COLORS.other,
};
export function makeMeasure(ctx: CanvasRenderingContext2D): (text: string, bold: boolean) => number {
  const tables = [FONT, BOLD].map((font) => {
    ctx.font = font;
    const widths = new Float32Array(128);
    for (let c = 32; c < 127; c++) widths[c] = ctx.measureText(String.fromCharCode(c)).width;
    return { font, widths, other: new Map<string, number>() };
  });
  return (text, bold) => {
    const t = tables[bold ? 1 : 0];
    let w = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 32 && c < 127) w += t.widths[c];
      else {
        const ch = text[i];
        let cw = t.other.get(ch);
        if (cw === undefined) {
          ctx.font = t.font;
          cw = ctx.measureText(ch).width;
          t.other.set(ch, cw);
        }
        w += cw;
      }
    }
    return w + 1;
  };
}
