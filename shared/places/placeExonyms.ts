// Names the region's news writes for its capitals and large cities that GeoNames lacks or that
// the generator's cut would drop: Spanish and English exonyms, official long names and popular
// short names. Each entry says where it comes from; tests check every name tags its place.

export interface CuratedPlaceNames {
  /** GeoNames id of the town. */
  placeId: string;
  /** The place as GeoNames names it, so a reader of this table knows which one is meant. */
  geonamesName: string;
  names: readonly string[];
  source: string;
}

export const curatedPlaceNames: readonly CuratedPlaceNames[] = [
  {
    placeId: '3530597', geonamesName: 'Mexico City', names: ['CDMX', 'Ciudad de México', 'Mexico City'],
    source: 'Constitución Política de la Ciudad de México (2017), art. 1; RAE/Fundéu: "CDMX" as the official abbreviation',
  },
  {
    placeId: '3553478', geonamesName: 'Havana', names: ['La Habana', 'Havana', 'Ciudad de La Habana'],
    source: 'Fundéu BBVA, "La Habana, con artículo en mayúscula"; Encyclopaedia Britannica, "Havana"',
  },
  {
    placeId: '3598132', geonamesName: 'Guatemala City', names: ['Ciudad de Guatemala', 'Guatemala City', 'Ciudad Guatemala'],
    source: 'Municipalidad de Guatemala (muniguate.com); Encyclopaedia Britannica, "Guatemala City"',
  },
  {
    placeId: '3703443', geonamesName: 'Panamá', names: ['Ciudad de Panamá', 'Panama City'],
    source: 'Alcaldía de Panamá (mupa.gob.pa); Encyclopaedia Britannica, "Panama City"',
  },
  {
    placeId: '3718426', geonamesName: 'Port-au-Prince', names: ['Puerto Príncipe'],
    source: 'Fundéu BBVA, "Puerto Príncipe, no Port-au-Prince"; Diccionario panhispánico de dudas, apéndice 5',
  },
  {
    placeId: '3492908', geonamesName: 'Santo Domingo', names: ['Santo Domingo de Guzmán'],
    source: 'Ley 163-01 de la República Dominicana (Distrito Nacional, Santo Domingo de Guzmán)',
  },
  {
    placeId: '3600949', geonamesName: 'Tegucigalpa', names: ['Tegus'],
    source: '"Tegus", the capital\'s short name, in La Prensa and El Heraldo (Honduras) headlines',
  },
  {
    placeId: '3590979', geonamesName: 'Quetzaltenango', names: ['Xela', 'Xelajú'],
    source: 'Municipalidad de Quetzaltenango (munixela.gob.gt); Prensa Libre usage ("Xela")',
  },
  {
    placeId: '3515001', geonamesName: 'Tuxtla', names: ['Tuxtla Gutiérrez'],
    source: 'INEGI, Catálogo Único de Claves Geoestadísticas: municipio 101 Tuxtla Gutiérrez, Chiapas',
  },
  {
    placeId: '4013708', geonamesName: 'Ciudad Juárez', names: ['Juárez'],
    source: 'Municipio de Juárez, Chihuahua (juarez.gob.mx): the municipality is named Juárez',
  },
  {
    placeId: '3521081', geonamesName: 'Puebla', names: ['Heroica Puebla de Zaragoza', 'Puebla de Zaragoza'],
    source: 'INEGI, Catálogo Único de Claves Geoestadísticas: localidad Heroica Puebla de Zaragoza',
  },
  {
    placeId: '3991164', geonamesName: 'Santiago de Querétaro', names: ['Querétaro'],
    source: 'INEGI, Catálogo Único de Claves Geoestadísticas: municipio 014 Querétaro',
  },
  {
    placeId: '3519537', geonamesName: 'San Cristóbal de las Casas', names: ['Jovel'],
    source: '"Jovel", the city\'s Tsotsil name, in La Jornada and Chiapas Paralelo',
  },
];

/** Curated names by place id, for the generator and the tagger. */
export const curatedNamesById: ReadonlyMap<string, readonly string[]> = new Map(
  curatedPlaceNames.map((entry) => [entry.placeId, entry.names]),
);
