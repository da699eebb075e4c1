import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignJWT, jwtVerify } from 'jose';
import {
  AppError,
  DEMO,
  ErrorKind,
  InspectionEvents as E,
  Role,
  SYSTEM_ACTOR,
  labResultsSubject,
  type Actor,
  type LabCredentialView,
  type LabView,
  type RegisterLabCommand,
} from '@ocop/contracts';
import { LAB_INDICATORS } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';

export interface LabRow {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  indicators: string[];
  turnaroundDays: number;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
}

export const LAB_COLUMNS = `l.id, l.code, l.name, l.province_code AS "provinceCode", l.indicators, l.turnaround_days AS "turnaroundDays",
  l.contact_name AS "contactName", l.contact_email AS "contactEmail", l.contact_phone AS "contactPhone"`;

const OFFICE = [Role.PROVINCE_OFFICE, Role.ADMIN];

/** Labs, the indicators they are accredited for, and the credentials their own services use on NATS. */
@Injectable()
export class LabsUseCases {
  private readonly key: Uint8Array;

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {
    this.key = new TextEncoder().encode(config.labCredentialSecret);
  }

  async register(actor: Actor, c: RegisterLabCommand): Promise<LabView> {
    if (!OFFICE.includes(actor.role)) throw AppError.forbidden('ROLE_FORBIDDEN', 'only the standing office registers labs');
    const provinceCode = actor.scope.provinceCode === '*' ? '*' : actor.scope.provinceCode;
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      const dup = await tx.query('SELECT 1 FROM inspection.lab WHERE code = $1', [c.code]);
      if (dup.length) throw AppError.conflict('LAB_CODE_TAKEN', `a lab with code ${c.code} exists`, 'code');
      await tx.query(
        `INSERT INTO inspection.lab (id, code, name, province_code, indicators, turnaround_days, contact_name, contact_email, contact_phone, created_by, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [
          id,
          c.code,
          c.name,
          provinceCode,
          [...new Set(c.indicators)].sort(),
          c.turnaroundDays,
          c.contactName,
          c.contactEmail ?? null,
          c.contactPhone ?? null,
          actor.username,
          now(),
        ],
      );
      await this.outbox.enqueue(tx, E.labRegistered, id, {
        labId: id,
        code: c.code,
        name: c.name,
        provinceCode,
        indicators: c.indicators,
        turnaroundDays: c.turnaroundDays,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'lab.register',
        entityType: 'lab',
        entityId: id,
        details: { code: c.code },
      });
    });
    return this.get(id);
  }

  /** The demo lab LAB01, the demo `lab` user's, accredited for every named indicator; only into an empty register. */
  async seedDemoLab(): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      await tx.query('LOCK TABLE inspection.lab IN SHARE ROW EXCLUSIVE MODE'); // replicas starting together seed once
      if ((await tx.query('SELECT 1 FROM inspection.lab LIMIT 1')).length) return false;
      const id = randomUUID();
      const lab = {
        code: 'LAB01',
        name: 'Trung tâm Kiểm nghiệm Thanh Hóa',
        provinceCode: DEMO.provinceCode,
        indicators: LAB_INDICATORS.map((i) => i.code).sort(),
        turnaroundDays: 7,
      };
      await tx.query(
        `INSERT INTO inspection.lab (id, code, name, province_code, indicators, turnaround_days, contact_name, contact_email, contact_phone, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [
          id,
          lab.code,
          lab.name,
          lab.provinceCode,
          lab.indicators,
          lab.turnaroundDays,
          'Nguyễn Thị Hà',
          'kiemnghiem@example.vn',
          null,
          SYSTEM_ACTOR.username,
        ],
      );
      await this.outbox.enqueue(tx, E.labRegistered, id, { labId: id, ...lab });
      await writeAudit(tx, {
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'lab.demo-seed',
        entityType: 'lab',
        entityId: id,
        details: { code: lab.code },
      });
      return true;
    });
  }

  async list(actor: Actor): Promise<LabView[]> {
    if (actor.role === Role.LAB)
      return this.ds.query(`SELECT ${LAB_COLUMNS} FROM inspection.lab l WHERE l.code = $1`, [actor.scope.agencyCode ?? '']);
    if (actor.role === Role.PRODUCER) throw AppError.forbidden('ROLE_FORBIDDEN', 'producers do not see the lab register');
    return this.ds.query(`SELECT ${LAB_COLUMNS} FROM inspection.lab l ORDER BY l.code`);
  }

  async get(id: string): Promise<LabRow> {
    const rows: LabRow[] = await this.ds.query(`SELECT ${LAB_COLUMNS} FROM inspection.lab l WHERE l.id = $1`, [id]);
    if (!rows[0]) throw AppError.notFound('LAB_NOT_FOUND', `no lab ${id}`);
    return rows[0];
  }

  /** A credential for the lab's own service (an admin hands it over once); the token names the lab and the credential. */
  async issueCredential(actor: Actor, labId: string, now: Date): Promise<LabCredentialView> {
    if (actor.role !== Role.ADMIN) throw AppError.forbidden('ROLE_FORBIDDEN', 'only an admin issues lab credentials');
    const lab = await this.get(labId);
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      await tx.query('INSERT INTO inspection.lab_credential (id, lab_id, issued_by, issued_at) VALUES ($1,$2,$3,$4)', [
        id,
        lab.id,
        actor.username,
        now,
      ]);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'lab.issue-credential',
        entityType: 'lab',
        entityId: lab.id,
        details: { credentialId: id },
      });
    });
    const token = await new SignJWT({ typ: 'lab' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(lab.code)
      .setJti(id)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .sign(this.key);
    return { credentialId: id, labCode: lab.code, token, subject: labResultsSubject(this.config.prefix, lab.code) };
  }

  /** Cuts a lab's service off: its credential is refused from now on (issue a new one to reconnect). */
  async revokeCredential(
    actor: Actor,
    labId: string,
    credentialId: string,
    now: Date,
  ): Promise<{ credentialId: string; revokedAt: string }> {
    if (actor.role !== Role.ADMIN) throw AppError.forbidden('ROLE_FORBIDDEN', 'only an admin revokes lab credentials');
    await this.ds.transaction(async (tx) => {
      const rows = (
        await tx.query(
          'UPDATE inspection.lab_credential SET revoked_at = $3 WHERE id = $1 AND lab_id = $2 AND revoked_at IS NULL RETURNING id',
          [credentialId, labId, now],
        )
      )[0] as { id: string }[];
      if (!rows.length) throw AppError.notFound('CREDENTIAL_NOT_FOUND', `no active credential ${credentialId} of lab ${labId}`);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'lab.revoke-credential',
        entityType: 'lab',
        entityId: labId,
        details: { credentialId },
      });
    });
    return { credentialId, revokedAt: now.toISOString() };
  }

  /** The lab a credential belongs to, if it is genuine, not revoked, and used on that lab's own subject. */
  async labOfCredential(token: string | undefined, subjectLabCode: string): Promise<LabRow> {
    const refuse = (why: string): AppError => new AppError(ErrorKind.UNAUTHENTICATED, 'LAB_CREDENTIAL_INVALID', why);
    if (!token) throw refuse('a lab credential is required in the ocop-lab-credential header');
    let sub: string | undefined;
    let jti: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      if (payload.typ !== 'lab') throw new Error('not a lab credential');
      sub = payload.sub;
      jti = payload.jti;
    } catch {
      throw refuse('the lab credential is not genuine');
    }
    if (sub !== subjectLabCode)
      throw new AppError(
        ErrorKind.FORBIDDEN,
        'LAB_SUBJECT_FORBIDDEN',
        `lab ${sub} may only publish on its own subject, not ${subjectLabCode}'s`,
      );
    const rows: LabRow[] = await this.ds.query(
      `SELECT ${LAB_COLUMNS} FROM inspection.lab l JOIN inspection.lab_credential k ON k.lab_id = l.id WHERE k.id = $1 AND k.revoked_at IS NULL AND l.code = $2`,
      [jti, sub],
    );
    if (!rows[0]) throw refuse('the lab credential is revoked or unknown');
    return rows[0];
  }
}
