import { readFileSync } from 'node:fs';

// Tinos (Google Fonts, SIL OFL 1.1) is metric-compatible with Times New Roman, the typeface that
// Nghị định 30/2020/NĐ-CP prescribes for administrative documents, and covers every Vietnamese
// letter with precomposed glyphs. The npm package ships the full TTF files (not per-subset WOFF),
// which pdfkit subsets on embedding: a document carries only the glyphs it uses.

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FONT_FILES: Record<FontFace, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

/** The name each face is registered under in a document. */
export const FONT: Record<FontFace, string> = {
  regular: 'Tinos',
  bold: 'Tinos-Bold',
  italic: 'Tinos-Italic',
  boldItalic: 'Tinos-BoldItalic',
};

const cache = new Map<FontFace, Buffer>();

/** The TTF bytes of a face, read once per process. */
export function fontData(face: FontFace): Buffer {
  let data = cache.get(face);
  if (data === undefined) {
    data = readFileSync(require.resolve(FONT_FILES[face]));
    cache.set(face, data);
  }
  return data;
}
