// What is no article to save: a wall (cookie consent, paywall, login), a list of links, a few
// words, or a text no longer than the feed's own. The reader then keeps the feed's version.
import { describe, expect, it } from 'vitest';
import { articleFailureOf, maximumLinkShare, minimumArticleCharacters, wallKindOf, wallTextCharacters } from '../../../shared/articles/articleVerdict';

const article =
  'The shelter in Tapachula received forty families this week, most of them from Honduras and Haiti. ' +
  'Volunteers said the kitchen now serves three meals a day and the clinic sees about sixty people. ';
const longArticle = article.repeat(8);

describe('wallKindOf', () => {
  it('knows a cookie consent wall, in English and in Spanish', () => {
    expect(
      wallKindOf('We value your privacy. We and our partners store and/or access information on a device, such as cookies. Accept all. Reject all. Manage preferences.', false),
    ).toBe('consent');
    expect(wallKindOf('Utilizamos cookies propias y de terceros. Puede aceptar todas, rechazar todas o configurar cookies. Política de privacidad.', false)).toBe('consent');
  });

  it('knows a paywall and a login page', () => {
    expect(wallKindOf('This article is for subscribers. Subscribe to continue reading. Already a subscriber? Log in.', false)).toBe('paywall');
    expect(wallKindOf('Iniciar sesión. Correo. Contraseña. ¿Olvidaste tu contraseña? Recordarme. Crear cuenta.', false)).toBe('login');
  });

  it('counts a password field as a login phrase', () => {
    const signIn = 'Sign in to your account. Email address. Password.';
    expect(wallKindOf(signIn, false)).toBeNull();
    expect(wallKindOf(signIn, true)).toBe('login');
  });

  it('reads an article that mentions cookies, privacy or passwords as an article', () => {
    expect(wallKindOf(`${article} The ministry's privacy policy on cookies was criticised.`, false)).toBeNull();
    expect(wallKindOf(`${article} Officials asked users to change their password.`, true)).toBeNull();
  });

  it('never reads a long text as a wall', () => {
    const wall = 'Accept all. Reject all. Manage preferences. We use cookies. ';
    expect(wallKindOf(wall, false)).toBe('consent');
    expect(wallKindOf(`${wall}${'x'.repeat(wallTextCharacters)}`, false)).toBeNull();
  });
});

describe('articleFailureOf', () => {
  const reading = (text: string, linkCharacters = 0) => ({ text, linkCharacters, passwordField: false });

  it('saves an article longer than the feed text', () => {
    expect(articleFailureOf(reading(longArticle), 300)).toBeNull();
  });

  it('keeps the feed when the article is not longer than it', () => {
    expect(articleFailureOf(reading(longArticle), longArticle.length)).toBe('shorter-than-feed');
    expect(articleFailureOf(reading(longArticle), longArticle.length - 1)).toBeNull();
  });

  it('finds no article in a few words, a wall, or a list of links', () => {
    expect(articleFailureOf(reading('x'.repeat(minimumArticleCharacters - 1)), 0)).toBe('not-an-article');
    expect(articleFailureOf(reading(`${article} Accept all. Reject all. Manage preferences. We use cookies.`), 0)).toBe('not-an-article');
    const links = Math.ceil(maximumLinkShare * longArticle.length) + 1;
    expect(articleFailureOf(reading(longArticle, links), 0)).toBe('not-an-article');
    expect(articleFailureOf(reading(longArticle, links - 2), 0)).toBeNull();
  });
});
