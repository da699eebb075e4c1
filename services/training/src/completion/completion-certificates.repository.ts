import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { verificationCode, vietnamYear } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { CompletionCertificate } from './completion-certificate.entity';

@Injectable()
export class CompletionCertificatesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Issues a certificate to each of these enrolments: numbers in order for the province and year (an upsert: never twice). */
  async issue(tx: Tx, provinceCode: string, classId: string, enrolmentIds: string[], at: Date): Promise<void> {
    if (!enrolmentIds.length) return;
    const year = vietnamYear(at);
    const [{ last }] = (await tx.query(
      `INSERT INTO training.certificate_counter (province_code, year, last) VALUES ($1, $2, $3)
       ON CONFLICT (province_code, year) DO UPDATE SET last = certificate_counter.last + $3 RETURNING last`,
      [provinceCode, year, enrolmentIds.length],
    )) as { last: number }[];
    const first = last - enrolmentIds.length + 1;
    await tx.insert(
      CompletionCertificate,
      enrolmentIds.map((enrolmentId, i) =>
        Object.assign(new CompletionCertificate(), {
          enrolmentId,
          classId,
          provinceCode,
          number: `${provinceCode}-${year}-${String(first + i).padStart(6, '0')}/CN-ĐT`,
          code: verificationCode(randomBytes(10)),
          issuedAt: at,
        }),
      ),
    );
  }

  /** The certificates of these enrolments, by enrolment id. */
  async ofEnrolments(ids: string[]): Promise<Map<string, CompletionCertificate>> {
    if (!ids.length) return new Map();
    return new Map((await this.ds.manager.findBy(CompletionCertificate, { enrolmentId: In(ids) })).map((c) => [c.enrolmentId, c]));
  }

  ofEnrolment(enrolmentId: string): Promise<CompletionCertificate | null> {
    return this.ds.manager.findOneBy(CompletionCertificate, { enrolmentId });
  }

  byCode(code: string): Promise<CompletionCertificate | null> {
    return this.ds.manager.findOneBy(CompletionCertificate, { code });
  }
}
