import type { Lab } from './lab.entity';

/** A lab as the register shows it (and as samples and lab credentials use it). */
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

export function labRow(l: Lab): LabRow {
  return {
    id: l.id,
    code: l.code,
    name: l.name,
    provinceCode: l.provinceCode,
    indicators: l.indicators,
    turnaroundDays: l.turnaroundDays,
    contactName: l.contactName,
    contactEmail: l.contactEmail,
    contactPhone: l.contactPhone,
  };
}
