import { RecordingIntake } from '../../test/support/fakes';
import { RecentCommands, rememberingIntake } from './recent-commands';

const at = (second: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, second));
const accepted = (ordenId: string, second: number) => ({ type: 'OrdenVenta' as const, ordenId, fingerprint: 'f', correlationId: 'c', acceptedAt: at(second) });

describe('recent commands', () => {
  it('keeps the latest, newest first, a retry moved to the front, at most its capacity', () => {
    const recent = new RecentCommands(3);
    for (const [ordenId, second] of [['a', 1], ['b', 2], ['c', 3], ['a', 4], ['d', 5]] as const) {
      recent.add({ type: 'OrdenVenta', ordenId, acceptedAt: at(second) });
    }
    expect(recent.list().map((command) => command.ordenId)).toEqual(['d', 'a', 'c']);
  });

  it('remembers a command only once the intake has recorded it', async () => {
    const intake = new RecordingIntake();
    const recent = new RecentCommands();
    const remembering = rememberingIntake(intake, recent);
    await remembering.recordAccepted(accepted('ok-1', 1));
    intake.failure = new Error('store down');
    await expect(remembering.recordAccepted(accepted('lost-1', 2))).rejects.toThrow('store down');
    expect(recent.list().map((command) => command.ordenId)).toEqual(['ok-1']);
  });
});
