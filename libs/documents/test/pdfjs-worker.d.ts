// PDF.js ships no types for its worker module; the tests only hand it to PDF.js (pdf-text.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
