// A small client of the Google Reader API for tests and the bench, to do on the server what another
// laptop or the phone would (subscribe, mark read, star) and to look at what the server holds. Not the
// app's client (shared/aggregator): a second, independent reading of the same API.
export interface ReaderApiClient {
  subscribe(feedUrl: string): Promise<string>;
  /** Every item id of a stream (decimal), optionally without the items in state `exclude`. */
  ids(stream: string, exclude?: string): Promise<string[]>;
  /** The items' ids with their links. */
  links(ids: readonly string[]): Promise<Map<string, string>>;
  editTag(ids: readonly string[], tag: 'read' | 'starred', add: boolean): Promise<void>;
  /** The subscriptions: address, title and folder (label). */
  subscriptions(): Promise<{ url: string; title: string; folder: string | null }[]>;
}

export const readerStates = {
  readingList: 'user/-/state/com.google/reading-list',
  read: 'user/-/state/com.google/read',
  starred: 'user/-/state/com.google/starred',
} as const;

export const readerApiClient = async (apiUrl: string, user: string, password: string): Promise<ReaderApiClient> => {
  const login = await fetch(`${apiUrl}/accounts/ClientLogin`, { method: 'POST', body: new URLSearchParams({ Email: user, Passwd: password }) });
  const auth = /Auth=(\S+)/.exec(await login.text())?.[1];
  if (auth === undefined) throw new Error(`ClientLogin failed (${login.status})`);
  const headers = { Authorization: `GoogleLogin auth=${auth}` };
  const api = `${apiUrl}/reader/api/0`;
  const token = (await (await fetch(`${api}/token`, { headers })).text()).trim();
  const post = async (pathName: string, form: [string, string][]) => {
    const answer = await fetch(`${api}/${pathName}`, { method: 'POST', headers, body: new URLSearchParams([...form, ['T', token]]) });
    if (!answer.ok) throw new Error(`${pathName}: ${answer.status}`);
    return answer.text();
  };
  return {
    subscribe: async (feedUrl) => {
      const answer = JSON.parse(await post('subscription/quickadd', [['quickadd', feedUrl]])) as { streamId?: string; error?: string };
      if (answer.streamId === undefined) throw new Error(`quickadd ${feedUrl}: ${answer.error ?? 'no stream'}`);
      return answer.streamId;
    },
    ids: async (stream, exclude) => {
      const found: string[] = [];
      let continuation = '';
      for (;;) {
        const query = new URLSearchParams({ s: stream, n: '1000', ...(exclude ? { xt: exclude } : {}), ...(continuation ? { c: continuation } : {}) });
        const answer = (await (await fetch(`${api}/stream/items/ids?${query.toString()}`, { headers })).json()) as { itemRefs: { id: string }[]; continuation?: string };
        found.push(...answer.itemRefs.map((ref) => ref.id));
        if (!answer.continuation || answer.itemRefs.length === 0) return found;
        continuation = answer.continuation;
      }
    },
    links: async (ids) => {
      const links = new Map<string, string>();
      for (let start = 0; start < ids.length; start += 200) {
        const batch = ids.slice(start, start + 200);
        const answer = JSON.parse(await post('stream/items/contents', batch.map((id) => ['i', id]))) as { items: { id: string; canonical?: { href: string }[] }[] };
        for (const item of answer.items) links.set(BigInt(`0x${item.id.split('/').pop() ?? '0'}`).toString(), item.canonical?.[0]?.href ?? '');
      }
      return links;
    },
    subscriptions: async () => {
      const answer = (await (await fetch(`${api}/subscription/list?output=json`, { headers })).json()) as { subscriptions: { url: string; title: string; categories?: { label?: string }[] }[] };
      return answer.subscriptions.map((subscription) => ({ url: subscription.url, title: subscription.title, folder: subscription.categories?.[0]?.label ?? null }));
    },
    editTag: async (ids, tag, add) => {
      await post('edit-tag', [...ids.map((id): [string, string] => ['i', id]), [add ? 'a' : 'r', readerStates[tag]]]);
    },
  };
};
