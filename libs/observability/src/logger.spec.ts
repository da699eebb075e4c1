import { Writable } from 'node:stream';
import { createLogger, resolveLogFormat } from './logger';

const sink = () => {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
};

describe('log format', () => {
  it('follows LOG_FORMAT, and by default is pretty only for a terminal outside production', () => {
    const installed = () => true;
    expect(resolveLogFormat('json', false, true, installed)).toBe('json');
    expect(resolveLogFormat('pretty', false, false, installed)).toBe('pretty');
    expect(resolveLogFormat(undefined, false, true, installed)).toBe('pretty');
    expect(resolveLogFormat('', false, true, installed)).toBe('pretty');
    expect(resolveLogFormat(undefined, false, false, installed)).toBe('json');
    expect(resolveLogFormat(undefined, false, true, () => false)).toBe('json'); // an image without devDependencies
    expect(() => resolveLogFormat('yaml', false, true, installed)).toThrow('LOG_FORMAT must be json or pretty, not yaml');
  });

  it('is JSON in production and never looks for pino-pretty there', () => {
    const installed = jest.fn(() => true);
    expect(resolveLogFormat(undefined, true, true, installed)).toBe('json');
    expect(resolveLogFormat('json', true, true, installed)).toBe('json');
    expect(() => resolveLogFormat('pretty', true, true, installed)).toThrow('LOG_FORMAT=pretty is for development');
    expect(installed).not.toHaveBeenCalled();
  });
});

describe('createLogger', () => {
  it('writes one JSON object a line by default', () => {
    const out = sink();
    createLogger('certification', 'info', 'json', out.stream).info({ password: 'bí mật' }, 'đã gửi thông báo');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, service: 'certification', msg: 'đã gửi thông báo', password: '[redacted]' });
  });

  it('writes lines a person reads when pretty, still redacting secrets', () => {
    const out = sink();
    const logger = createLogger('inspection', 'info', 'pretty', out.stream);
    logger.info({ password: 'bí mật', sampleId: 's-1' }, 'sample due');
    logger.warn({ context: 'NestFactory' }, 'starting');
    const text = out.text();
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: sample due\n/);
    expect(text).toMatch(/\n\[\d{2}:\d{2}:\d{2}\.\d{3}\] WARN: NestFactory: starting\n$/);
    expect(text).toContain('sampleId: "s-1"');
    expect(text).toContain('password: "[redacted]"');
    expect(text).not.toContain('bí mật');
    expect(text.trim().startsWith('{')).toBe(false);
  });
});
