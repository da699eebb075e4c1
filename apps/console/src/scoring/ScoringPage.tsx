import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isProblem } from '../api/client';
import { criteriaOf, mandatoryFailures, partTotals, type CatalogueDocument, type Choices } from './catalogue';

interface Saved {
  total: string;
  revision: number;
  spread: { exceeded: boolean; difference: string } | null;
}

/**
 * The member's score sheet for one dossier, made for a tablet: the criteria tree of the catalogue pinned on the agenda,
 * one option per criterion, the running total by part, the mandatory criteria the choices fail, and the spread warning
 * after saving; corrected as often as needed until the secretary closes the session.
 */
export function ScoringPage({ sessionId, evaluationId }: { sessionId: string; evaluationId: string }) {
  const queries = useQueryClient();
  const session = useQuery({
    queryKey: ['session', sessionId],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/scoring/sessions/{id}', { params: { path: { id: sessionId } } });
      if (error) throw error;
      return data;
    },
  });
  const item = session.data?.items.find((i) => i.evaluationId === evaluationId);
  const catalogue = useQuery({
    queryKey: ['catalogue', item?.catalogueCode],
    enabled: !!item,
    queryFn: async () => {
      const { data, error } = await api.GET('/api/scoring/catalogues/{code}', { params: { path: { code: item!.catalogueCode } } });
      if (error) throw error;
      return data.document as unknown as CatalogueDocument;
    },
  });
  const sheets = useQuery({
    queryKey: ['sheets', sessionId, evaluationId],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/scoring/sessions/{id}/sheets', {
        params: { path: { id: sessionId }, query: { evaluationId } },
      });
      if (error) throw error;
      return data;
    },
  });
  const tree = useMemo(() => {
    const doc = catalogue.data;
    return doc && item ? doc.trees.find((t) => t.code === doc.productSets[item.productSetCode]) : undefined;
  }, [catalogue.data, item]);
  const own = sheets.data?.find((s) => s.evaluationId === evaluationId);
  const [choices, setChoices] = useState<Choices>({});
  const [saved, setSaved] = useState<Saved | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (own) setChoices(Object.fromEntries(own.entries.map((e) => [e.criterionCode, e.optionCode])));
  }, [own]);

  if (session.isPending || catalogue.isPending || sheets.isPending) return <p aria-busy="true">Đang tải…</p>;
  if (!item || !tree) return <p className="error">Không tìm thấy hồ sơ trong phiên đánh giá.</p>;
  const criteria = criteriaOf(tree);
  const chosen = criteria.filter((c) => choices[c.code] !== undefined).length;
  const totals = partTotals(tree, choices);
  const failures = mandatoryFailures(tree, choices);
  const open = session.data?.status === 'OPEN';

  const save = async () => {
    setErrors({});
    setGeneral(null);
    const entries = criteria.map((c) => ({ criterionCode: c.code, optionCode: choices[c.code]! }));
    const { data, error } = await api.PUT('/api/scoring/sessions/{id}/evaluations/{evaluationId}/sheet', {
      params: { path: { id: sessionId, evaluationId } },
      body: { entries },
    });
    if (data) {
      setSaved({ total: data.total, revision: data.revision, spread: data.spread ?? null });
      void queries.invalidateQueries({ queryKey: ['session', sessionId] });
      void queries.invalidateQueries({ queryKey: ['sheets', sessionId, evaluationId] });
      return;
    }
    const p = isProblem(error) ? error : null;
    const at = /^entries\.(\d+)/.exec(p?.field ?? '');
    const criterion = at ? entries[Number(at[1])]?.criterionCode : undefined;
    if (criterion) setErrors({ [criterion]: p?.detail ?? 'Phương án không hợp lệ.' });
    else setGeneral(p?.detail ?? 'Không lưu được phiếu đánh giá.');
  };

  return (
    <section aria-labelledby="sheet-title" className="sheet">
      <h1 id="sheet-title">
        Phiếu đánh giá: {item.productName} ({item.dossierCode})
      </h1>
      <div className="totals" aria-live="polite">
        {totals.map((t) => (
          <span key={t.code} data-part={t.code}>
            Phần {t.code}: {t.total}
            {t.bonus ? ` (+${t.bonus} điểm thưởng)` : ''}
          </span>
        ))}
        <strong id="running-total">Tổng: {totals.reduce((a, t) => a + t.total, 0)}</strong>
        <span>
          Đã chọn {chosen}/{criteria.length} tiêu chí
        </span>
      </div>
      {failures.length > 0 && (
        <div className="card bad" id="mandatory" role="status">
          <p>Chưa đạt tiêu chí bắt buộc:</p>
          <ul>
            {failures.map((f) => (
              <li key={`${f.code}-${f.stars}`}>
                {f.code} {f.labelVi}: cần tối thiểu {f.minPoints} điểm để đạt {f.stars} sao
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {tree.parts.map((part) => (
          <fieldset key={part.code} className="part">
            <legend>
              Phần {part.code}. {part.labelVi} (tối đa {part.maxPoints} điểm)
            </legend>
            {part.groups
              .flatMap((g) => g.criteria)
              .map((c) => (
                <fieldset key={c.code} className="criterion" aria-describedby={errors[c.code] ? `${c.code}-error` : undefined}>
                  <legend>
                    {c.code}. {c.labelVi}
                    {c.bonus ? ' (điểm thưởng)' : ''}
                  </legend>
                  {errors[c.code] && (
                    <p className="error" id={`${c.code}-error`}>
                      {errors[c.code]}
                    </p>
                  )}
                  {c.options.map((o) => (
                    <label key={o.code} className="option">
                      <input
                        type="radio"
                        name={c.code}
                        value={o.code}
                        checked={choices[c.code] === o.code}
                        disabled={!open}
                        onChange={() => setChoices({ ...choices, [c.code]: o.code })}
                      />
                      {o.labelVi} — {o.points} điểm
                    </label>
                  ))}
                </fieldset>
              ))}
          </fieldset>
        ))}
        {general && (
          <p className="error" role="alert">
            {general}
          </p>
        )}
        <button type="submit" disabled={!open || chosen < criteria.length}>
          {own || saved ? 'Lưu phiếu đã sửa' : 'Gửi phiếu đánh giá'}
        </button>
      </form>
      <div aria-live="polite">
        {saved && (
          <div className="card good" id="saved">
            <p>
              Đã lưu phiếu (lần {saved.revision}): tổng điểm {saved.total}.
            </p>
            {saved.spread?.exceeded && (
              <p className="warn" id="spread-warning">
                Chênh lệch điểm giữa các thành viên là {saved.spread.difference} điểm, vượt quá mức cho phép: Hội đồng thảo luận và chấm
                lại.
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
