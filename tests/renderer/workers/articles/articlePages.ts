// Small hand-written pages for the extractArticle tests: a news story, and the page around it.
import { extractArticle, type ArticleExtraction, type ExtractedArticle } from '../../../../renderer/workers/articles/extractArticle';

export const pageUrl = 'https://noticias.example.org/2026/12/albergues/tapachula.html';

/** Six paragraphs of a news story, about 1,700 characters in all. */
export const storyParagraphs = [
  'El albergue de Tapachula recibió esta semana a cuarenta familias, la mayoría de Honduras y de Haití, según informaron los voluntarios que atienden la cocina y el dispensario desde hace tres años.',
  'La directora explicó que la cocina sirve ahora tres comidas al día y que la clínica atiende a unas sesenta personas, muchas de ellas niñas y niños que llegaron con infecciones respiratorias.',
  'Las autoridades municipales prometieron ampliar el servicio de agua potable antes de la temporada de lluvias, cuando el río Coatán suele desbordarse y las calles del barrio quedan cortadas.',
  'Los equipos de protección registraron también a personas que esperan una cita para solicitar asilo, y ofrecieron orientación jurídica gratuita en español, francés y criollo haitiano.',
  'En la frontera con Guatemala, en Ciudad Hidalgo, otros dos refugios informaron de un aumento parecido, y pidieron a las organizaciones internacionales más colchonetas, medicinas y alimentos.',
  'La organización recordó que la línea de atención funciona las veinticuatro horas y que las familias pueden pedir ayuda para localizar a parientes de los que se separaron durante el viaje.',
];

export const story = storyParagraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

export interface PageParts {
  head?: string;
  /** Inside <body>, before the article. */
  before?: string;
  /** The article element's content. */
  article?: string;
  /** Inside <body>, after the article. */
  after?: string;
  title?: string;
}

export const newsPage = ({ head = '', before = '', article = story, after = '', title = 'Albergues de Tapachula reciben a más familias' }: PageParts = {}): string =>
  `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${before}<article><h1>${title}</h1>${article}</article>${after}</body></html>`;

export interface Download {
  contentType?: string | null;
  url?: string;
  feedTextLength?: number;
}

export const extract = (page: string | Uint8Array, { contentType = 'text/html; charset=utf-8', url = pageUrl, feedTextLength = 0 }: Download = {}): ArticleExtraction =>
  extractArticle({ bytes: typeof page === 'string' ? new TextEncoder().encode(page) : page, contentType, url }, feedTextLength);

/** The article read off `page`; throws (failing the test) with the reason when there is none. */
export const articleOf = (page: string | Uint8Array, download: Download = {}): ExtractedArticle => {
  const result = extract(page, download);
  if (!result.ok) throw new Error(`No article: ${result.reason}`);
  return result.article;
};
