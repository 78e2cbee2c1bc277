// Names that are GeoNames places but in news nearly always mean something else: ordinary words,
// first names and surnames, compass points. The tagger never tags these alone ("Melchor"), but
// still tags longer names that contain them ("Melchor de Mencos").
export const placeStopNames: readonly string[] = [
  // Spanish words and institutions
  'salud', 'libertad', 'independencia', 'nacional', 'central', 'reforma', 'union', 'paz', 'esperanza',
  'victoria', 'progreso', 'constitucion', 'providencia', 'concordia', 'porvenir', 'alianza', 'trinidad',
  'norte', 'sur', 'este', 'oeste', 'centro', 'frontera', 'nueva', 'nuevo', 'santa', 'san', 'cruz',
  'primero', 'mayo', 'agosto', 'octubre', 'noviembre', 'diciembre', 'mina', 'colonia', 'puerto', 'playa',
  // First names and surnames
  'melchor', 'mendoza', 'jesus', 'maria', 'jose', 'juan', 'pedro', 'carlos', 'luis', 'miguel', 'francisco',
  'antonio', 'manuel', 'rafael', 'gabriel', 'guadalupe', 'dolores', 'mercedes', 'rosario', 'lourdes',
  'pilar', 'soledad', 'consuelo', 'concepcion', 'asuncion', 'ocampo', 'allende',
  'bolivar', 'sucre', 'lincoln', 'jackson', 'washington', 'madison', 'hamilton', 'franklin',
  'chad', 'jordan', 'george', 'charlotte', 'florence', 'elizabeth', 'alexandria',
  // English words
  'centre', 'center', 'national', 'north', 'south', 'east', 'west', 'southern', 'northern', 'mobile',
  'independence', 'surprise', 'temple', 'enterprise', 'bend', 'commerce', 'normal', 'concord', 'providence',
  'hope', 'mission', 'paradise', 'spring', 'pearl', 'canton', 'friendship', 'content', 'harmony',
  'success', 'unity', 'liberty', 'freedom', 'plenty', 'industry', 'dover', 'reading', 'orange', 'eagle',
  'university', 'college', 'church', 'hospital', 'airport', 'american', 'americans', 'caribbean', 'regional', 'new', 'bay', 'island', 'islands', 'city',
  // Spanish phrases that fold to a hamlet's name: "La campaña" (the campaign) is La Campana, Veracruz
  'la campana',
  // French compass names of Haitian departments, common in French text
  'nord', 'sud', 'ouest', 'est',
];
