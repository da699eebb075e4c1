// fontkit (pdfkit's font engine) ships no types; the tests only ask a font which glyphs it has.
declare module 'fontkit' {
  export function create(data: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
}
