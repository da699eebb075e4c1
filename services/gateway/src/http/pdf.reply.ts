import type { FastifyReply } from 'fastify';
import type { PdfView } from '@ocop/contracts';

/** Sends a service's PDF (base64 in its reply) as a download. */
export async function sendPdf(reply: FastifyReply, pdf: PdfView): Promise<void> {
  await reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
    .send(Buffer.from(pdf.contentBase64, 'base64'));
}
