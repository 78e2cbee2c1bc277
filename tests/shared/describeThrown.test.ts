// describeThrown: what a thrown value says about itself, as one short log line.
import { describe, expect, it } from 'vitest';
import { describeThrown } from '../../shared/describeThrown';

describe('describeThrown', () => {
  it('gives an error’s name and message', () => {
    expect(describeThrown(new TypeError('socket hang up'))).toBe('TypeError: socket hang up');
  });

  it('names a DOMException by its name', () => {
    expect(describeThrown(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('QuotaExceededError: The quota has been exceeded.');
  });

  it('follows causes, with their codes, as Node nests the socket error', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('read'), { code: 'ECONNRESET' });
    expect(describeThrown(new TypeError('fetch failed', { cause: socket }))).toBe('TypeError: fetch failed (cause: Error: connect ECONNREFUSED 127.0.0.1:9)');
    expect(describeThrown(new TypeError('terminated', { cause: reset }))).toBe('TypeError: terminated (cause: Error: read [ECONNRESET])');
  });

  it('stops following a cycle of causes', () => {
    const looping = new Error('one');
    looping.cause = looping;
    expect(describeThrown(looping)).toBe('Error: one (cause: Error: one (cause: Error: one (cause: Error: one)))');
  });

  it('takes a thrown string as written and says what else was thrown', () => {
    expect(describeThrown('the window closed')).toBe('the window closed');
    expect(describeThrown(undefined)).toBe('thrown undefined: undefined');
    expect(describeThrown(42)).toBe('thrown number: 42');
    expect(describeThrown({ message: 'no name' })).toBe('thrown object: no name');
  });

  it('keeps to one short line', () => {
    expect(describeThrown(new Error('first line\nsecond line'))).toBe('Error: first line second line');
    const long = describeThrown(new Error('x'.repeat(5_000)));
    expect(long.length).toBeLessThanOrEqual(301);
    expect(long.endsWith('…')).toBe(true);
  });

  it('says so when the thrown value cannot be read', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); }, has: () => true });
    expect(describeThrown(hostile)).toBe('an error that could not be read');
  });
});
