import { startPlatform, type Platform } from '../support/platform';

describe('smoke', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => {
    await p?.stop();
  });

  it('logs in and lists units', async () => {
    const token = await p.login('commune.officer');
    const res = await p.http('GET', '/api/units?level=DISTRICT', { token });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(27);
  });
});
