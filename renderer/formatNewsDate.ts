// Dates as the user's locale writes them; a missing date is said, not guessed.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatNewsDate = (iso: string | null): string => {
  if (!iso) return 'Unknown date';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'Unknown date' : dateFormat.format(time);
};
