import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { AppError, agencyConsumerName, agencyInboxPrefix, agencySubjectSpace, type Actor } from '@ocop/contracts';
import { SERVICE_NATS } from '@ocop/service-kit';
import { writeAudit, type Tx } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { Agency, AgencyCredential } from './agency.entity';
import { AgenciesRepository } from './agencies.repository';
import { AgencyNatsAuthority } from './agency-nats.authority';
import type { AgencyCredentialView, AgencyView, IssuedAgencyCredentialView, PutAgencyBody } from './agency.dto';

export const AGENCY_NATS = Symbol('AGENCY_NATS');

/** Every change here is an admin's, on an agency or one of its credentials. */
const audit = (tx: Tx, admin: Actor, action: string, entityType: string, entityId: string, details: Record<string, unknown>) =>
  writeAudit(tx, { actorId: admin.id, actorRole: admin.role, action, entityType, entityId, details });

const agencyView = (a: Agency): AgencyView => ({
  code: a.code,
  name: a.name,
  eventTypes: a.eventTypes,
  updatedAt: a.updatedAt.toISOString(),
});

const credentialView = (c: AgencyCredential): AgencyCredentialView => ({
  id: c.id,
  agencyCode: c.agencyCode,
  userKey: c.userKey,
  eventTypes: c.eventTypes,
  issuedAt: c.issuedAt.toISOString(),
  issuedBy: c.issuedBy,
  revokedAt: c.revokedAt?.toISOString() ?? null,
  revokedBy: c.revokedBy,
});

/**
 * The agencies whose services plug into the bus, their grants and their NATS credentials (issue 16): an admin
 * registers an agency with the public events it may hear, issues its service a credential (shown once) and revokes it
 * (the broker refuses it at once).
 */
@Injectable()
export class AgencyCredentialsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly agencies: AgenciesRepository,
    @Inject(AGENCY_NATS) private readonly nats: AgencyNatsAuthority,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
  ) {}

  async put(admin: Actor, code: string, body: PutAgencyBody): Promise<AgencyView> {
    const agency = Object.assign(new Agency(), { code, name: body.name.trim(), eventTypes: [...body.eventTypes].sort(), updatedAt: now() });
    await this.ds.transaction(async (tx) => {
      await this.agencies.saveAgency(tx, agency);
      await audit(tx, admin, 'agency.put', 'agency', code, { name: agency.name, eventTypes: agency.eventTypes });
    });
    return agencyView(agency);
  }

  async list(): Promise<AgencyView[]> {
    return (await this.agencies.list()).map(agencyView);
  }

  async credentials(code: string): Promise<AgencyCredentialView[]> {
    await this.agency(code);
    return (await this.agencies.credentialsOf(code)).map(credentialView);
  }

  async issue(admin: Actor, code: string): Promise<IssuedAgencyCredentialView> {
    const issuer = this.nats.requireIssuer();
    const agency = await this.agency(code);
    const grant = { agencyCode: code, eventTypes: agency.eventTypes };
    // Its durable consumers first (one per granted type, in the platform's stream): without them the credential reads nothing.
    const consumers = await this.nats.ensureConsumers(this.nc, grant);
    const issued = await issuer.issue(grant);
    const credential = Object.assign(new AgencyCredential(), {
      id: randomUUID(),
      agencyCode: code,
      userKey: issued.userKey,
      eventTypes: agency.eventTypes,
      issuedAt: now(),
      issuedBy: admin.id,
      revokedAt: null,
      revokedBy: null,
      revokedEpoch: null,
    });
    await this.ds.transaction(async (tx) => {
      await this.agencies.insertCredential(tx, credential);
      await audit(tx, admin, 'agency.credential.issue', 'agency_credential', credential.id, {
        agencyCode: code,
        userKey: issued.userKey,
        eventTypes: agency.eventTypes,
        consumersCreated: consumers,
      });
    });
    const prefix = this.nats.prefix!;
    return {
      ...credentialView(credential),
      creds: issued.creds,
      subjectSpace: agencySubjectSpace(prefix, code),
      inboxPrefix: agencyInboxPrefix(code),
      stream: this.nats.stream!,
      consumers: agency.eventTypes.map((t) => ({ eventType: t, durable: agencyConsumerName(code, t) })),
    };
  }

  /** Revokes a credential: recorded and pushed to the resolver in one step (if the push fails, nothing is revoked). */
  async revoke(admin: Actor, code: string, credentialId: string): Promise<AgencyCredentialView> {
    this.nats.requireIssuer();
    return this.ds.transaction(async (tx) => {
      await this.agencies.lockRevocations(tx);
      const credential = await this.agencies.findCredential(tx, code, credentialId);
      if (!credential)
        throw AppError.notFound('AGENCY_CREDENTIAL_NOT_FOUND', `no credential ${credentialId} of agency ${code}`, 'credentialId');
      if (credential.revokedAt) return credentialView(credential);
      // revokedAt is the platform's as-of; revokedEpoch is the broker's wall clock, which it compares with the JWT's issue time.
      Object.assign(credential, { revokedAt: now(), revokedBy: admin.id, revokedEpoch: String(Math.floor(Date.now() / 1000)) });
      await this.agencies.saveCredential(tx, credential);
      await audit(tx, admin, 'agency.credential.revoke', 'agency_credential', credential.id, {
        agencyCode: code,
        userKey: credential.userKey,
      });
      await this.nats.pushRevocations(await this.agencies.revocations(tx));
      return credentialView(credential);
    });
  }

  private async agency(code: string): Promise<Agency> {
    const agency = await this.agencies.findAgency(code);
    if (!agency) throw AppError.notFound('AGENCY_NOT_FOUND', `no agency ${code}; register it with PUT /api/agencies/${code}`, 'code');
    return agency;
  }
}
