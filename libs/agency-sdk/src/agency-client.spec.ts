import { Logger } from '@nestjs/common';
import { errors, type MsgHdrs } from '@nats-io/transport-node';
import { AgencyClient } from './agency-client';
import type { AgencyConnection } from './agency-connection';
import { resolveAgencySdkOptions } from './agency-sdk.options';
import { AgencyRequestError } from './agency-request.error';
import type { GiveOpinionCommand } from './contract.generated';

const options = resolveAgencySdkOptions({ agencyCode: 'SYT', natsUrl: 'nats://unused', prefix: 'p1', retries: 2, retryBackoffMs: [1] });
const body: GiveOpinionCommand = {
  dossierId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  conclusion: 'FAVOURABLE',
  text: 'Sở Y tế thống nhất.',
  reference: 'SYT-ATTP-D-1',
};
const reply = (r: unknown) => ({ string: () => JSON.stringify(r) });

beforeAll(() => Logger.overrideLogger(false)); // the retries' warnings

function clientWith(request: jest.Mock, publish: jest.Mock = jest.fn()): AgencyClient {
  return new AgencyClient(options, { nc: { request }, js: { publish } } as unknown as AgencyConnection);
}

describe('AgencyClient.request', () => {
  it('sends the body as JSON on the agency api subject, with ocop-as-of, and resolves with the reply data', async () => {
    const request = jest.fn().mockResolvedValue(reply({ ok: true, data: { id: 'op-1', status: 'GIVEN' } }));
    const data = await clientWith(request).request('opinion.give', body, { asOf: '2026-03-02T08:00:00+07:00', correlationId: 'c-1' });
    expect(data).toEqual({ id: 'op-1', status: 'GIVEN' });
    const [subject, payload, opts] = request.mock.calls[0] as [string, Uint8Array, { timeout: number; headers: MsgHdrs }];
    expect(subject).toBe('p1.agency.SYT.api.opinion.give');
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(body);
    expect(opts.timeout).toBe(10_000);
    expect(opts.headers.get('ocop-as-of')).toBe('2026-03-02T01:00:00.000Z');
    expect(opts.headers.get('ocop-correlation-id')).toBe('c-1');
  });

  it('sends no ocop-as-of header when no asOf is given', async () => {
    const request = jest.fn().mockResolvedValue(reply({ ok: true, data: {} }));
    await clientWith(request).request('opinion.give', body);
    expect((request.mock.calls[0][2] as { headers: MsgHdrs }).headers.has('ocop-as-of')).toBe(false);
  });

  it('throws AgencyRequestError with the payload of an ok:false reply, and does not retry a RULE refusal', async () => {
    const error = { code: 'DOSSIER_NOT_PROPOSED', kind: 'RULE', message: 'the dossier is not waiting for opinions', field: 'dossierId' };
    const request = jest.fn().mockResolvedValue(reply({ ok: false, error }));
    const failure = await clientWith(request)
      .request('opinion.give', body)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AgencyRequestError);
    expect(failure).toMatchObject({ code: 'DOSSIER_NOT_PROPOSED', kind: 'RULE', field: 'dossierId', replied: true, permanent: true });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('retries a timeout and a missing responder, then gets its reply', async () => {
    const request = jest
      .fn()
      .mockRejectedValueOnce(new errors.TimeoutError())
      .mockRejectedValueOnce(
        new errors.RequestError('no responders', { cause: new errors.NoRespondersError('p1.agency.SYT.api.opinion.give') }),
      )
      .mockResolvedValueOnce(reply({ ok: true, data: { id: 'op-1' } }));
    expect(await clientWith(request).request('opinion.give', body)).toEqual({ id: 'op-1' });
    expect(request).toHaveBeenCalledTimes(3);
  });

  it('retries an UNAVAILABLE refusal, and after its retries throws a non-permanent error', async () => {
    const request = jest
      .fn()
      .mockResolvedValue(reply({ ok: false, error: { code: 'DEPENDENCY_DOWN', kind: 'UNAVAILABLE', message: 'x' } }));
    const failure = await clientWith(request)
      .request('opinion.give', body)
      .catch((e: unknown) => e);
    expect(request).toHaveBeenCalledTimes(3);
    expect(failure).toMatchObject({ code: 'DEPENDENCY_DOWN', permanent: false });
  });

  it('after its retries, a request that never got a reply throws UNAVAILABLE REQUEST_TIMEOUT', async () => {
    const request = jest.fn().mockRejectedValue(new errors.TimeoutError());
    const failure = await clientWith(request)
      .request('opinion.give', body, { retries: 1 })
      .catch((e: unknown) => e);
    expect(request).toHaveBeenCalledTimes(2);
    expect(failure).toMatchObject({ code: 'REQUEST_TIMEOUT', kind: 'UNAVAILABLE', replied: false, permanent: false });
  });

  it('refuses a reply that is not an RpcReply, and a request the contract does not declare', async () => {
    const request = jest.fn().mockResolvedValue({ string: () => 'not json' });
    await expect(clientWith(request).request('opinion.give', body)).rejects.toMatchObject({ code: 'REPLY_INVALID' });
    await expect(clientWith(request).request('opinion.take' as 'opinion.give', body)).rejects.toThrow(/not an agency request/);
  });
});

describe('AgencyClient.publish', () => {
  const data = { reportId: 'QLTT-125', certificateCode: 'OCOP-38-0001', details: 'Nhãn sai.', reportedAt: '2026-03-02T01:00:00.000Z' };

  it('publishes an envelope on its own subject with Nats-Msg-Id = the id it was given', async () => {
    const publish = jest.fn().mockResolvedValue({ stream: 'S', seq: 7, duplicate: false });
    const client = clientWith(jest.fn(), publish);
    const id = client.eventId('QLTT-125');
    const published = await client.publish('agency.market-surveillance-reported.v1', data, {
      id,
      subject: 'cert-1',
      time: new Date('2026-03-02T01:00:00Z'),
    });
    const [subject, payload, opts] = publish.mock.calls[0] as [string, Uint8Array, { msgID: string }];
    expect(subject).toBe('p1.agency.SYT.events.market-surveillance-reported.v1');
    expect(opts.msgID).toBe(id);
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      specversion: '1.0',
      id,
      source: 'agency/SYT',
      type: 'agency.market-surveillance-reported.v1',
      subject: 'cert-1',
      time: '2026-03-02T01:00:00.000Z',
      datacontenttype: 'application/json',
      data,
      correlationid: id,
    });
    expect(published).toMatchObject({ stream: 'S', seq: 7, duplicate: false, envelope: { id } });
    expect(client.eventId('QLTT-125')).toBe(id);
  });

  it('retries a publish that got no ack with the same msg id', async () => {
    const publish = jest
      .fn()
      .mockRejectedValueOnce(new errors.TimeoutError())
      .mockResolvedValueOnce({ stream: 'S', seq: 8, duplicate: true });
    const published = await clientWith(jest.fn(), publish).publish('agency.market-surveillance-reported.v1', data);
    expect(publish).toHaveBeenCalledTimes(2);
    expect(publish.mock.calls[0][2].msgID).toBe(publish.mock.calls[1][2].msgID);
    expect(published.duplicate).toBe(true);
  });

  it('refuses an id that is not a UUID', async () => {
    await expect(clientWith(jest.fn()).publish('agency.market-surveillance-reported.v1', data, { id: 'report-1' })).rejects.toThrow(/UUID/);
  });
});
