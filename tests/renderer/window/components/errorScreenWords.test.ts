import { describe, expect, it } from 'vitest';
import { errorScreenLanguage, errorScreenWords } from '../../../../renderer/window/components/errorScreenWords';
import { formatUserMessage } from '../../../../shared/i18n/formatMessages';
import { errorMessages } from '../../../../shared/errorMessages';

describe('the error screen words', () => {
  it('follow the page language: Spanish for any es tag, English otherwise', () => {
    expect(errorScreenLanguage('es')).toBe('es');
    expect(errorScreenLanguage('es-MX')).toBe('es');
    expect(errorScreenLanguage('en')).toBe('en');
    expect(errorScreenLanguage('')).toBe('en');
    expect(errorScreenLanguage('eu')).toBe('en');
  });

  it('say the same in both languages field by field, and the disk sentence as the catalogs do', () => {
    const english = errorScreenWords('en');
    const spanish = errorScreenWords('es');
    expect(Object.keys(spanish)).toEqual(Object.keys(english));
    expect(spanish.reload).toBe('Volver a cargar');
    expect(spanish.dataFolderWeb('https://noticias.example')).toContain('https://noticias.example');
    expect(spanish.diskFull).toBe(formatUserMessage('es', errorMessages.diskFull));
    expect(english.diskFull).toBe(formatUserMessage('en', errorMessages.diskFull));
  });
});
