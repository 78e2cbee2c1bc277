// The error screen's words in both languages, outside the i18n provider: the screen must show when
// the language layer (its provider, its catalog) is what failed. The page's lang attribute chooses.
import { enMessages } from '../../../shared/i18n/messages.en';
import { esMessages } from '../../../shared/i18n/messages.es';
import type { InterfaceLanguage } from '../../../shared/i18n/interfaceLanguage';

export interface ErrorScreenWords {
  title: string;
  explanation: string;
  storage: string;
  /** The disk-full sentence is the catalog's own, with no parameter, so it is read as it stands. */
  diskFull: string;
  dataFolderWeb: (origin: string) => string;
  diagnosticsNotCopied: string;
  dataFolder: string;
  reload: string;
  copyDiagnostics: string;
  copied: string;
  diagnostics: string;
  technicalDetails: string;
}

const english: ErrorScreenWords = {
  title: 'Field News could not show your news',
  explanation:
    'Something went wrong while showing the news. Your saved news is kept in the data folder below. Reload to try again; if this keeps happening, copy the diagnostics and send them to support.',
  storage:
    'Field News could not read or write its storage on this computer. The disk may be full, or another program may be holding it. Free some space, close other Field News windows, then reload. If news is missing after that (a full disk can cost the stored news), import your last backup under Backup and diagnostics.',
  diskFull: enMessages['storage.diskFull'],
  dataFolderWeb: (origin) => `In this browser's own storage for ${origin} (web mode has no data folder of its own).`,
  diagnosticsNotCopied: 'The diagnostics could not be copied automatically. Select the text below and copy it.',
  dataFolder: 'Data folder:',
  reload: 'Reload',
  copyDiagnostics: 'Copy diagnostics',
  copied: 'Copied. Paste it into a message to support.',
  diagnostics: 'Diagnostics',
  technicalDetails: 'Technical details',
};

const spanish: ErrorScreenWords = {
  title: 'Field News no pudo mostrar sus noticias',
  explanation:
    'Algo falló al mostrar las noticias. Sus noticias guardadas se conservan en la carpeta de datos que aparece abajo. Vuelva a cargar para intentarlo de nuevo; si esto se repite, copie el diagnóstico y envíelo a soporte.',
  storage:
    'Field News no pudo leer ni escribir su almacenamiento en esta computadora. Puede que el disco esté lleno o que otro programa lo esté usando. Libere espacio, cierre las demás ventanas de Field News y vuelva a cargar. Si después faltan noticias (un disco lleno puede costar las noticias guardadas), importe su último respaldo en Respaldo y diagnóstico.',
  diskFull: esMessages['storage.diskFull'],
  dataFolderWeb: (origin) => `En el almacenamiento propio de este navegador para ${origin} (el modo web no tiene carpeta de datos propia).`,
  diagnosticsNotCopied: 'No se pudo copiar el diagnóstico automáticamente. Seleccione el texto de abajo y cópielo.',
  dataFolder: 'Carpeta de datos:',
  reload: 'Volver a cargar',
  copyDiagnostics: 'Copiar diagnóstico',
  copied: 'Copiado. Péguelo en un mensaje a soporte.',
  diagnostics: 'Diagnóstico',
  technicalDetails: 'Detalles técnicos',
};

/** Spanish when the page says so (renderer/window/i18n/useInterfaceSettings.ts sets the lang attribute). */
export const errorScreenLanguage = (pageLanguage: string): InterfaceLanguage => (/^es(?:-|$)/i.test(pageLanguage) ? 'es' : 'en');

export const errorScreenWords = (language: InterfaceLanguage): ErrorScreenWords => (language === 'es' ? spanish : english);
