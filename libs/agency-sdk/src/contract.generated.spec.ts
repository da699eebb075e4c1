import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVENT_PAYLOADS, AGENCY_API, AgencyEventPayloads } from '@ocop/contracts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the generator is a tool: it reads libs/contracts, which the SDK itself may not
import { SDK_CONTRACT_FILE, sdkContractSource } from '../../../tools/sdk-contract';
import { AGENCY_EVENT_TYPES, AGENCY_REQUEST_NAMES, PLATFORM_EVENT_TYPES } from './contract.generated';

describe('contract.generated.ts', () => {
  it('is what `npm run sdk:contract` writes from the contracts now', () => {
    const committed = readFileSync(resolve(__dirname, '../../..', SDK_CONTRACT_FILE), 'utf8');
    // On failure: run `npm run sdk:contract` and commit the file with the contract change.
    expect(committed).toBe(sdkContractSource());
  });

  it('lists every registered type: platform events, agency events, agency requests', () => {
    const agency = Object.keys(AgencyEventPayloads);
    expect([...PLATFORM_EVENT_TYPES].sort()).toEqual(
      Object.keys(EVENT_PAYLOADS)
        .filter((t) => !agency.includes(t))
        .sort(),
    );
    expect([...AGENCY_EVENT_TYPES].sort()).toEqual(agency.sort());
    expect([...AGENCY_REQUEST_NAMES].sort()).toEqual(Object.keys(AGENCY_API).sort());
  });

  it('types the opinion request and its event from the payload classes', () => {
    const source = sdkContractSource();
    const block = (name: string) => source.slice(source.indexOf(`export interface ${name} {`)).split('\n}\n')[0];
    expect(block('GiveOpinionCommand')).toContain("conclusion: 'FAVOURABLE' | 'CONDITIONAL' | 'UNFAVOURABLE';");
    expect(block('GiveOpinionCommand')).toContain('reference?: string;');
    expect(block('GiveOpinionCommand')).toContain('Length 3–10000.');
    expect(block('OpinionRequestedData')).toMatch(/dueAt: string;/);
    expect(block('OpinionRequestedData')).toMatch(/required: boolean;/);
    // A reply class without validation rules is read from its @ApiProperty metadata, nullable fields included.
    expect(block('OpinionView')).toContain("status: 'REQUESTED' | 'GIVEN';");
    expect(block('OpinionView')).toContain('givenAt?: string | null;');
    expect(source).toContain("'opinion.give': { request: GiveOpinionCommand; reply: OpinionView };");
  });

  it('reads Nullable() as present-or-null and IsOptional() as absent', () => {
    const source = sdkContractSource();
    // DossierProposedData: communeAssessment is Nullable(), requiredOpinions IsOptional().
    expect(source).toContain('communeAssessment: CommuneAssessmentData | null;');
    expect(source).toContain('requiredOpinions?: string[];');
  });
});
