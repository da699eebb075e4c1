import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, isProblem } from '../api/client';
import { criteriaOf, type CatalogueDocument, type Criterion } from '../scoring/catalogue';

/**
 * The commune proposes an accepted dossier to the next tier: under 148+1489 with its assessment of the commune-scored
 * criteria of the product's tree (the catalogue of the dossier's legal version) and its report's reference.
 */
export function ProposeForm({
  dossierId,
  legalVersion,
  productSetCode,
  onDone,
}: {
  dossierId: string;
  legalVersion: string | null;
  productSetCode: string;
  onDone: (message: string) => void;
}) {
  const withAssessment = legalVersion?.includes('1489') ?? false;
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [report, setReport] = useState('');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const criteria = useQuery({
    queryKey: ['commune-criteria', legalVersion, productSetCode],
    enabled: withAssessment,
    queryFn: async (): Promise<Criterion[]> => {
      const list = await api.GET('/api/scoring/catalogues', {});
      const summary = list.data?.find((c) => legalVersion && (c.legalVersions as string[]).includes(legalVersion));
      if (!summary) return [];
      const { data } = await api.GET('/api/scoring/catalogues/{code}', { params: { path: { code: summary.code } } });
      const doc = data?.document as unknown as CatalogueDocument | undefined;
      const tree = doc?.trees.find((t) => t.code === doc.productSets[productSetCode]);
      return tree ? criteriaOf(tree).filter((c) => c.communeScored) : [];
    },
  });
  const propose = async () => {
    setError(null);
    const body = withAssessment
      ? {
          communeAssessment: {
            reportReference: report || undefined,
            entries: (criteria.data ?? []).map((c) => ({ criterionCode: c.code, optionCode: choices[c.code] ?? '' })),
          },
        }
      : {};
    const { error: e } = await api.POST('/api/dossiers/{id}/propose', { params: { path: { id: dossierId } }, body });
    if (!e) return onDone('Đã đề xuất hồ sơ lên cấp đánh giá.');
    const p = isProblem(e) ? e : null;
    setError({ field: p?.field, text: p?.detail ?? 'Không đề xuất được hồ sơ.' });
  };
  const complete = !withAssessment || (criteria.data ?? []).every((c) => choices[c.code] !== undefined);
  return (
    <form
      id="propose-form"
      onSubmit={(e) => {
        e.preventDefault();
        void propose();
      }}
    >
      <h2>Đề xuất hồ sơ</h2>
      {withAssessment && (
        <>
          <p>Đánh giá của UBND cấp xã đối với các tiêu chí do xã chấm (Quyết định 1489/QĐ-TTg):</p>
          {criteria.data?.map((c, i) => (
            <fieldset key={c.code} className="criterion" aria-invalid={error?.field?.startsWith(`communeAssessment.entries.${i}`) ?? false}>
              <legend>
                {c.code}. {c.labelVi}
              </legend>
              {c.options.map((o) => (
                <label key={o.code} className="option">
                  <input
                    type="radio"
                    name={`assess-${c.code}`}
                    value={o.code}
                    checked={choices[c.code] === o.code}
                    onChange={() => setChoices({ ...choices, [c.code]: o.code })}
                  />
                  {o.labelVi}
                </label>
              ))}
            </fieldset>
          ))}
          <label htmlFor="report-reference">Số báo cáo đánh giá của UBND cấp xã</label>
          <input id="report-reference" value={report} onChange={(e) => setReport(e.target.value)} placeholder="45/BC-UBND" />
        </>
      )}
      {error && (
        <p className="error" role="alert" id="propose-error">
          {error.text}
        </p>
      )}
      <button type="submit" disabled={!complete}>
        Đề xuất lên cấp đánh giá
      </button>
    </form>
  );
}
