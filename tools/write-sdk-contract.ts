import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SDK_CONTRACT_FILE, sdkContractSource } from './sdk-contract';

/** `npm run sdk:contract`: writes the SDK's contract types from libs/contracts (tools/sdk-contract.ts says how). */
const source = sdkContractSource();
writeFileSync(resolve(__dirname, '..', SDK_CONTRACT_FILE), source);
console.log(`${SDK_CONTRACT_FILE}: ${(source.match(/^export interface /gm) ?? []).length} interfaces`);
