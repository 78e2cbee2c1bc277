// Every text a field officer may read when something goes wrong lives here, in one place.
import { userMessage } from './i18n/userMessage';
export const errorMessages = {
  // The listing converter is a command-line tool for maintainers (scripts/feedFromListing.ts): its
  // sentences stay English strings; everything a field officer may read below is a catalog message.
  listingEmpty: 'The listing is empty: it needs at least one entry (a date line, a title line and a paragraph).',
  listingTextBeforeFirstDate: (line: number) =>
    `Line ${line}: text before the first date line. Each entry must start with a date such as "7 July, 2021".`,
  listingBadDate: (line: number, text: string) =>
    `Line ${line}: "${text}" looks like a date but is not a real one. Write it as day, month name and year, e.g. "7 July, 2021".`,
  listingMissingTitle: (line: number) => `Line ${line}: the entry dated on this line has no title.`,
  listingMissingBody: (line: number) =>
    `Line ${line}: the entry titled on this line has no text. Add at least one paragraph after the title.`,
  externalLinkNotText: userMessage('error.externalLinkNotText'),
  externalLinkMalformed: userMessage('error.externalLinkMalformed'),
  externalLinkScheme: (scheme: string) => userMessage('error.externalLinkScheme', { scheme }),
  bridgeUnexpectedSender: userMessage('error.bridgeUnexpectedSender'),
  bridgeUnknownFailure: userMessage('error.bridgeUnknownFailure'),
  feedNotJson: userMessage('error.feedNotJson'),
  feedIsWebPage: userMessage('error.feedIsWebPage'),
  feedNotAnObject: userMessage('error.feedNotAnObject'),
  feedWrongVersion: userMessage('error.feedWrongVersion'),
  feedMissingItems: userMessage('error.feedMissingItems'),
  // Feed documents of every format (shared/feed/parseFeedDocument.ts).
  feedEmptyDocument: userMessage('error.feedEmptyDocument'),
  feedUnrecognised: userMessage('error.feedUnrecognised'),
  feedPageWithoutFeeds: userMessage('error.feedPageWithoutFeeds'),
  feedMalformedXml: userMessage('error.feedMalformedXml'),
  feedParserFailed: (detail: string) => userMessage('error.feedParserFailed', { detail: detail.slice(0, 200) }),
  feedUnreadableXml: userMessage('error.feedUnreadableXml'),
  sampleFeedUnavailable: userMessage('error.sampleFeedUnavailable'),
  storageUnavailable: userMessage('error.storageUnavailable'),
  gazetteerUnreadable: userMessage('error.gazetteerUnreadable'),
  searchIndexUnreadable: userMessage('error.searchIndexUnreadable'),
  regionMapUnreadable: userMessage('error.regionMapUnreadable'),
  // Sync transport (shared/sync): one distinct, plain-language message per way a download fails.
  fetchBadAddress: userMessage('error.fetchBadAddress'),
  fetchRefused: userMessage('error.fetchRefused'),
  fetchHostNotFound: (host: string) => userMessage('error.fetchHostNotFound', { host }),
  fetchNoConnection: userMessage('error.fetchNoConnection'),
  fetchTimeout: (seconds: number) => userMessage('error.fetchTimeout', { seconds }),
  fetchStalled: (seconds: number) => userMessage('error.fetchStalled', { seconds }),
  fetchCutOff: userMessage('error.fetchCutOff'),
  fetchTooLarge: (megabytes: number) => userMessage('error.fetchTooLarge', { megabytes }),
  fetchHttpStatus: (status: number) => userMessage('error.fetchHttpStatus', { status: String(status) }),
  fetchGone: userMessage('error.fetchGone'),
  fetchRedirectLoop: userMessage('error.fetchRedirectLoop'),
  fetchTooManyRedirects: (limit: number) => userMessage('error.fetchTooManyRedirects', { limit }),
  fetchRedirectUnusable: userMessage('error.fetchRedirectUnusable'),
  fetchRedirectInsecure: userMessage('error.fetchRedirectInsecure'),
  fetchAddressRefused: (host: string, address: string) =>
    userMessage('error.fetchAddressRefused', { host, address, sameAsHost: host === address ? 'yes' : 'no' }),
  fetchPageInsecure: userMessage('error.fetchPageInsecure'),
  articleNotInPage: userMessage('error.articleNotInPage'),
  linkNeedsGesture: userMessage('error.linkNeedsGesture'),
  feedInsideNetworkDeclined: (host: string) => userMessage('error.feedInsideNetworkDeclined', { host }),
  feedsInsideNetworkFull: (limit: number) => userMessage('error.feedsInsideNetworkFull', { limit }),
  // A team's aggregator (shared/aggregator): each way connecting or syncing with it fails.
  aggregatorBadAddress: userMessage('error.aggregatorBadAddress'),
  aggregatorWrongPassword: userMessage('error.aggregatorWrongPassword'),
  aggregatorNotReaderApi: userMessage('error.aggregatorNotReaderApi'),
  aggregatorServerError: (status: number) => userMessage('error.aggregatorServerError', { status }),
  aggregatorSignedOut: userMessage('error.aggregatorSignedOut'),
  aggregatorMoved: userMessage('error.aggregatorMoved'),
  aggregatorAnswerTooLarge: userMessage('error.aggregatorAnswerTooLarge'),
  aggregatorNotOnThisDevice: userMessage('error.aggregatorNotOnThisDevice'),
  aggregatorFeedRefused: (detail: string) => userMessage('error.aggregatorFeedRefused', { detail: detail.slice(0, 200) }),
  aggregatorChangeRefused: userMessage('error.aggregatorChangeRefused'),
  aggregatorSecretsUnavailable: userMessage('error.aggregatorSecretsUnavailable'),
  discoveredFeedInsideNetwork: (host: string, url: string) => userMessage('error.discoveredFeedInsideNetwork', { host, url }),
  logEntriesRefused: userMessage('error.logEntriesRefused'),
  logStoreMissing: userMessage('error.logStoreMissing'),
  syncPageNotSaved: userMessage('error.syncPageNotSaved'),
  // The browser's storage refused a write (renderer/workers/sync/pageWriteFailure.ts): no promise that earlier news is kept.
  syncStorageFailed: userMessage('error.syncStorageFailed'),
  // A write that failed on a full disk: Chromium may then delete the whole database (electron/electron#41877).
  // Both disk sentences are in the catalogs too (storage.diskFull*), with their Spanish.
  diskFull: userMessage('storage.diskFull'),
  // The sync's own check stopped before writing (renderer/workers/sync/diskSpaceGuard.ts): nothing was changed.
  diskFullBeforeWriting: userMessage('storage.diskFullBeforeWriting'),
  freeSpaceUnknown: userMessage('error.freeSpaceUnknown'),
  syncWorkerStopped: userMessage('error.syncWorkerStopped'),
  syncNoAnswer: (minutes: number) => userMessage('error.syncNoAnswer', { minutes }),
  // Pictures saved at sync time (shared/pictures): a failure is logged and the picture left unsaved; the news is untouched.
  pictureNotAPicture: (contentType: string) =>
    contentType === '' ? userMessage('error.pictureNoContentType') : userMessage('error.pictureNotAPicture', { contentType }),
  pictureTooLarge: (megabytes: number) => userMessage('error.pictureTooLarge', { megabytes }),
  pictureUnreadable: userMessage('error.pictureUnreadable'),
  pictureTooManyPixels: (width: number, height: number, megapixels: number) => userMessage('error.pictureTooManyPixels', { width, height, megapixels }),
  pictureSizeUnknown: userMessage('error.pictureSizeUnknown'),
  // The screen shown instead of the app (ErrorBoundary) keeps its words in renderer/window/components/errorScreenWords.ts.
  // Feed settings: what a person typed as a feed address.
  // Moved to the catalogs (shared/i18n): what a person typed as a feed address, as message ids.
  feedAddressEmpty: userMessage('error.feedAddressEmpty'),
  feedAddressNoScheme: (text: string) => userMessage('error.feedAddressNoScheme', { text }),
  feedAddressMalformed: userMessage('error.feedAddressMalformed'),
  feedAddressScheme: (scheme: string) => userMessage('error.feedAddressScheme', { scheme }),
  feedAlreadyAdded: userMessage('error.feedAlreadyAdded'),
  // Backup and restore (shared/backup, renderer/backup): every refusal leaves the stored news as it was.
  backupNotJson: userMessage('error.backupNotJson'),
  backupCutShort: userMessage('error.backupCutShort'),
  backupNotFieldNews: userMessage('error.backupNotFieldNews'),
  backupNewerVersion: (version: number) => userMessage('error.backupNewerVersion', { version: String(version) }),
  backupTooLarge: (items: number, megabytes: number) => userMessage('error.backupTooLarge', { items, megabytes }),
  backupFileTooLarge: (megabytes: number) => userMessage('error.backupFileTooLarge', { megabytes }),
  backupDamagedEntry: (list: 'feeds' | 'settings' | 'items', position: number) => userMessage('error.backupDamagedEntry', { list, position }),
  backupUnknownFeed: (address: string) => userMessage('error.backupUnknownFeed', { address }),
  backupFeedAddress: (position: number, address: string) => userMessage('error.backupFeedAddress', { position, address: address.slice(0, 200) }),
  backupUnreadable: userMessage('error.backupUnreadable'),
  backupNotSaved: userMessage('error.backupNotSaved'),
  backupStoppedReading: userMessage('error.backupStoppedReading'),
  // OPML import (shared/opml): what is wrong with a subscription list chosen under Import OPML.
  opmlEmpty: userMessage('error.opmlEmpty'),
  opmlUnreadable: (reason: string) => userMessage('error.opmlUnreadable', { reason }),
  opmlTooLarge: (megabytes: number) => userMessage('error.opmlTooLarge', { megabytes }),
  opmlNoElements: userMessage('error.opmlNoElements'),
  opmlWrongTopElement: (element: string) => userMessage('error.opmlWrongTopElement', { element }),
  opmlEndsEarly: (line: number, element: string, openedOnLine: number) => userMessage('error.opmlEndsEarly', { line, element, openedOnLine }),
  opmlTagMismatch: (line: number, closing: string, open: string, openedOnLine: number) =>
    userMessage('error.opmlTagMismatch', { line, closing, open, openedOnLine }),
  opmlAfterEnd: (line: number) => userMessage('error.opmlAfterEnd', { line }),
  opmlTooDeep: (levels: number) => userMessage('error.opmlTooDeep', { levels }),
  opmlTookTooLong: (seconds: number) => userMessage('error.opmlTookTooLong', { seconds }),
  opmlNoBody: userMessage('error.opmlNoBody'),
  opmlNoFeeds: userMessage('error.opmlNoFeeds'),
  opmlNoWebFeeds: (count: number) => userMessage('error.opmlNoWebFeeds', { count }),
} as const;
