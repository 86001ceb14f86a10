// First paint of a 10,000-event timeline without a browser: the model, the
// projection (markers in view, label layout) and the draw calls into a
// recording 2D context. The real-canvas figure comes from the dev harness
// (see README.md in this folder). Run: cd ui && npx vitest bench --run src/features/timeline
import { bench, describe } from 'vitest';
import { draw } from './draw';
import { generateTimeline } from './generate';
import { buildModel } from './layout';
import { fitScale } from './scale';
import { estimateWidth, gutterWidth, project } from './view';

/** A 2D context that only counts calls: enough to time our side of drawing. */
class CountingContext {
  calls = 0;
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  font = '';
  textAlign = 'left';
  textBaseline = 'alphabetic';
  globalAlpha = 1;
  lineJoin = 'miter';
  private op = () => {
    this.calls++;
  };
  fillRect = this.op;
  beginPath = this.op;
  moveTo = this.op;
  lineTo = this.op;
  closePath = this.op;
  arc = this.op;
  arcTo = this.op;
  rect = this.op;
  fill = this.op;
  stroke = this.op;
  fillText = this.op;
  strokeText = this.op;
  setLineDash = this.op;
  save = this.op;
  restore = this.op;
  clip = this.op;
  bezierCurveTo = this.op;
  setTransform = this.op;
  measureText = (t: string) => ({ width: t.length * 6 });
}

const WIDTH = 1280;
const HEIGHT = 460;
const data = generateTimeline(10_000);

function firstPaint(): void {
  const model = buildModel(data, [], { today: 20_000 });
  const x0 = gutterWidth(WIDTH);
  const view = project(model, fitScale(model.first, model.last, x0, WIDTH - 18), WIDTH, HEIGHT, estimateWidth);
  const ctx = new CountingContext() as unknown as CanvasRenderingContext2D;
  draw(ctx, view, { selectedKey: null, hoverKey: null, focusKey: null, today: null });
}

describe('timeline first paint, 10,000 events', () => {
  bench('model + projection + draw (counting context)', firstPaint, { iterations: 30, warmupIterations: 3 });

  const model = buildModel(data, [], { today: 20_000 });
  const x0 = gutterWidth(WIDTH);
  const scale = fitScale(model.first, model.last, x0, WIDTH - 18);
  bench('model only', () => {
    buildModel(data, [], { today: 20_000 });
  });
  bench('projection only (labels included)', () => {
    project(model, scale, WIDTH, HEIGHT, estimateWidth);
  });
});
