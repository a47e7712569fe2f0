import { QUEUE_RETENTION_SECONDS } from '../../contract/catalogue';
import { processingLatencyMs } from './processing-latency';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('the processing latency of a command', () => {
  it('is the milliseconds from the gateway acceptance to now', () => {
    expect(processingLatencyMs(ago(250), NOW)).toBe(250);
    expect(processingLatencyMs(ago(0), NOW)).toBe(0);
  });

  it('reads a date-time with an offset as the instant it names', () => {
    expect(processingLatencyMs('2026-03-01T13:00:00.000+01:00', new Date(NOW.getTime() + 40))).toBe(40);
  });

  it('is dropped when the acceptance is in the future (a clock ahead, or a forged date)', () => {
    expect(processingLatencyMs(ago(-1), NOW)).toBeUndefined();
    expect(processingLatencyMs('9999-12-31T23:59:59.999Z', NOW)).toBeUndefined();
  });

  it("is kept up to the queue's retention and dropped beyond it (a replayed dead letter, a far past date)", () => {
    const retention = QUEUE_RETENTION_SECONDS * 1000;
    expect(processingLatencyMs(ago(retention), NOW)).toBe(retention);
    expect(processingLatencyMs(ago(retention + 1), NOW)).toBeUndefined();
    expect(processingLatencyMs('1970-01-01T00:00:00.000Z', NOW)).toBeUndefined();
  });

  it('is dropped when the date cannot be read', () => {
    expect(processingLatencyMs('ayer', NOW)).toBeUndefined();
  });

  it('takes another bound when given one', () => {
    expect(processingLatencyMs(ago(2_000), NOW, 1_000)).toBeUndefined();
    expect(processingLatencyMs(ago(500), NOW, 1_000)).toBe(500);
  });
});
