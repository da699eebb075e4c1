import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { vnDateTime } from '../format';

/** A council member's sessions (the councils it sits on), the open ones first. */
export function SessionsPage() {
  const q = useQuery({
    queryKey: ['sessions'],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/scoring/sessions', {});
      if (error) throw error;
      return data;
    },
  });
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Phiên đánh giá</h1>
      {q.isPending && <p aria-busy="true">Đang tải…</p>}
      {q.isError && <p className="error">Không tải được danh sách phiên.</p>}
      <ul className="list">
        {q.data
          ?.slice()
          .sort((a, b) => (a.status === b.status ? b.scheduledFor.localeCompare(a.scheduledFor) : a.status === 'OPEN' ? -1 : 1))
          .map((s) => (
            <li key={s.id}>
              <a href={`#/sessions/${s.id}`}>{s.title}</a> — {s.councilName}, {vnDateTime(s.scheduledFor)}{' '}
              <span className="tag">{s.status === 'OPEN' ? 'Đang mở' : 'Đã kết thúc'}</span>
            </li>
          ))}
      </ul>
    </section>
  );
}
