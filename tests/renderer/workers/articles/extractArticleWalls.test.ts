// Pages that hold no article to save: a cookie consent wall (with or without a consent tool's
// names), a login page, a paywall, a video page, an index of headlines, a file that is no page,
// and an article no longer than the feed's own text. The reader keeps the feed's version for
// each; a cookie banner is never saved as (or with) the article.
import { describe, expect, it } from 'vitest';
import { articleOf, extract, newsPage, story, storyParagraphs } from './articlePages';

const consentText =
  'Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, como cookies, y tratamos datos personales, como identificadores únicos e información estándar enviada por un dispositivo, para anuncios y contenido personalizados, medición de anuncios y del contenido e información sobre el público.';

const consentWall = (wrapperNames: string): string =>
  `<!doctype html><html><head><title>Aviso de privacidad</title></head><body><div ${wrapperNames}><h2>Su privacidad es importante</h2>
  <p>${consentText}</p><p>${consentText.replace('Nosotros', 'Con su permiso, nosotros')}</p>
  <p>Puede aceptar todas las cookies, rechazar todas o configurar cookies en cualquier momento desde la política de cookies.</p>
  <button>Aceptar todo</button><button>Rechazar todo</button><a href="/privacidad">Configurar cookies</a></div></body></html>`;

describe('pages without an article', () => {
  it('finds no article in a consent wall that names itself, nor in one made of plain paragraphs', () => {
    expect(extract(consentWall('id="onetrust-consent-sdk" class="ot-sdk-container"'))).toEqual({ ok: false, reason: 'not-an-article' });
    expect(extract(consentWall('class="main-content"'))).toEqual({ ok: false, reason: 'not-an-article' });
  });

  it('never saves a cookie banner with the article it sits in', () => {
    const banner = `<div class="cookie-notice"><p>${consentText}</p><button>Aceptar cookies</button></div>`;
    const article = articleOf(newsPage({ article: `${storyParagraphs.slice(0, 3).map((text) => `<p>${text}</p>`).join('')}${banner}${storyParagraphs.slice(3).map((text) => `<p>${text}</p>`).join('')}` }));
    expect(article.text).toContain(storyParagraphs[5]);
    expect(article.text).not.toContain('cookies');
    expect(article.html).not.toContain('Aceptar');
  });

  it('finds no article in a login page, in English or Spanish', () => {
    // Long enough to read as an article (Readability's isProbablyReaderable says yes): the login rule must say no.
    const login = (words: string[]) =>
      `<!doctype html><html><head><title>${words[0]}</title></head><body><main><h1>${words[0]}</h1>
      <p>${words[1]} ${words[6]}</p><form><label>${words[2]}</label><input type="email"><label>${words[3]}</label><input TYPE="Password">
      <button>${words[0]}</button></form><p><a href="/reset">${words[4]}</a></p><p>${words[5]}</p></main></body></html>`;
    const english = [
      'Sign in',
      'Sign in with your email address and password to read the full story, manage your newsletters and save articles for later on every device you use, at home or at work.',
      'Email',
      'Password',
      'Forgot your password?',
      "Don't have an account? Create an account in a minute: it is free, and you can sign in with Google or Apple as well if you prefer not to use a password at all.",
      'Your account brings together the stories you follow from every region, the alerts you chose for the towns you work in, the newsletters of each desk and the reports you saved, so that they wait for you on your phone, your tablet and your computer alike.',
    ];
    const spanish = [
      'Iniciar sesión',
      'Inicia sesión con tu correo y tu contraseña para leer la nota completa, administrar tus boletines y guardar artículos para después en todos tus dispositivos.',
      'Correo',
      'Contraseña',
      '¿Olvidaste tu contraseña?',
      '¿No tienes cuenta? Crear cuenta toma un minuto y es gratis; también puedes iniciar sesión con Google o Apple si prefieres no usar una contraseña.',
      'Tu cuenta reúne las noticias que sigues de cada región, las alertas que elegiste para los municipios donde trabajas, los boletines de cada sección y los reportes que guardaste, para que te esperen igual en tu teléfono, tu tableta y tu computadora.',
    ];
    expect(extract(login(english))).toEqual({ ok: false, reason: 'not-an-article' });
    expect(extract(login(spanish))).toEqual({ ok: false, reason: 'not-an-article' });
  });

  it('finds no article behind a paywall', () => {
    const paywall = `<div class="story-teaser"><p>${storyParagraphs[0]}</p></div><div class="offer"><h2>Este contenido es exclusivo para suscriptores</h2>
      <p>Suscríbete para seguir leyendo esta nota y todas las noticias de la región. ¿Ya eres suscriptor? Inicia sesión con tu cuenta para continuar leyendo.</p></div>`;
    expect(extract(newsPage({ article: paywall }))).toEqual({ ok: false, reason: 'not-an-article' });
  });

  it('finds no article in a video page or an index of headlines', () => {
    const video = '<video src="/v/albergue.mp4" poster="/v/albergue.jpg"></video><p>Video: la llegada de familias al albergue de Tapachula.</p>';
    expect(extract(newsPage({ article: video }))).toEqual({ ok: false, reason: 'not-an-article' });
    const headlines = storyParagraphs
      .flatMap((text, index) => [text, `${text} (${index})`])
      .map((text, index) => `<li><h3><a href="/2026/12/nota-${index}.html">${text.slice(0, 160)}</a></h3><p><a href="/2026/12/nota-${index}.html">Leer más</a></p></li>`)
      .join('');
    expect(extract(newsPage({ article: `<ul class="latest">${headlines}</ul>` }))).toEqual({ ok: false, reason: 'not-an-article' });
  });

  it('keeps the feed when the article is not longer than the feed text', () => {
    const { length } = articleOf(newsPage());
    expect(extract(newsPage(), { feedTextLength: length })).toEqual({ ok: false, reason: 'shorter-than-feed' });
    expect(extract(newsPage(), { feedTextLength: length + 500 })).toEqual({ ok: false, reason: 'shorter-than-feed' });
    expect(extract(newsPage(), { feedTextLength: length - 1 })).toMatchObject({ ok: true });
  });

  it('reads no article out of a PDF, a picture or a video file, and reads a page sent as text/plain', () => {
    for (const contentType of ['application/pdf', 'image/jpeg', 'video/mp4']) expect(extract(newsPage(), { contentType })).toEqual({ ok: false, reason: 'unreadable' });
    expect(extract('%PDF-1.7\n%âãÏÓ\n1 0 obj', { contentType: null })).toEqual({ ok: false, reason: 'unreadable' });
    expect(articleOf(newsPage(), { contentType: 'text/plain' }).text).toContain(storyParagraphs[0]);
    expect(articleOf(story, { contentType: null }).text).toContain(storyParagraphs[5]);
  });
});
