import type { FastifyReply } from 'fastify';
import type { PdfView } from '@ocop/contracts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a service's file (base64 in its reply, a PDF unless told otherwise) as a download. */
export async function sendFile(reply: FastifyReply, file: PdfView, type = 'application/pdf'): Promise<void> {
  await reply
    .type(type)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(Buffer.from(file.contentBase64, 'base64'));
}
