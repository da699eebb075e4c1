import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** A session's agenda: each dossier with its sheets and the spread warning when the members' totals diverge. */
export function SessionPage({ id }: { id: string }) {
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
        </>
      )}
    </section>
  );
}
