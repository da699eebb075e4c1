import * as QRCode from 'qrcode';
import { VERIFY_URL } from '../test/certificate.fixture';
import { QR_WIDTH_PX, qrPng, qrSvg } from './qr';

// No QR decoder is at hand: the tests check the image and what qrcode encodes, not a scan.

const pngWidth = (png: Buffer): number => png.readUInt32BE(16);

describe('qrPng', () => {
  it('gives a square PNG exactly as wide as asked, even where the qrcode rounding would lose a pixel (183, 349)', async () => {
    for (const widthPx of [183, 349, QR_WIDTH_PX]) {
      const png = await qrPng(VERIFY_URL, { widthPx });
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.toString('latin1', 12, 16)).toBe('IHDR');
      expect(pngWidth(png)).toBe(widthPx);
      expect(png.readUInt32BE(20)).toBe(widthPx);
      // 8-bit grayscale, no alpha channel to split off in the PDF.
      expect([png[24], png[25]]).toEqual([8, 0]);
    }
    expect(pngWidth(await qrPng('https://ocop.example/x'))).toBe(QR_WIDTH_PX);
  });

  it('fits a 400-character verification link at level M in version 15 (77 modules)', () => {
    expect(VERIFY_URL).toHaveLength(400);
    const code = QRCode.create(VERIFY_URL, { errorCorrectionLevel: 'M' });
    expect(code.errorCorrectionLevel.bit).toBe(QRCode.create('x', { errorCorrectionLevel: 'M' }).errorCorrectionLevel.bit);
    expect(code.version).toBe(15);
    expect(code.modules.size).toBe(77);
    // 600 px over 77 modules and the 2-module margins on each side: more than 7 pixels a module.
    expect(QR_WIDTH_PX / (code.modules.size + 4)).toBeGreaterThan(7);
  });

  it('is deterministic and refuses a width below one pixel a module, or a text too long for any QR code', async () => {
    expect((await qrPng(VERIFY_URL)).equals(await qrPng(VERIFY_URL))).toBe(true);
    await expect(qrPng(VERIFY_URL, { widthPx: 80 })).rejects.toThrow(RangeError);
    await expect(qrPng(VERIFY_URL, { widthPx: 300.5 })).rejects.toThrow(RangeError);
    await expect(qrPng('x'.repeat(3000))).rejects.toThrow();
  });
});

describe('qrSvg', () => {
  it('gives an SVG of the same code: 77 modules and the 2-module margins', async () => {
    const svg = await qrSvg(VERIFY_URL);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 81 81"')).toBe(true);
    expect(svg).toContain('shape-rendering="crispEdges"');
  });
});
