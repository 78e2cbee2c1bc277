// Reads the dates feeds write (RFC 822 in RSS, ISO 8601 in Atom and dc:date) into one UTC
// RFC 3339 form. An unreadable date is null, never a guess: the store then uses first-seen time.

/** Longer text is no date; the cap also keeps the patterns below cheap on hostile input. */
const longestDate = 80;

const months: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** Zone names of RFC 822 §5.1 in minutes east of UTC. Military letters other than Z are
 *  ignored as RFC 1123 advises (they were defined with the wrong sign), i.e. read as UTC. */
const zones: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
// Worked out, not asked of a Date: every item's dates pass here, on the sync's busiest path.
const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const fromParts = (
  year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond: number, offsetMinutes: number,
): string | null => {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return null;
  if (Math.abs(offsetMinutes) > 18 * 60) return null;
  // A leap second is read as the last second of its minute rather than refused.
  const time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond) - offsetMinutes * 60_000;
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
};

const numericOffset = (sign: string, hours: string, minutes: string): number =>
  (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));

// 2003-12-13T18:30:02Z, 2003-12-13T18:30:02.25+01:00, 2003-12-13T18:30+0100, 2003-12-13 (a day: read as its UTC midnight)
const iso8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?$/;

// [Tue,] 10 Jun 2003 04:00[:00] GMT | +0200 | -05:00 ; also two-digit years and full month names.
const rfc822 =
  /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,5})))?)?$/;

const readIso = (text: string): string | null => {
  const match = iso8601.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  const millisecond = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // A local time without a zone is read as UTC: the feed gave no better clue.
  const offset = zulu !== undefined || sign === undefined ? 0 : numericOffset(sign, offsetHours ?? '0', offsetMinutes ?? '0');
  return fromParts(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), millisecond, offset);
};

const readRfc822 = (text: string): string | null => {
  const match = rfc822.exec(text);
  if (!match) return null;
  const [, day, monthName, yearText, hour, minute, second, sign, offsetHours, offsetMinutes, zoneName] = match;
  const month = months[(monthName ?? '').toLowerCase()];
  if (month === undefined) return null;
  let year = Number(yearText);
  // RFC 822 years had two digits; RFC 2822 §4.3 reads 00–49 as 20xx and 50–99 as 19xx.
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  let offset = 0;
  if (sign !== undefined) offset = numericOffset(sign, offsetHours ?? '0', offsetMinutes ?? '0');
  else if (zoneName !== undefined) {
    const named = zones[zoneName.toLowerCase()];
    if (named !== undefined) offset = named;
    else if (zoneName.length !== 1) return null;
  }
  return fromParts(year, month, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), 0, offset);
};

/** A feed's date text as UTC RFC 3339 ("2003-06-10T04:00:00.000Z"), or null when it is missing or unreadable. */
export const readFeedDate = (text: string | null | undefined): string | null => {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > longestDate) return null;
  return readIso(trimmed) ?? readRfc822(trimmed.replace(/\s+/g, ' '));
};
