import { describe, expect, it } from 'vitest';
import { fakeRuns } from '../../../tests/support/fakeRuns';
import { LockService } from '../db/crypto/lockService';
import { Vault } from '../db/crypto/vault';
import { RunsRepository } from '../db/runsRepository';
import { openAppDb } from '../db/schema';
import { SettingsRepository } from '../db/settingsRepository';
import { LockState } from './lock.svelte';

let n = 0;
async function setup(busy: { value: boolean }) {
  const db = await openAppDb(`lock-state-${Date.now()}-${n++}`);
  const vault = new Vault();
  // Few PBKDF2 rounds for speed; the shipped 600,000 is asserted in recordCipher.test.
  let announce = () => {};
  const service = new LockService(db, new SettingsRepository(db), vault, { iterations: 1_000, minIterations: 1_000, onSetupChanged: () => announce() });
  await service.load();
  const events: string[] = [];
  const lock: LockState = new LockState(service, { isBusy: () => busy.value, onLocked: () => events.push('locked'), onUnlocked: () => events.push('unlocked') });
  announce = () => lock.announce();
  return { db, vault, lock, events, runs: new RunsRepository(db, () => {}, vault) };
}

describe('LockState', () => {
  it('locks after the idle time, but not while a run is in progress', async () => {
    const busy = { value: false };
    const { lock, events } = await setup(busy);
    expect(lock.status).toBe('off');
    expect(await lock.enable('idle passphrase', 3)).toBe(true);
    expect(lock.status).toBe('unlocked');
    const start = Date.now();
    lock.checkIdle(start + 2 * 60_000);
    expect(lock.status).toBe('unlocked');
    busy.value = true;
    lock.checkIdle(start + 4 * 60_000);
    expect(lock.status).toBe('unlocked');
    busy.value = false;
    lock.checkIdle(start + 4 * 60_000);
    expect(lock.status).toBe('locked');
    expect(events).toEqual(['unlocked', 'locked']);
  });

  it('Lock during a run waits for the run to end, then locks', async () => {
    const busy = { value: true };
    const { lock } = await setup(busy);
    await lock.enable('pending passphrase', 30);
    lock.lock();
    expect(lock.pending).toBe(true);
    expect(lock.status).toBe('unlocked');
    busy.value = false;
    lock.checkIdle();
    expect(lock.status).toBe('locked');
    expect(lock.pending).toBe(false);
  });

  it('a wrong passphrase is reported and unlocks nothing; the right one unlocks and the data reads', async () => {
    const { lock, runs } = await setup({ value: false });
    const [run] = fakeRuns(1);
    await runs.save(run!);
    await lock.enable('the right one', 5);
    lock.lock();
    expect(await lock.unlock('the wrong one')).toBe(false);
    expect(lock.wrongPassphrase).toBe(true);
    expect(lock.status).toBe('locked');
    expect(await lock.unlock('the right one')).toBe(true);
    expect(lock.wrongPassphrase).toBe(false);
    expect(await runs.get(run!.id)).toEqual(run);
    await lock.setIdleMinutes(0);
    expect(lock.idleMinutes).toBe(1);
  });

  it('a second tab hears that the lock went on and stops writing plain records', async () => {
    const a = await setup({ value: false });
    // Tab B: the same database, its own vault and lock state, opened before the lock went on.
    const vaultB = new Vault();
    const serviceB = new LockService(a.db, new SettingsRepository(a.db), vaultB, { iterations: 1_000, minIterations: 1_000 });
    await serviceB.load();
    const lockB = new LockState(serviceB);
    const runsB = new RunsRepository(a.db, () => {}, vaultB);
    expect(lockB.status).toBe('off');
    await a.lock.enable('shared passphrase', 5);
    await expect.poll(() => lockB.status).toBe('locked');
    const [run] = fakeRuns(1);
    await expect(runsB.save(run!)).rejects.toMatchObject({ code: 'data_locked' });
    expect(await lockB.unlock('shared passphrase')).toBe(true);
    await runsB.save(run!);
    expect(await a.runs.get(run!.id)).toEqual(run);
  });
});
