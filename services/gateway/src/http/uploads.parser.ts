import type { FastifyRequest } from 'fastify';
import { AppError } from '@ocop/contracts';
import type { ObjectStorage } from '@ocop/persistence';
import { assertStorableText } from './input.guard';

/** First bytes of the accepted file kinds: the declared type must match the content. */
const MAGIC: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export interface Upload {
  data: Buffer;
  fileName: string;
  contentType: string;
  type: string | undefined;
}

/** Reads one uploaded file (multipart/form-data, an optional `type` field first): PDF, JPEG or PNG whose content matches its declared type. */
export async function readUpload(req: FastifyRequest, limitBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw AppError.validation('MULTIPART_REQUIRED', 'upload the file as multipart/form-data', 'file');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: limitBytes, files: 1, fields: 4 } });
  } catch (err) {
    // Fastify's own multipart errors carry a code and status; the parser's (no boundary, a broken part) are the client's input.
    if (typeof (err as { code?: unknown }).code === 'string' && (err as { code: string }).code.startsWith('FST_')) throw err;
    throw AppError.validation('MULTIPART_INVALID', `the multipart body cannot be read (${(err as Error).message})`, 'file');
  }
  if (!part) throw AppError.validation('FILE_REQUIRED', 'a file part is required', 'file');
  if (part.fieldname !== 'file')
    throw AppError.validation('FILE_REQUIRED', `the file part must be named "file", not "${part.fieldname.slice(0, 50)}"`, 'file');
  assertStorableText(part.filename, 'file');
  for (const [name, f] of Object.entries(part.fields)) {
    assertStorableText(name, name);
    const value = (f as { value?: unknown } | undefined)?.value;
    if (typeof value === 'string') assertStorableText(value, name);
  }
  const typeField = part.fields.type as { value?: unknown } | undefined;
  const data = await part.toBuffer();
  const magic = MAGIC[part.mimetype];
  if (!magic) throw AppError.validation('DOCUMENT_CONTENT_TYPE', 'only PDF, JPEG and PNG files are accepted', 'file');
  if (data.length < magic.length || magic.some((b, i) => data[i] !== b)) {
    throw AppError.validation('DOCUMENT_CONTENT_MISMATCH', `the file content is not ${part.mimetype}`, 'file');
  }
  return {
    data,
    fileName: part.filename.slice(0, 255) || 'document',
    contentType: part.mimetype,
    type: typeof typeField?.value === 'string' ? typeField.value : undefined,
  };
}

/** What a service records of a stored upload. */
export interface StoredFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** Stores an upload under `folder`, then sends its description to the service; a refusal deletes the file, leaving nothing behind. */
export async function storeThenSend<T>(
  storage: ObjectStorage,
  folder: string,
  upload: Upload,
  send: (file: StoredFile) => Promise<T>,
): Promise<T> {
  const stored = await storage.put(folder, upload.data);
  try {
    return await send({
      fileName: upload.fileName,
      contentType: upload.contentType,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
    });
  } catch (err) {
    await storage.delete(stored.key);
    throw err;
  }
}
