// pdf.js, bundled by Vite: the library in the app's bundle and its worker as a
// file of the app's own origin (`?url`), so nothing comes from the network and
// the CSP stays `'self'`. `isEvalSupported: false` keeps pdf.js from compiling
// font programs with `new Function` (the CSP has no 'unsafe-eval').
//
// Each document gets a worker started here and handed to pdf.js as a port: given only
// `workerSrc`, pdf.js sees the app's `tauri://localhost` origin as opaque
// ("null"), takes the worker for cross-origin and wraps it in a `blob:` URL,
// which would need `worker-src blob:` in the CSP. Started by us, it is a plain
// same-origin module worker that `script-src 'self'` already allows.

import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

/** An open PDF and how to close it (the document, then its own worker). */
export interface OpenPdf {
  doc: PDFDocumentProxy;
  close(): void;
}

/** Open a PDF from its bytes (the viewer never gives pdf.js a URL), on a worker of its own. */
export async function openPdf(bytes: ArrayBuffer): Promise<OpenPdf> {
  const port = new Worker(workerUrl, { type: 'module' });
  const worker = pdfjs.PDFWorker.create({ port });
  const stop = () => {
    worker.destroy();
    port.terminate();
  };
  try {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      worker,
      isEvalSupported: false,
      enableXfa: false,
      // No network: no range requests, no standard-font or CMap fetches.
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
    }).promise;
    return { doc, close: () => void doc.destroy().finally(stop) };
  } catch (e) {
    stop();
    throw e;
  }
}

/** A rendered page: its size in CSS pixels and the text layer's spans with their text. */
export interface RenderedPage {
  width: number;
  height: number;
  spans: HTMLElement[];
  texts: string[];
  /** The page box in PDF points (`[x0, y0, x1, y1]`) and the drawn rotation, for rectangles the core recorded. */
  view: number[];
  rotation: number;
}

/** Draw page `number` at `scale` into `canvas`, and its text layer into `textLayer`. */
export async function renderPage(
  doc: PDFDocumentProxy,
  number: number,
  scale: number,
  canvas: HTMLCanvasElement,
  textLayer: HTMLElement,
): Promise<RenderedPage> {
  const page: PDFPageProxy = await doc.getPage(number);
  const viewport: PageViewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  await page.render({
    canvas,
    viewport,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  }).promise;

  textLayer.replaceChildren();
  // pdf.js sizes and places the spans with these variables (pdf_viewer.css sets them).
  textLayer.style.setProperty('--total-scale-factor', String(scale));
  textLayer.style.setProperty('--scale-round-x', '1px');
  textLayer.style.setProperty('--scale-round-y', '1px');
  const layer = new pdfjs.TextLayer({
    textContentSource: page.streamTextContent(),
    container: textLayer,
    viewport,
  });
  await layer.render();
  return {
    width: viewport.width,
    height: viewport.height,
    spans: layer.textDivs,
    texts: layer.textContentItemsStr,
    view: [...page.view],
    rotation: viewport.rotation,
  };
}

/** The text items of a page (for counting search hits on pages not shown). */
export async function pageTexts(doc: PDFDocumentProxy, number: number): Promise<string[]> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent();
  return content.items.flatMap((item) => ('str' in item ? [item.str] : []));
}
