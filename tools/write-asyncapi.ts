import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asyncApiYaml, buildAsyncApi } from './asyncapi';

/** Writes docs/asyncapi.yaml from the message registries of libs/contracts (no infrastructure needed). */
writeFileSync(resolve(__dirname, '..', 'docs', 'asyncapi.yaml'), asyncApiYaml());
console.log(`docs/asyncapi.yaml: ${Object.keys(buildAsyncApi().channels as object).length} channels`);
