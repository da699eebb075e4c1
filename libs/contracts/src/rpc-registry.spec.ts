import { Role } from './actor';
import { PUBLIC_CALL } from './rpc';
import { BUS_SERVICES, RPC_REGISTRY, rpcSpec } from './rpc-registry';
import { RegistrationSubjects } from './registration/registration.subjects';
import { ScoringSubjects } from './scoring/scoring.subjects';
import { CertificationSubjects } from './certification/certification.subjects';
import { InspectionSubjects } from './inspection/inspection.subjects';
import { IdentitySubjects } from './identity/identity.dto';
import { TradePromotionSubjects } from './trade-promotion/trade-promotion.subjects';
import { TrainingSubjects } from './training/training.subjects';
import { ProgrammeSubjects } from './programme/programme.subjects';

const declared = [
  RegistrationSubjects,
  ScoringSubjects,
  CertificationSubjects,
  InspectionSubjects,
  TradePromotionSubjects,
  TrainingSubjects,
  ProgrammeSubjects,
  IdentitySubjects,
].flatMap((s) => Object.values(s));

describe('RPC registry', () => {
  it('declares every subject the contracts name, and nothing else but the dead-letter admin subjects', () => {
    const missing = declared.filter((s) => !RPC_REGISTRY[s]);
    expect(missing).toEqual([]);
    const extra = Object.keys(RPC_REGISTRY).filter((s) => !declared.includes(s as never));
    expect(extra.every((s) => /^[\w-]+\.admin\.dead-letters\.(list|replay)$/.test(s))).toBe(true);
    expect(extra).toHaveLength(2 * BUS_SERVICES.length);
  });

  it('gives every subject at least one role or marks it public', () => {
    for (const [subject, spec] of Object.entries(RPC_REGISTRY)) {
      if (spec.roles === PUBLIC_CALL) continue;
      expect({ subject, roles: spec.roles.length > 0 }).toEqual({ subject, roles: true });
      for (const r of spec.roles) expect(Object.values(Role)).toContain(r);
    }
  });

  it('refuses a subject nobody declared', () => {
    expect(() => rpcSpec('registration.nothing')).toThrow(/registration\.nothing/);
    expect(rpcSpec(RegistrationSubjects.dossierSubmit).roles).toEqual([Role.PRODUCER, Role.CONSULTANT, Role.COMMUNE_OFFICER]);
  });
});
