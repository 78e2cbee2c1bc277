// The items of npm run bench:sync and bench:sync-stages: deterministic (mulberry32), newest first,
// newer than the bundled sample; 500 to 600 characters of text about places of the region.
import { seededRandom } from './seededRandom';

const places = [
  'Tapachula, Chiapas', 'Ciudad Juárez, Chihuahua', 'Tijuana, Baja California', 'Reynosa, Tamaulipas', 'Monterrey, Nuevo León',
  'Oaxaca de Juárez', 'Villahermosa, Tabasco', 'Mexico City', 'Flores, Petén', 'Melchor de Mencos', 'Quetzaltenango',
  'Guatemala City', 'Tecún Umán', 'Belize City', 'San Ignacio, Cayo', 'San Salvador', 'San Miguel', 'Santa Ana',
  'Tegucigalpa', 'San Pedro Sula', 'Choluteca', 'Managua', 'León, Nicaragua', 'Estelí', 'San José, Costa Rica',
  'Paso Canoas', 'Upala', 'Panama City', 'Darién', 'David, Chiriquí', 'Havana', 'Santiago de Cuba', 'Port-au-Prince',
  'Cap-Haïtien', 'Ouanaminthe', 'Santo Domingo', 'Dajabón', 'Kingston', 'Montego Bay', 'San Juan, Puerto Rico',
];
const topics = [
  'Shelter capacity stretched', 'Health brigade reaches families', 'Training on migrant protection', 'Flooding displaces residents',
  'Returnees receive support', 'New information hub opens', 'Drought pushes young people to migrate',
  'Authorities review asylum cases', 'Psychosocial care groups installed', 'Cash assistance reaches households',
];
const sentences = [
  'Local authorities, civil society and international organizations coordinated the response.',
  'Teams registered needs, distributed hygiene kits and referred people to health and legal services.',
  'The programme is funded by regional donors and runs until the end of the year.',
  'Monitoring visits take place every month, with a report to the national coordination table.',
  'Families in transit said the rains and the cost of food had made the journey harder.',
  'Volunteers set up a desk to explain the regular pathways and the documents each one requires.',
];
const newest = Date.parse('2026-11-27T12:00:00Z');

/** `count` JSON Feed items, the same ones on every call (a fresh seed each time). */
export const benchNewsItems = (count: number) => {
  const random = seededRandom(20_261_127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, number) => {
    const place = pick(places);
    const other = pick(places);
    let text = `${pick(topics)} in ${place}. ${pick(sentences)} Partners from ${other} joined the work.`;
    while (text.length < 500) text += ` ${pick(sentences)}`;
    return {
      id: `bench-${number.toString().padStart(6, '0')}`,
      title: `${pick(topics)} in ${place}`,
      url: `https://news.example.org/bench/${number}`,
      content_text: text,
      date_published: new Date(newest - number * 60_000).toISOString(),
      tags: ['migration', place.split(',')[0] ?? place],
    };
  });
};
