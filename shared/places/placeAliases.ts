// Names news uses that GeoNames lacks: demonyms of countries (English and Spanish) and a few
// common short forms. The gazetteer script folds them into the places' alternate names.

/** Demonyms by ISO country code. Masculine and feminine Spanish forms both appear in news. */
export const placeDemonyms: Readonly<Record<string, readonly string[]>> = {
  MX: ['Mexican', 'Mexicans', 'mexicano', 'mexicana', 'mexicanos'],
  GT: ['Guatemalan', 'Guatemalans', 'guatemalteco', 'guatemalteca', 'guatemaltecos'],
  BZ: ['Belizean', 'Belizeans', 'beliceño', 'beliceña'],
  SV: ['Salvadoran', 'Salvadorans', 'Salvadorean', 'salvadoreño', 'salvadoreña', 'salvadoreños'],
  HN: ['Honduran', 'Hondurans', 'hondureño', 'hondureña', 'hondureños'],
  NI: ['Nicaraguan', 'Nicaraguans', 'nicaragüense', 'nicaragüenses'],
  CR: ['Costa Rican', 'Costa Ricans', 'costarricense', 'costarricenses'],
  PA: ['Panamanian', 'Panamanians', 'panameño', 'panameña', 'panameños'],
  CU: ['Cuban', 'Cubans', 'cubano', 'cubana', 'cubanos'],
  HT: ['Haitian', 'Haitians', 'haitiano', 'haitiana', 'haitianos'],
  DO: ['Dominican Republic', 'Dominicano', 'dominicana', 'dominicanos'],
  JM: ['Jamaican', 'Jamaicans', 'jamaiquino', 'jamaiquina'],
  BS: ['Bahamian', 'Bahamians'],
  BB: ['Barbadian', 'Barbadians', 'Bajan'],
  TT: ['Trinidadian', 'Trinidadians', 'Tobagonian'],
  PR: ['Puerto Rican', 'Puerto Ricans', 'puertorriqueño', 'puertorriqueña'],
  CO: ['Colombian', 'Colombians', 'colombiano', 'colombiana', 'colombianos'],
  VE: ['Venezuelan', 'Venezuelans', 'venezolano', 'venezolana', 'venezolanos'],
  EC: ['Ecuadorian', 'Ecuadorians', 'ecuatoriano', 'ecuatoriana', 'ecuatorianos'],
  PE: ['Peruvian', 'Peruvians', 'peruano', 'peruana', 'peruanos'],
  BO: ['Bolivian', 'Bolivians', 'boliviano', 'boliviana', 'bolivianos'],
  CL: ['Chilean', 'Chileans', 'chileno', 'chilena', 'chilenos'],
  AR: ['Argentine', 'Argentinian', 'Argentinians', 'argentino', 'argentina', 'argentinos'],
  UY: ['Uruguayan', 'Uruguayans', 'uruguayo', 'uruguaya', 'uruguayos'],
  PY: ['Paraguayan', 'Paraguayans', 'paraguayo', 'paraguaya', 'paraguayos'],
  BR: ['Brazilian', 'Brazilians', 'brasileño', 'brasileña', 'brasileños'],
  GY: ['Guyanese', 'guyanés', 'guyanesa'],
  SR: ['Surinamese', 'surinamés'],
  CA: ['Canadian', 'Canadians', 'canadiense', 'canadienses'],
  US: ['estadounidense', 'estadounidenses'],
  ES: ['Spaniard', 'Spaniards', 'español', 'española', 'españoles'],
};

/** Short forms by place id (country code, state code or GeoNames id). */
export const placeNameAliases: Readonly<Record<string, readonly string[]>> = {
  US: ['EE.UU.', 'EEUU', 'Estados Unidos'],
  'MX.09': ['CDMX', 'Ciudad de México', 'Mexico City'],
  'GT.12': ['Peten', 'El Petén'],
  'HN.06': ['Cortés'],
};
