import { useState } from 'react';
import { api, isProblem, session } from '../api/client';

/** Login with the platform's JWT; back to where the user was (`next`) after it. */
export function LoginPage({ next }: { next: string }) {
  const [username, setUsername] = useState(sessionStorage.getItem('ocop.draft.username') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  const submit = async () => {
    const { data, error: e } = await api.POST('/api/auth/login', { body: { username, password } });
    if (data) {
      session.set(data.accessToken);
      sessionStorage.removeItem('ocop.draft.username');
      window.location.hash = next;
      return;
    }
    const p = isProblem(e) ? e : null;
    setError({
      field: p?.field,
      message:
        p?.code === 'LOGIN_FAILED'
          ? 'Tên đăng nhập hoặc mật khẩu không đúng.'
          : p?.code === 'RATE_LIMITED'
            ? 'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ít phút.'
            : p?.field
              ? 'Vui lòng kiểm tra lại thông tin đã nhập.'
              : 'Không đăng nhập được; vui lòng thử lại.',
    });
  };

  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">Đăng nhập</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="username">Tên đăng nhập</label>
        <input
          id="username"
          value={username}
          autoComplete="username"
          aria-invalid={error?.field === 'username'}
          aria-describedby={error?.field === 'username' ? 'login-error' : undefined}
          onChange={(e) => {
            setUsername(e.target.value);
            sessionStorage.setItem('ocop.draft.username', e.target.value);
          }}
        />
        <label htmlFor="password">Mật khẩu</label>
        <input
          id="password"
          type="password"
          value={password}
          autoComplete="current-password"
          aria-invalid={error?.field === 'password'}
          aria-describedby={error?.field === 'password' ? 'login-error' : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="error" role="alert" id="login-error">
            {error.message}
          </p>
        )}
        <button type="submit">Đăng nhập</button>
      </form>
    </section>
  );
}
