import { Injectable } from '@nestjs/common';
import { writeToString } from '@fast-csv/format';
import { AppError, NATIONAL_EXPORT_FORMAT, type Actor, type FileView, type NationalExportCommand } from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
import { vietnamDay, vietnamDayStart } from '@ocop/domain';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { FactsRepository } from '../facts/facts.repository';
import { ReportsRepository } from '../reports/reports.repository';
import { flatFigures } from '../reports/reports.use-cases';

/**
 * Each dataset's columns, in the order of docs/national-export.schema.json's `required` lists: the JSON records' keys
 * and the CSV's header (a test holds the two together).
 */
export const NATIONAL_EXPORT_COLUMNS = {
  certificates: [
    'certificateId',
    'number',
    'code',
    'productId',
    'productName',
    'productSetCode',
    'producerId',
    'provinceCode',
    'districtCode',
    'authorityUnitCode',
    'stars',
    'issuedAt',
    'validFrom',
    'validTo',
    'status',
    'statusSince',
    'supersedes',
  ],
  products: ['productId', 'name', 'productSetCode', 'producerId', 'producerName', 'communeCode', 'provinceCode', 'registeredAt'],
  'annual-figures': [
    'reportId',
    'kind',
    'unitCode',
    'unitName',
    'year',
    'submittedAt',
    'issued3',
    'issued4',
    'issued5',
    'firstCertifications',
    'valid3',
    'valid4',
    'valid5',
    'revoked',
  ],
} as const;

type Row = Record<string, string | number | null>;

/**
 * The national database export (issue 17): the province's certificates (from the programme's copy, as of the request:
 * a status reached later shows as it was), its products, and its submitted annual reports' frozen figures; JSON in the
 * documented envelope or CSV with the same columns; incremental from a day.
 */
@Injectable()
export class NationalExportUseCases {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly facts: FactsRepository,
    private readonly reports: ReportsRepository,
  ) {}

  async export(actor: Actor, c: NationalExportCommand, asOf: Date): Promise<FileView> {
    const provinceCode = c.provinceCode ?? (spansAllProvinces(actor) ? undefined : actor.scope.provinceCode);
    if (!provinceCode) throw AppError.validation('EXPORT_PROVINCE_REQUIRED', 'a national admin names the province', 'provinceCode');
    if (!coversProvince(actor, provinceCode))
      throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not export province ${provinceCode}`);
    if (c.dataset === 'annual-figures' && c.year === undefined)
      throw AppError.validation('EXPORT_YEAR_REQUIRED', 'annual figures are for a year', 'year');
    if (c.since && c.since > vietnamDay(asOf)) throw AppError.validation('EXPORT_SINCE_AHEAD', `${c.since} has not come`, 'since');
    const since = c.since ? vietnamDayStart(c.since) : null;
    const rows = await this.rows(c, provinceCode, since, asOf);
    const stem = `ocop-${provinceCode}-${c.dataset}${c.year ? `-${c.year}` : ''}${c.since ? `-since-${c.since}` : ''}`;
    if (c.format === 'csv') {
      const columns = NATIONAL_EXPORT_COLUMNS[c.dataset];
      const csv = await writeToString(
        rows.map((r) => columns.map((k) => r[k] ?? '')),
        { headers: [...columns], writeBOM: true, rowDelimiter: '\r\n', includeEndRowDelimiter: true },
      );
      return {
        fileName: `${stem}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
      };
    }
    const body = {
      format: NATIONAL_EXPORT_FORMAT,
      dataset: c.dataset,
      provinceCode,
      generatedAt: asOf.toISOString(),
      since: c.since ?? null,
      year: c.year ?? null,
      records: rows,
    };
    return {
      fileName: `${stem}.json`,
      mediaType: 'application/json',
      contentBase64: Buffer.from(JSON.stringify(body), 'utf8').toString('base64'),
    };
  }

  private async rows(c: NationalExportCommand, provinceCode: string, since: Date | null, asOf: Date): Promise<Row[]> {
    switch (c.dataset) {
      case 'certificates':
        return (await this.certificates.registry(provinceCode, since, asOf)).map((r) => ({
          ...r,
          issuedAt: r.issuedAt.toISOString(),
          validFrom: r.validFrom.toISOString(),
          validTo: r.validTo.toISOString(),
          statusSince: r.statusSince.toISOString(),
        }));
      case 'products':
        return (await this.facts.products(provinceCode, since, asOf)).map((r) => ({ ...r, registeredAt: r.registeredAt.toISOString() }));
      case 'annual-figures':
        return (await this.reports.annualOf(provinceCode, c.year!, since, asOf)).map((r) => {
          return {
            reportId: r.id,
            kind: r.kind,
            unitCode: r.unitCode,
            unitName: r.unitName,
            year: r.year,
            submittedAt: r.submittedAt.toISOString(),
            ...flatFigures(r.figures.certificates),
          };
        });
    }
  }
}
