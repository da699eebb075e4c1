import type { FastifyRequest } from 'fastify';
import { AppError } from '@ocop/contracts';

/** First bytes of the accepted file kinds: the declared type must match the content. */
const MAGIC: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export interface Upload { data: Buffer; fileName: string; contentType: string; type: string | undefined }

/** Reads one uploaded file (multipart/form-data, an optional `type` field first): PDF, JPEG or PNG whose content matches its declared type. */
export async function readUpload(req: FastifyRequest, limitBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw AppError.validation('MULTIPART_REQUIRED', 'upload the file as multipart/form-data', 'file');
  const part = await req.file({ limits: { fileSize: limitBytes, files: 1, fields: 4 } });
  if (!part) throw AppError.validation('FILE_REQUIRED', 'a file part is required', 'file');
  const typeField = part.fields.type as { value?: unknown } | undefined;
  const data = await part.toBuffer();
  const magic = MAGIC[part.mimetype];
  if (!magic) throw AppError.validation('DOCUMENT_CONTENT_TYPE', 'only PDF, JPEG and PNG files are accepted', 'file');
  if (data.length < magic.length || magic.some((b, i) => data[i] !== b)) {
    throw AppError.validation('DOCUMENT_CONTENT_MISMATCH', `the file content is not ${part.mimetype}`, 'file');
  }
  return { data, fileName: part.filename.slice(0, 255) || 'document', contentType: part.mimetype, type: typeof typeField?.value === 'string' ? typeField.value : undefined };
}
