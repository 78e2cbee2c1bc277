// Whether what was read off a page is an article worth saving over the feed's own text. A page
// that is a wall (cookie consent, a paywall, a login), a list of links, or a few words is not: the
// reader keeps the feed's version and says so, and never shows a cookie banner as the article.

/** Why a page gave no article to save. */
export type ArticleFailure =
  /** No article on the page: a consent wall, a paywall, a login, a video, an index of links. */
  | 'not-an-article'
  /** An article, but no longer than the text the feed already carries. */
  | 'shorter-than-feed'
  /** Not a web page at all (a PDF, a picture, a video file). */
  | 'unreadable'
  /** Nested too deeply (or too heavily) to read in bounded time. */
  | 'too-deep';

/** Fewer characters than this are a caption or a video's description, never an article. */
export const minimumArticleCharacters = 200;

/** A text with more of its characters inside links than this is a list of links (an index page), not an article. */
export const maximumLinkShare = 0.5;

/** Walls are short: past this many characters a text is read as an article whatever it mentions. */
export const wallTextCharacters = 2_500;

/** A wall scores this much: UI phrases (buttons, form labels) count 2, the words walls use count 1. */
export const wallScore = 4;

export type WallKind = 'consent' | 'paywall' | 'login';

interface WallPhrases {
  /** Phrases of buttons and forms, hardly ever found in an article's sentences. */
  strong: readonly string[];
  /** Words a wall uses that an article may use too. */
  weak: readonly string[];
}

/** Lower case, without accents (the text is folded the same way): English, Spanish, Portuguese, French, German. */
const wallPhrases: Record<WallKind, WallPhrases> = {
  consent: {
    strong: [
      'accept all', 'reject all', 'accept cookies', 'allow all cookies', 'manage preferences', 'manage cookies', 'manage options',
      'cookie settings', 'cookie preferences', 'we use cookies', 'store and/or access information on a device', 'legitimate interest',
      'aceptar todo', 'aceptar todas', 'rechazar todo', 'rechazar todas', 'aceptar cookies', 'configurar cookies', 'utilizamos cookies',
      'usamos cookies', 'interes legitimo', 'aceitar todos', 'rejeitar todos', 'tout accepter', 'tout refuser', 'interet legitime',
      'alle akzeptieren', 'alle ablehnen',
    ],
    weak: [
      'cookie', 'consent', 'our partners', 'vendors', 'privacy policy', 'personalised ads', 'personalized ads', 'personal data',
      'consentimiento', 'socios', 'politica de privacidad', 'datos personales', 'privacidade', 'partenaires', 'einwilligung', 'datenschutz',
    ],
  },
  paywall: {
    strong: [
      'subscribe to continue', 'subscribe to read', 'continue reading with', 'already a subscriber', 'already subscribed',
      'subscribers only', 'this article is for subscribers', 'this content is for subscribers', 'you have reached your limit',
      'create a free account to continue', 'ya eres suscriptor', 'exclusivo para suscriptores', 'suscribete para seguir leyendo',
      'has alcanzado el limite', 'ja e assinante', 'deja abonne', 'reserve aux abonnes',
    ],
    weak: ['subscribe', 'subscription', 'subscriber', 'free articles', 'suscribete', 'suscripcion', 'suscriptor', 'assinante', 'abonne', 'abonnement'],
  },
  login: {
    strong: [
      'forgot your password', 'forgot password', 'remember me', 'create an account', 'sign in with', 'log in with',
      'olvidaste tu contrasena', 'recordarme', 'crear cuenta', 'esqueceu sua senha', 'mot de passe oublie', 'passwort vergessen',
    ],
    weak: ['sign in', 'log in', 'login', 'password', 'username', 'iniciar sesion', 'inicia sesion', 'contrasena', 'usuario', 'senha', 'connexion', 'anmelden'],
  },
};

/** Lower case without accents, so "Contraseña" and "contrasena" read alike. */
const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const distinctFound = (text: string, phrases: readonly string[]): number => phrases.filter((phrase) => text.includes(phrase)).length;

/**
 * The wall a short text reads as, or null. `passwordField`: the page asks for a password (a form
 * field the extraction removed), which counts as a login phrase.
 */
export const wallKindOf = (text: string, passwordField: boolean): WallKind | null => {
  if (text.length >= wallTextCharacters) return null;
  const folded = foldText(text);
  const kinds: WallKind[] = ['consent', 'paywall', 'login'];
  for (const kind of kinds) {
    const { strong, weak } = wallPhrases[kind];
    const score = 2 * distinctFound(folded, strong) + distinctFound(folded, weak) + (kind === 'login' && passwordField ? 2 : 0);
    if (score >= wallScore) return kind;
  }
  return null;
};

export interface ArticleReading {
  /** The article's plain text, whitespace collapsed. */
  text: string;
  /** Characters of that text inside links. */
  linkCharacters: number;
  /** Whether the page asks for a password anywhere. */
  passwordField: boolean;
}

/** Why the article read off a page is not to be saved over a feed text of `feedTextLength` characters, or null when it is. */
export const articleFailureOf = (reading: ArticleReading, feedTextLength: number): ArticleFailure | null => {
  const { text } = reading;
  if (text.length < minimumArticleCharacters) return 'not-an-article';
  if (wallKindOf(text, reading.passwordField) !== null) return 'not-an-article';
  if (reading.linkCharacters > maximumLinkShare * text.length) return 'not-an-article';
  return text.length <= feedTextLength ? 'shorter-than-feed' : null;
};
