import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { problemOf } from './problem.filter';
import { ProblemError } from './problem';

describe('problemOf', () => {
  it("answers the service's own refusal with its status, code and field", () => {
    expect(problemOf(ProblemError.validation('reportId must be …', 'reportId'), '/market-surveillance-reports')).toEqual({
      type: 'urn:ocop:problem:validation_failed',
      title: 'VALIDATION_FAILED',
      status: 400,
      detail: 'reportId must be …',
      instance: '/market-surveillance-reports',
      code: 'VALIDATION_FAILED',
      field: 'reportId',
    });
  });

  it("names Fastify's body refusals, wrapped by Nest or not", () => {
    expect(problemOf(Object.assign(new Error('bad'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }), '/x')).toMatchObject({
      status: 400,
      code: 'MALFORMED_JSON',
      field: 'body',
    });
    expect(
      problemOf(new PayloadTooLargeException('too large', { cause: { code: 'FST_ERR_CTP_BODY_TOO_LARGE' } as unknown as Error }), '/x'),
    ).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', field: 'body' });
  });

  it('answers an unknown route 404 ROUTE_NOT_FOUND, another HTTP error with its status', () => {
    expect(problemOf(new NotFoundException('Cannot GET /nowhere'), '/nowhere')).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    expect(problemOf(new BadRequestException('no'), '/x')).toMatchObject({ status: 400, code: 'HTTP_400' });
  });

  it('says nothing of an unexpected error', () => {
    expect(problemOf(new Error('password=hunter2 in the connection string'), '/x')).toEqual({
      type: 'urn:ocop:problem:internal',
      title: 'INTERNAL',
      status: 500,
      detail: 'the service failed to handle the request',
      instance: '/x',
      code: 'INTERNAL',
    });
  });
});
