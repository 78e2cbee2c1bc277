// The contract between place search and whatever searches the words of titles and texts: the word
// index in the app, a plain fuse.js search as the benchmark's reference.

/** Finds items by words of their title and text; best or newest first, at most `limit`. */
export type TextSearch = (words: readonly string[], limit: number) => readonly { key: string; date: number }[];
