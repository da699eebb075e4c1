import * as QRCode from 'qrcode';

// QR codes for the verification link printed on certificates. Level M (15 % recovery) keeps a
// long link (about 400 characters with its signature) at version 15, 77 modules a side; the quiet
// zone is 2 modules, which the white page around the code extends.

const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

// pngjs options that qrcode passes through (its types name only the deflate ones): 8-bit grayscale
// without the alpha channel, which pdfkit would otherwise split off into a soft mask. qrcode
// writes the size into them, hence a copy for each image.
const PNG_OPTIONS = { deflateLevel: 9, colorType: 0 };

/** Default pixel width: about 7 pixels a module for a 400-character link, sharp in print. */
export const QR_WIDTH_PX = 600;

/** A square black-on-white grayscale PNG exactly `widthPx` pixels wide. Throws if the text does not fit a QR code. */
export async function qrPng(text: string, o: { widthPx?: number } = {}): Promise<Buffer> {
  const width = o.widthPx ?? QR_WIDTH_PX;
  if (!Number.isInteger(width) || width <= 0) throw new RangeError(`Not a pixel width: ${width}`);
  const modules = QRCode.create(text, OPTIONS).modules.size + 2 * OPTIONS.margin;
  if (width < modules) throw new RangeError(`${width} px is narrower than the ${modules} modules of the code`);
  // qrcode sizes the image as floor(modules × width / modules), which floating point may take one
  // pixel short; half a pixel more gives exactly `width`.
  return QRCode.toBuffer(text, { ...OPTIONS, width: width + 0.5, rendererOpts: { ...PNG_OPTIONS } });
}

/** The same code as an SVG document (scalable, for an HTML page). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: 'svg' });
}
