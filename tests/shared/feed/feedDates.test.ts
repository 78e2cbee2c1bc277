// Feed dates: RFC 822 with named and numeric zones, ISO 8601, dc:date, and garbage that stays null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFeedDate } from '../../../shared/feed/feedDates';

describe('readFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 UT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EDT', '2003-06-10T08:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 PDT', '2003-06-10T11:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0200', '2003-06-10T02:00:00.000Z'],
    ['10 Jun 2003 04:00 -0530', '2003-06-10T09:30:00.000Z'],
    ['Mon, 7 June 2021 14:30:00 +00:00', '2021-06-07T14:30:00.000Z'],
    ['Sun, 31 Dec 99 23:59:59 GMT', '1999-12-31T23:59:59.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 Z', '2003-06-10T04:00:00.000Z'],
    ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
    ['2003-12-13T18:30-05:00', '2003-12-13T23:30:00.000Z'],
    ['2003-12-13 18:30:02', '2003-12-13T18:30:02.000Z'],
    ['2003-12-13', '2003-12-13T00:00:00.000Z'],
    ['  2021-06-18T10:00:00+02:00 ', '2021-06-18T08:00:00.000Z'],
    // Month lengths are worked out, not asked of a Date: leap years by the Gregorian rule, 30-day months.
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00.000Z'],
    ['Thu, 29 Feb 2024 10:00:00 GMT', '2024-02-29T10:00:00.000Z'],
    ['2021-04-30', '2021-04-30T00:00:00.000Z'],
    ['2021-12-31', '2021-12-31T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(readFeedDate(text)).toBe(expected);
  });

  it.each([
    'yesterday', '', '   ', '2021-02-30T00:00:00Z', '2023-02-29', '2100-02-29', '2021-04-31', 'Sat, 31 Sep 2021 10:00:00 GMT', '2021-13-01', '31 Foo 2021 10:00 GMT', 'Tue, 10 Jun 2003 25:00:00 GMT',
    '2003-06-10T04:00:00+25:00', 'Tue, 10 Jun 2003 04:00:00 XYZ', '1'.repeat(100), null, undefined,
  ])('leaves %j unknown (null)', (text) => {
    expect(readFeedDate(text)).toBeNull();
  });

  it('gives null or a valid UTC time for any text, quickly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const date = readFeedDate(text);
        return date === null || (date.endsWith('Z') && !Number.isNaN(Date.parse(date)));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips any date written as RFC 822 or ISO 8601', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(readFeedDate(whole.toUTCString())).toBe(whole.toISOString());
        expect(readFeedDate(whole.toISOString())).toBe(whole.toISOString());
      }),
      { numRuns: 300 },
    );
  });
});
