// The OPML worker's answers, apart from its entry so that tests run them over a stand-in channel:
// reading a chosen subscription list (charset, then the outline) off the window's thread.
import { parseOpmlFile } from '../../../shared/opml/parseOpml';
import { createThreadChannel, type CallMap, type ChannelEndpoint } from '../../../shared/threads/threadChannel';
import type { OpmlCalls } from '../../threads/opmlContract';

export const serveOpmlCalls = (scope: ChannelEndpoint, onHandlerError: (name: string, thrown: unknown) => void): void => {
  createThreadChannel<CallMap, OpmlCalls>(scope, { serve: { readOpml: ({ bytes }) => parseOpmlFile(bytes) }, onHandlerError });
};
