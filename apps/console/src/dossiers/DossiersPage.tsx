import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { vnDate } from '../format';

/** The dossiers in the user's scope (the API decides which): the first screen after login. */
export function DossiersPage() {
  const q = useQuery({
    queryKey: ['dossiers'],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/dossiers', { params: { query: { limit: 100 } } });
      if (error) throw error;
      return data;
    },
  });
  return (
    <section aria-labelledby="dossiers-title">
      <h1 id="dossiers-title">Hồ sơ sản phẩm</h1>
      {q.isPending && <p aria-busy="true">Đang tải…</p>}
      {q.isError && <p className="error">Không tải được danh sách hồ sơ.</p>}
      {q.data && (
        <table>
          <caption>{q.data.length} hồ sơ trong phạm vi của bạn</caption>
          <thead>
            <tr>
              <th scope="col">Mã hồ sơ</th>
              <th scope="col">Loại</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Ngày tạo</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((d) => (
              <tr key={d.id}>
                <td>{d.code}</td>
                <td>{d.kind}</td>
                <td>{d.status}</td>
                <td>{vnDate(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
