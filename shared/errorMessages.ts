// Every text a field officer may read when something goes wrong lives here, in one place.
export const errorMessages = {
  listingEmpty: 'The listing is empty: it needs at least one entry (a date line, a title line and a paragraph).',
  listingTextBeforeFirstDate: (line: number) =>
    `Line ${line}: text before the first date line. Each entry must start with a date such as "7 July, 2021".`,
  listingBadDate: (line: number, text: string) =>
    `Line ${line}: "${text}" looks like a date but is not a real one. Write it as day, month name and year, e.g. "7 July, 2021".`,
  listingMissingTitle: (line: number) => `Line ${line}: the entry dated on this line has no title.`,
  listingMissingBody: (line: number) =>
    `Line ${line}: the entry titled on this line has no text. Add at least one paragraph after the title.`,
  externalLinkNotText: 'The link is missing or is not text.',
  externalLinkMalformed: 'The link is not a well-formed web address.',
  externalLinkScheme: (scheme: string) =>
    `Only web links (http or https) can be opened outside the app; this one is "${scheme}".`,
  bridgeUnexpectedSender: 'Refused: the request did not come from Field News itself.',
  bridgeUnknownFailure: 'Something went wrong inside Field News. Restart the app; your saved news is safe.',
  feedNotJson: 'This address returned something that is not JSON, so it is not a news feed.',
  feedIsWebPage: 'This address returned a web page, not a news feed.',
  feedNotAnObject: 'This is not a news feed: a JSON Feed is a JSON object with a "version" and "items".',
  feedWrongVersion: 'This is not a JSON Feed: its "version" is not a jsonfeed.org address.',
  feedMissingItems: 'This feed has no "items" list, so there is no news in it.',
  feedMissingTitle: 'This feed has no "title".',
  sampleFeedUnavailable: 'The sample news that ships with Field News could not be read. Reinstall the app.',
  storageUnavailable:
    'Field News cannot open its storage on this computer. Close other Field News windows and restart the app.',
} as const;
