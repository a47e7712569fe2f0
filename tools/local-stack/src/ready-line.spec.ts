import { formatReadyLine, parseReadyLine } from './ready-line';

describe('the ready line', () => {
  it('is one JSON line that reads back as the environment', () => {
    const line = formatReadyLine({ AWS_REGION: 'us-east-1' });

    expect(line).toBe('{"ready":true,"env":{"AWS_REGION":"us-east-1"}}\n');
    expect(parseReadyLine(line.trim())).toEqual({ AWS_REGION: 'us-east-1' });
  });

  it('is told apart from any other output', () => {
    expect(parseReadyLine('local-stack: starting')).toBeUndefined();
    expect(parseReadyLine('{"ready":false,"env":{}}')).toBeUndefined();
    expect(parseReadyLine('{not json')).toBeUndefined();
  });
});
