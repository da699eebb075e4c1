import { useEffect, useState } from 'react';
import { SESSION_EVENT, session } from './api/client';
import { ScannerPage } from './scanner/ScannerPage';
import { LoginPage } from './login/LoginPage';
import { DossiersPage } from './dossiers/DossiersPage';

const route = () => window.location.hash.replace(/^#/, '') || '/scan';

/** Hash routes (the gateway serves one file): the scanner is public; the rest needs a login. */
export function App() {
  const [path, setPath] = useState(route);
  const [, setSessionChanges] = useState(0);
  useEffect(() => {
    const onRoute = () => setPath(route());
    const onSession = () => setSessionChanges((n) => n + 1);
    window.addEventListener('hashchange', onRoute);
    window.addEventListener(SESSION_EVENT, onSession);
    return () => {
      window.removeEventListener('hashchange', onRoute);
      window.removeEventListener(SESSION_EVENT, onSession);
    };
  }, []);
  const [name, query] = path.split('?') as [string, string | undefined];
  const signedIn = session.token() !== null;
  let page;
  if (name === '/scan') page = <ScannerPage />;
  else if (name === '/login') page = <LoginPage next={new URLSearchParams(query).get('next') ?? '#/dossiers'} />;
  else if (!signedIn) page = <LoginPage next={`#${path}`} />;
  else page = <DossiersPage />;
  return (
    <>
      <header>
        <a href="#main" className="skip">
          Bỏ qua, đến nội dung chính
        </a>
        <nav aria-label="Chính">
          <a href="#/scan">Kiểm tra sản phẩm</a>
          <a href="#/dossiers">Hồ sơ</a>
          {signedIn ? (
            <button
              type="button"
              onClick={() => {
                session.clear();
                window.location.hash = '#/login';
              }}
            >
              Đăng xuất
            </button>
          ) : (
            <a href="#/login">Đăng nhập</a>
          )}
        </nav>
      </header>
      <main id="main">{page}</main>
    </>
  );
}
