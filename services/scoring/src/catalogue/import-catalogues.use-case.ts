import { Injectable } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '@ocop/contracts';
import type { CatalogueInvalidError } from '@ocop/domain';
import { CataloguePublisher } from './catalogue.publisher';

/** At start: imports every *.json of `dir` whose canonical content is not stored yet. A bad file is logged and skipped. */
@Injectable()
export class ImportCataloguesUseCase {
  constructor(private readonly publisher: CataloguePublisher) {}

  async execute(dir: string, logger: Logger): Promise<void> {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      try {
        const doc = JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
        const { revision, created } = await this.publisher.publish(SYSTEM_ACTOR, doc, `file:${file}`);
        if (created) logger.info({ code: revision.code, revision: revision.revision, file }, 'criteria catalogue imported');
      } catch (err) {
        logger.error(
          { err, file, issues: (err as CatalogueInvalidError).issues },
          `criteria catalogue file ${file} refused: ${(err as Error).message}`,
        );
      }
    }
  }
}
