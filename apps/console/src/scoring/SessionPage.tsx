import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isProblem } from '../api/client';
import { openAuthorised } from '../download';

const CLOSE_REFUSED_VI: Record<string, string> = {
  SESSION_SECRETARY_ONLY: 'Chỉ thư ký Hội đồng kết thúc phiên.',
  SESSION_QUORUM_NOT_MET: 'Chưa đủ số thành viên có mặt theo quy định.',
  SESSION_SHEETS_OUTSTANDING: 'Còn thành viên chưa gửi phiếu đánh giá.',
  SESSION_AGENDA_EMPTY: 'Phiên chưa có hồ sơ nào.',
  DISTRICT_TIER_CEASED: 'Từ ngày 01/07/2025, Hội đồng cấp huyện không còn tổ chức phiên đánh giá.',
};

/** A session's agenda: each dossier with its sheets and the spread warning when the members' totals diverge. */
export function SessionPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const close = async () => {
    const { error } = await api.POST('/api/scoring/sessions/{id}/close', { params: { path: { id } } });
    const p = isProblem(error) ? error : null;
    setMessage(error ? (CLOSE_REFUSED_VI[p?.code ?? ''] ?? 'Không kết thúc được phiên.') : 'Đã kết thúc phiên; biên bản đã được lập.');
    void queries.invalidateQueries({ queryKey: ['session', id] });
  };
  const minutes = async () => {
    if (!(await openAuthorised(`/api/scoring/sessions/${id}/minutes.pdf`, `bien-ban-${s?.reference ?? id}.pdf`)))
      setMessage('Không tải được biên bản.');
  };
  const q = useQuery({
    queryKey: ['session', id],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/scoring/sessions/{id}', { params: { path: { id } } });
      if (error) throw error;
      return data;
    },
  });
  const s = q.data;
  return (
    <section aria-labelledby="session-title">
      <h1 id="session-title">{s?.title ?? 'Phiên đánh giá'}</h1>
      {q.isPending && <p aria-busy="true">Đang tải…</p>}
      {q.isError && <p className="error">Không tải được phiên đánh giá.</p>}
      {s && (
        <>
          <p>
            {s.councilName} — {s.status === 'OPEN' ? 'phiên đang mở' : 'phiên đã kết thúc'}; có mặt {s.quorum.present}/{s.quorum.required}{' '}
            thành viên tối thiểu.
          </p>
          <ol className="list">
            {s.items.map((i) => (
              <li key={i.evaluationId} data-evaluation={i.evaluationId}>
                <a href={`#/sessions/${s.id}/score/${i.evaluationId}`}>
                  {i.dossierCode} — {i.productName}
                </a>{' '}
                ({i.submittedSheets}/{i.expectedSheets} phiếu)
                {i.spread?.exceeded && (
                  <p className="warn spread" role="status">
                    Chênh lệch điểm giữa các thành viên là {i.spread.difference} điểm (từ {i.spread.min} đến {i.spread.max}), vượt quá mức
                    cho phép: Hội đồng thảo luận và chấm lại.
                  </p>
                )}
              </li>
            ))}
          </ol>
          <div className="actions">
            {s.status === 'OPEN' ? (
              <button type="button" id="close-session" onClick={() => void close()}>
                Kết thúc phiên (thư ký)
              </button>
            ) : (
              <button type="button" id="minutes" onClick={() => void minutes()}>
                Tải biên bản (PDF)
              </button>
            )}
          </div>
          <p role="status" id="session-message">
            {message}
          </p>
        </>
      )}
    </section>
  );
}
