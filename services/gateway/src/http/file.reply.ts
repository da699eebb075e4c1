import type { FastifyReply } from 'fastify';
import type { PdfView } from '@ocop/contracts';
import type { ObjectStorage } from '@ocop/persistence';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a service's file (base64 in its reply, a PDF unless told otherwise) as a download. */
export async function sendFile(reply: FastifyReply, file: PdfView, type = 'application/pdf'): Promise<void> {
  await reply
    .type(type)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(Buffer.from(file.contentBase64, 'base64'));
}

/** Sends a file the gateway stored (an upload a service describes by its storage key) as a download. */
export async function sendStoredFile(
  reply: FastifyReply,
  storage: ObjectStorage,
  file: { fileName: string; contentType: string; storageKey: string },
): Promise<void> {
  await reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
    .send(await storage.get(file.storageKey));
}
