import type { TextItem } from 'pdfjs-dist/types/src/display/api';

// Text extraction for tests with Mozilla's PDF.js (the legacy build runs on Node 20). Jest loads
// its ES modules through the swc transform (jest.config.cjs allow-list); the worker runs in this
// thread, handed over as globalThis.pdfjsWorker instead of a worker file.

export interface PdfText {
  pageCount: number;
  /** Text of each page: lines end with '\n', pieces on one line are joined as PDF.js splits them. */
  pages: string[];
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

export async function pdfText(bytes: Buffer): Promise<PdfText> {
  pdfjs ??= loadPdfjs();
  const { getDocument } = await pdfjs;
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((item): item is TextItem => 'str' in item)
          .map((item) => item.str + (item.hasEOL ? '\n' : ''))
          .join(''),
      );
    }
    return { pageCount: doc.numPages, pages };
  } finally {
    await doc.destroy();
  }
}

/** Collapses every run of white space to one space, so wrapped lines compare as written. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * How often each drawing operator occurs on each page, by PDF.js name ('paintImageXObject'); a
 * path counts under the operator that paints it ('constructPath:fillStroke').
 */
export async function pdfOperators(bytes: Buffer): Promise<Array<Record<string, number>>> {
  pdfjs ??= loadPdfjs();
  const { getDocument, OPS } = await pdfjs;
  const names = new Map(Object.entries(OPS).map(([name, code]) => [code, name]));
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: Array<Record<string, number>> = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
      const counts: Record<string, number> = {};
      fnArray.forEach((fn, i) => {
        const args: unknown = argsArray[i];
        const painter = fn === OPS.constructPath && Array.isArray(args) ? `:${names.get(args[0] as number)}` : '';
        const name = `${names.get(fn)}${painter}`;
        counts[name] = (counts[name] ?? 0) + 1;
      });
      pages.push(counts);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
