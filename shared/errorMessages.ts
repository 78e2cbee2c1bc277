// Every text a field officer may read when something goes wrong lives here, in one place.
import { userMessage } from './i18n/userMessage';
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
  // Feed documents of every format (shared/feed/parseFeedDocument.ts).
  feedEmptyDocument: 'This address returned an empty answer, so there is no news in it. Check the address, or try again later.',
  feedUnrecognised:
    'This address returned something that is not a news feed (not RSS, Atom or JSON Feed). Check that you pasted the feed\'s address, not a page or a file.',
  feedPageWithoutFeeds:
    'This address is a web page that announces no news feed. Look on the site for an RSS, Atom or JSON Feed link and paste that.',
  feedMalformedXml:
    'This feed is broken: its text stops halfway or is not well-formed XML, so Field News cannot read it. Try again later; if it stays broken, tell the site that publishes it.',
  feedParserFailed: (detail: string) =>
    `Field News could not read this feed because of a fault in Field News itself (${detail.slice(0, 200)}). Other feeds are not affected; please report this.`,
  feedUnreadableXml: 'This feed is missing the parts every RSS or Atom feed has (a channel or feed element), so Field News cannot read it. Tell the site that publishes it.',
  sampleFeedUnavailable: 'The sample news that ships with Field News could not be read. Reinstall the app.',
  storageUnavailable:
    'Field News cannot open its storage on this computer. Close other Field News windows and restart the app.',
  gazetteerUnreadable: 'The list of places that ships with Field News could not be read, so search by place is off. Reinstall the app.',
  regionMapUnreadable: 'The map of the region that ships with Field News could not be read, so the map shows places without borders. Reinstall the app.',
  // Sync transport (shared/sync): one distinct, plain-language message per way a download fails.
  fetchBadAddress: 'This feed address is not a web address: it must start with http:// or https://.',
  fetchRefused: 'The news server refused the connection; it may be down. Your saved news is safe.',
  fetchHostNotFound: (host: string) =>
    `The server "${host}" could not be found. Check the feed address, or the internet connection may be down.`,
  fetchNoConnection: 'Field News could not reach the news server. Check the internet connection; your saved news is safe.',
  fetchTimeout: (seconds: number) => `The news server did not answer within ${seconds} seconds.`,
  fetchStalled: (seconds: number) =>
    `The download stopped halfway: nothing arrived for ${seconds} seconds. Nothing was changed; Field News will try again.`,
  fetchCutOff: 'The connection broke while the news was arriving, so only part of it came. Nothing was changed.',
  fetchTooLarge: (megabytes: number) =>
    `This feed is larger than ${megabytes} MB, so Field News stopped downloading it to protect the connection.`,
  fetchHttpStatus: (status: number) => {
    const meaning: Record<number, string> = {
      404: ' (there is no feed at this address)',
      500: ' (an error on the server)',
      502: ' (a gateway between here and the server failed)',
      503: ' (the server is busy or down for maintenance)',
      504: ' (a gateway between here and the server timed out)',
    };
    return `The server answered ${status}${meaning[status] ?? ''}.`;
  },
  fetchGone: 'The server answered 410: this feed is gone for good, so Field News stops checking it. Remove it, or add its new address.',
  fetchRedirectLoop: 'This address sends Field News round in a circle of redirects, so the feed cannot be reached.',
  fetchTooManyRedirects: (limit: number) => `This address redirected more than ${limit} times, so Field News gave up.`,
  fetchRedirectUnusable: 'The server redirected to an address Field News cannot follow (not an http or https address).',
  fetchRedirectInsecure: 'The server tried to move this feed from a secure (https) address to an insecure (http) one, so Field News did not follow it.',
  fetchAddressRefused: (host: string, address: string) =>
    `This feed tried to send Field News to an address inside your own network (${host === address ? address : `${host}, at ${address}`}), which a public feed may not do, so it was stopped.`,
  logEntriesRefused: 'Field News could not add these lines to its diagnostics log: they are not log lines, or too many at once.',
  logStoreMissing: 'The diagnostics log is not open yet, so nothing could be written to it or read from it. Try again in a moment.',
  syncPageNotSaved: 'A page of news could not be saved on this computer; what was saved before is kept.',
  // A write that failed on a full disk: Chromium may then delete the whole database (electron/electron#41877).
  // Both disk sentences are in the catalogs too (storage.diskFull*), with their Spanish.
  diskFull:
    "This computer's disk filled up while news was being saved, and the news stored on this computer may have been lost. Free some space and restart Field News; if news is missing, import your last backup under Backup and diagnostics.",
  // The sync's own check stopped before writing (renderer/sync/diskSpaceGuard.ts): nothing was changed.
  diskFullBeforeWriting:
    "There is almost no space left on this computer's disk, so Field News stopped saving news before writing anything. Free some space, then sync again; your saved news is safe.",
  freeSpaceUnknown: 'This browser does not say how much storage space is left.',
  syncWorkerStopped: 'The part of Field News that saves news stopped unexpectedly. Nothing was lost; Field News will try again.',
  syncNoAnswer: (minutes: number) =>
    `Saving the news took more than ${minutes} minutes without any sign of progress, so Field News gave up for now. Nothing was lost.`,
  // Pictures saved at sync time (shared/pictures): a failure is logged and the picture left unsaved; the news is untouched.
  pictureNotAPicture: (contentType: string) =>
    `This address answered with ${contentType === '' ? 'no content type' : `"${contentType}"`}, not a picture (SVG pictures are not saved either), so nothing was saved.`,
  pictureTooLarge: (megabytes: number) => `This picture is larger than ${megabytes} MB, so Field News did not save it.`,
  pictureUnreadable: 'This picture could not be read (damaged, or in a format Field News cannot show), so it was not saved.',
  // The screen shown instead of the app when the window cannot show the news (ErrorBoundary).
  appCrashedTitle: 'Field News could not show your news',
  appCrashedExplanation:
    'Something went wrong while showing the news. Your saved news is kept in the data folder below. Reload to try again; if this keeps happening, copy the diagnostics and send them to support.',
  appCrashedStorage:
    'Field News could not read or write its storage on this computer. The disk may be full, or another program may be holding it. Free some space, close other Field News windows, then reload. If news is missing after that (a full disk can cost the stored news), import your last backup under Backup and diagnostics.',
  appDataFolderWeb: (origin: string) => `In this browser's own storage for ${origin} (web mode has no data folder of its own).`,
  appDiagnosticsNotCopied: 'The diagnostics could not be copied automatically. Select the text below and copy it.',
  appScreenDataFolder: 'Data folder:',
  appScreenReload: 'Reload',
  appScreenCopyDiagnostics: 'Copy diagnostics',
  appScreenCopied: 'Copied. Paste it into a message to support.',
  appScreenDiagnostics: 'Diagnostics',
  appScreenTechnicalDetails: 'Technical details',
  // Feed settings: what a person typed as a feed address.
  // Moved to the catalogs (shared/i18n): what a person typed as a feed address, as message ids.
  feedAddressEmpty: userMessage('error.feedAddressEmpty'),
  feedAddressNoScheme: (text: string) => userMessage('error.feedAddressNoScheme', { text }),
  feedAddressMalformed: userMessage('error.feedAddressMalformed'),
  feedAddressScheme: (scheme: string) => userMessage('error.feedAddressScheme', { scheme }),
  feedAlreadyAdded: userMessage('error.feedAlreadyAdded'),
  syncOffline: 'Offline — showing saved news',
  // Backup and restore (shared/backup, renderer/backup): every refusal leaves the stored news as it was.
  backupNotJson: 'This file is damaged or is not a Field News backup: it is not readable JSON text. Nothing was changed.',
  backupCutShort: 'This backup is cut short: the file ends in the middle, perhaps because copying it stopped early. Nothing was changed.',
  backupNotFieldNews: 'This file is not a Field News backup (it was not made with "Export my news"). Nothing was changed.',
  backupNewerVersion: (version: number) =>
    `This backup was made by a newer Field News (backup format ${version}). Update Field News, then import it again. Nothing was changed.`,
  backupTooLarge: (limit: string) => `This backup is larger than Field News can import (${limit}). Nothing was changed.`,
  backupDamagedEntry: (list: string, position: number) =>
    `This backup is damaged: entry ${position.toLocaleString('en')} of its ${list} is not valid. Nothing was changed.`,
  backupUnknownFeed: (address: string) =>
    `This backup is damaged: it has news of a feed it does not list (${address}). Nothing was changed.`,
  backupUnreadable: 'Field News could not read this file. Check that it is still on the disk or USB stick, then try again. Nothing was changed.',
  backupNotSaved:
    'The backup could not be saved completely on this computer (the disk may be full). What was saved is kept; importing the same file again finishes the job without duplicates.',
  backupStoppedReading:
    'The backup file could no longer be read halfway through the import (was the USB stick removed, or the file changed?). What was imported so far is kept; import the file again to finish, without duplicates.',
  // OPML import (shared/opml): what is wrong with a subscription list chosen under Import OPML.
  opmlEmpty: 'This file is empty, so there are no feeds to import.',
  opmlUnreadable: (reason: string) => `Field News could not read this file (${reason}). Choose the .opml file again, or copy it to this computer first.`,
  opmlTooLarge: (megabytes: number) =>
    `This file is larger than ${megabytes} MB, far too large for a list of feeds, so Field News did not read it. Choose the .opml file exported from the other news reader.`,
  opmlNoElements: 'This file is not OPML: there is no XML in it. Choose the .opml file exported from the other news reader.',
  opmlWrongTopElement: (element: string) =>
    `This file is not OPML: its top element is <${element}>, not <opml>. Choose the .opml file exported from the other news reader.`,
  opmlEndsEarly: (line: number, element: string, openedOnLine: number) =>
    `The OPML file ends in the middle (line ${line}): <${element}>, opened on line ${openedOnLine}, is never closed. It may have been cut off while copying; export it again. Nothing was imported.`,
  opmlTagMismatch: (line: number, closing: string, open: string, openedOnLine: number) =>
    `The OPML file is damaged at line ${line}: </${closing}> closes <${open}>, which opened on line ${openedOnLine}. Nothing was imported.`,
  opmlAfterEnd: (line: number) =>
    `The OPML file goes on after its end </opml> (line ${line}); it may be two files joined together. Nothing was imported.`,
  opmlTooDeep: (levels: number) =>
    `This OPML file nests folders more than ${levels} levels deep, which no news reader writes, so Field News did not import it.`,
  opmlNoBody: 'This OPML file has no <body>, so it lists no feeds.',
  opmlNoFeeds: 'This OPML file has no feeds: none of its entries has a feed address (xmlUrl).',
  opmlNoWebFeeds: (count: number) =>
    count === 1
      ? 'This OPML file has no feeds Field News can read: its one feed address is not a web (http or https) address.'
      : `This OPML file has no feeds Field News can read: none of its ${count} feed addresses is a web (http or https) address.`,
} as const;
