// The one database and repository of this window.
import { FieldNewsDb } from '../db/fieldNewsDb';
import { createNewsRepository } from '../db/newsRepository';

export const db = new FieldNewsDb();
export const newsRepository = createNewsRepository(db);
