// Field News's own words in an OPML file. OPML 2.0 lets a file carry attributes it does not describe
// "only if those elements are defined in a namespace", so a feed's *Full articles* choice is written
// as `fieldnews:fullArticles="always"` on its outline, with the prefix declared on <opml>. Other
// readers skip it; a reader that keeps unknown attributes carries it to the next Field News.

/**
 * Only ever compared, never fetched. Under fieldnews.org, the name the app's identity already takes
 * (appId "org.fieldnews.app"), and dated by its version so a different meaning would get a new name.
 */
export const fieldNewsNamespace = 'https://fieldnews.org/ns/opml/1';
export const fieldNewsPrefix = 'fieldnews';
export const fullArticlesAttribute = 'fullArticles';
