// What the window shows when one of its start steps fails (a file of the app missing or unreadable):
// plain words in the page's language, a Reload button and the technical detail. It stands before
// React and the catalogs, which may be what failed, so it writes the DOM itself, as text only.

const words = {
  en: {
    title: 'Field News could not start',
    explanation: 'A part of the app could not be loaded. Reload to try again; if this keeps happening, install Field News again (your saved news is kept).',
    reload: 'Reload',
  },
  es: {
    title: 'Field News no pudo iniciarse',
    explanation: 'No se pudo cargar una parte de la aplicación. Vuelva a cargar para intentarlo de nuevo; si vuelve a ocurrir, instale Field News de nuevo (las noticias guardadas se conservan).',
    reload: 'Volver a cargar',
  },
} as const;

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Replaces `root`'s content with the notice; `language` is a BCP 47 tag (Spanish for "es…", English otherwise). */
export const showStartFailure = (root: HTMLElement, error: unknown, language: string): void => {
  const chosen = /^es(?:-|$)/i.test(language) ? words.es : words.en;
  const document = root.ownerDocument;
  const notice = document.createElement('main');
  notice.setAttribute('role', 'alert');
  notice.className = 'error-screen';
  const title = document.createElement('h1');
  title.textContent = chosen.title;
  const explanation = document.createElement('p');
  explanation.textContent = chosen.explanation;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = chosen.reload;
  reload.addEventListener('click', () => document.defaultView?.location.reload());
  const detail = document.createElement('pre');
  detail.textContent = describe(error);
  notice.append(title, explanation, reload, detail);
  root.replaceChildren(notice);
};
