// Real cities of the region (and of the diaspora in the United States and Canada) where the demo directory puts
// its services. Coordinates are city centres to about four decimals; for the diaspora cities, the neighbourhoods
// where those communities live (Gulfton, Westlake, Little Havana, central Brooklyn, Columbia Heights, Bloor-Dufferin,
// Saint-Michel, East Vancouver). `spread` is how far (in degrees) demo points may be scattered around the centre so
// that they do not stack on one pixel: small for coastal towns and for towns on a border river (Ciudad Hidalgo /
// Tecún Umán, Dajabón / Ouanaminthe), so that points stay on land and on the right side of the border.

export interface DemoCountry {
  name: string;
  /** International prefix, with the plus sign. */
  prefix: string;
  /** Local number patterns: '#' is a random digit. A place's own `phone` pattern replaces `landline`. */
  landline: string;
  mobile: string;
  /** Toll-free pattern, where the country has one the demo uses for hotlines. */
  tollFree: string | null;
  /** How street addresses are written there (see demo-directory.ts). */
  addressStyle: 'number-after' | 'number-before' | 'grid' | 'directions' | 'french' | 'colombian';
}

export const DEMO_COUNTRIES = {
  MX: {
    name: 'México',
    prefix: '+52',
    landline: '### ### ####',
    mobile: '### ### ####',
    tollFree: '800 ### ####',
    addressStyle: 'number-after',
  },
  GT: {
    name: 'Guatemala',
    prefix: '+502',
    landline: '2### ####',
    mobile: '5### ####',
    tollFree: null,
    addressStyle: 'grid',
  },
  SV: {
    name: 'El Salvador',
    prefix: '+503',
    landline: '2### ####',
    mobile: '7### ####',
    tollFree: null,
    addressStyle: 'number-after',
  },
  HN: {
    name: 'Honduras',
    prefix: '+504',
    landline: '2### ####',
    mobile: '9### ####',
    tollFree: null,
    addressStyle: 'number-after',
  },
  NI: {
    name: 'Nicaragua',
    prefix: '+505',
    landline: '2### ####',
    mobile: '8### ####',
    tollFree: null,
    addressStyle: 'directions',
  },
  CR: {
    name: 'Costa Rica',
    prefix: '+506',
    landline: '2### ####',
    mobile: '8### ####',
    tollFree: '800 ### ####',
    addressStyle: 'directions',
  },
  PA: {
    name: 'Panamá',
    prefix: '+507',
    landline: '### ####',
    mobile: '6### ####',
    tollFree: '800 ####',
    addressStyle: 'number-after',
  },
  BZ: {
    name: 'Belize',
    prefix: '+501',
    landline: '2## ####',
    mobile: '6## ####',
    tollFree: null,
    addressStyle: 'number-before',
  },
  DO: {
    name: 'República Dominicana',
    prefix: '+1',
    landline: '809 ### ####',
    mobile: '829 ### ####',
    tollFree: '809 200 ####',
    addressStyle: 'number-after',
  },
  HT: {
    name: 'Haïti',
    prefix: '+509',
    landline: '22## ####',
    mobile: '3### ####',
    tollFree: null,
    addressStyle: 'french',
  },
  CU: {
    name: 'Cuba',
    prefix: '+53',
    landline: '7 ### ####',
    mobile: '5### ####',
    tollFree: null,
    addressStyle: 'number-after',
  },
  CO: {
    name: 'Colombia',
    prefix: '+57',
    landline: '601 ### ####',
    mobile: '3## ### ####',
    tollFree: '01 8000 ## ####',
    addressStyle: 'colombian',
  },
  US: {
    name: 'United States',
    prefix: '+1',
    landline: '202 555 01##',
    mobile: '202 555 01##',
    tollFree: '800 555 01##',
    addressStyle: 'number-before',
  },
  CA: {
    name: 'Canada',
    prefix: '+1',
    landline: '416 555 01##',
    mobile: '416 555 01##',
    tollFree: null,
    addressStyle: 'number-before',
  },
} as const satisfies Record<string, DemoCountry>;

export type DemoCountryCode = keyof typeof DEMO_COUNTRIES;

export interface DemoPlace {
  key: string;
  city: string;
  /** First-level administrative area (state, department, province). */
  adminArea: string;
  country: DemoCountryCode;
  latitude: number;
  longitude: number;
  /** Scatter radius around the centre, in degrees. */
  spread: number;
  /** Local landline pattern with area code ('#' = random digit); the country's pattern when absent. */
  phone?: string;
  postalCode: string | null;
  /** Streets (or, where addresses are given by directions, landmarks) to write addresses on. */
  streets: readonly string[];
  /** Generic demo organizations placed here; 0 where only named or diaspora organizations are. */
  weight: number;
}

type PlaceRow = [
  key: string,
  city: string,
  adminArea: string,
  country: DemoCountryCode,
  latitude: number,
  longitude: number,
  weight: number,
  postalCode: string | null,
  phone: string | null,
  streets: readonly string[],
];

const CITY = 0.02;
const TOWN = 0.006;

// prettier-ignore
const ROWS: readonly (readonly [...PlaceRow, number?])[] = [
  // Mexico
  ['tapachula', 'Tapachula', 'Chiapas', 'MX', 14.9056, -92.2634, 7, '30700', '962 ### ####', ['4a Avenida Norte', 'Calle Central Poniente', '8a Calle Oriente', 'Avenida Central Sur', '17a Calle Poniente']],
  ['ciudad-hidalgo', 'Ciudad Hidalgo', 'Chiapas', 'MX', 14.6792, -92.1497, 2, '30840', '962 ### ####', ['Avenida Central', 'Calle 5 de Febrero', 'Avenida Miguel Hidalgo'], 0.002],
  ['palenque', 'Palenque', 'Chiapas', 'MX', 17.5093, -91.9822, 1, '29960', '916 ### ####', ['Avenida Juárez', 'Calle 5 de Mayo', 'Avenida Manuel Velasco Suárez'], TOWN],
  ['tenosique', 'Tenosique', 'Tabasco', 'MX', 17.4733, -91.4231, 2, '86901', '934 ### ####', ['Calle 28', 'Calle 19', 'Calle 26'], TOWN],
  ['chetumal', 'Chetumal', 'Quintana Roo', 'MX', 18.5001, -88.2961, 2, '77000', '983 ### ####', ['Avenida Héroes', 'Avenida Álvaro Obregón', 'Avenida Insurgentes', 'Calle Carmen Ochoa de Merino'], 0.006],
  ['puebla', 'Puebla', 'Puebla', 'MX', 19.0414, -98.2063, 3, '72000', '222 ### ####', ['Avenida Reforma', 'Calle 5 de Mayo', 'Avenida 16 de Septiembre', 'Calle 3 Sur']],
  ['ciudad-de-mexico', 'Ciudad de México', 'Ciudad de México', 'MX', 19.4326, -99.1332, 6, '06000', '55 #### ####', ['Calle República de Cuba', 'Avenida Chapultepec', 'Calle Doctor Vértiz', 'Avenida Insurgentes Sur', 'Calle Regina'], 0.04],
  ['guadalajara', 'Guadalajara', 'Jalisco', 'MX', 20.6597, -103.3496, 2, '44100', '33 #### ####', ['Avenida Juárez', 'Calzada Independencia', 'Calle Hidalgo'], 0.03],
  ['monterrey', 'Monterrey', 'Nuevo León', 'MX', 25.6866, -100.3161, 3, '64000', '81 #### ####', ['Avenida Constitución', 'Calle Padre Mier', 'Avenida Pino Suárez', 'Calle Juan Ignacio Ramón'], 0.03],
  ['reynosa', 'Reynosa', 'Tamaulipas', 'MX', 26.0923, -98.2775, 2, '88500', '899 ### ####', ['Calle Hidalgo', 'Calle Morelos', 'Boulevard Hidalgo']],
  ['ciudad-juarez', 'Ciudad Juárez', 'Chihuahua', 'MX', 31.6904, -106.4245, 4, '32000', '656 ### ####', ['Avenida 16 de Septiembre', 'Calle Mariscal', 'Avenida Vicente Guerrero', 'Calle Ignacio Mejía'], 0.03],
  ['mexicali', 'Mexicali', 'Baja California', 'MX', 32.6245, -115.4523, 2, '21100', '686 ### ####', ['Avenida Reforma', 'Calzada Justo Sierra', 'Avenida Madero']],
  ['tijuana', 'Tijuana', 'Baja California', 'MX', 32.5149, -117.0382, 5, '22000', '664 ### ####', ['Avenida Revolución', 'Avenida Constitución', 'Calle Coahuila', 'Boulevard Agua Caliente', 'Calle Segunda Benito Juárez'], 0.03],
  // Guatemala
  ['ciudad-de-guatemala', 'Ciudad de Guatemala', 'Guatemala', 'GT', 14.6349, -90.5069, 4, '01001', null, ['6a Avenida', '10a Calle', 'Avenida Elena', '12 Calle', '7a Avenida'], 0.03],
  ['quetzaltenango', 'Quetzaltenango', 'Quetzaltenango', 'GT', 14.8347, -91.518, 2, '09001', '7### ####', ['14 Avenida', '4a Calle', '7a Calle']],
  ['tecun-uman', 'Tecún Umán', 'San Marcos', 'GT', 14.6773, -92.1391, 2, '12016', '7### ####', ['1a Avenida', '3a Calle', '5a Avenida'], 0.002],
  ['huehuetenango', 'Huehuetenango', 'Huehuetenango', 'GT', 15.3197, -91.4708, 1, '13001', '7### ####', ['5a Avenida', '2a Calle', '4a Calle'], TOWN],
  ['esquipulas', 'Esquipulas', 'Chiquimula', 'GT', 14.5622, -89.3503, 1, '20007', '7### ####', ['3a Avenida', '11 Calle', '1a Avenida'], TOWN],
  ['flores', 'Flores', 'Petén', 'GT', 16.9297, -89.8919, 1, '17001', '7### ####', ['Calle Centroamérica', 'Avenida Barrios', 'Calle 30 de Junio'], 0.0015],
  // El Salvador
  ['san-salvador', 'San Salvador', 'San Salvador', 'SV', 13.6929, -89.2182, 4, null, null, ['Alameda Juan Pablo II', 'Calle Arce', 'Avenida España', 'Boulevard de los Héroes', 'Calle Rubén Darío'], 0.025],
  ['san-miguel', 'San Miguel', 'San Miguel', 'SV', 13.4833, -88.1833, 2, null, null, ['Avenida Roosevelt Sur', 'Calle Chaparrastique', '4a Calle Poniente']],
  ['santa-ana', 'Santa Ana', 'Santa Ana', 'SV', 13.9942, -89.5597, 1, null, null, ['Avenida Independencia Sur', 'Calle Libertad Oriente', '2a Avenida Norte']],
  // Honduras
  ['tegucigalpa', 'Tegucigalpa', 'Francisco Morazán', 'HN', 14.0723, -87.1921, 4, '11101', null, ['Avenida Cervantes', 'Boulevard Morazán', 'Calle Real de Comayagüela', 'Avenida Juan Gutemberg'], 0.03],
  ['san-pedro-sula', 'San Pedro Sula', 'Cortés', 'HN', 15.5042, -88.025, 4, '21101', null, ['1a Calle', '3a Avenida NO', 'Avenida Circunvalación', '6a Avenida SO'], 0.025],
  ['choluteca', 'Choluteca', 'Choluteca', 'HN', 13.3007, -87.1908, 1, '51101', null, ['Calle Central', 'Avenida Valle', 'Barrio El Centro']],
  ['danli', 'Danlí', 'El Paraíso', 'HN', 14.0307, -86.5784, 1, '13101', null, ['Calle Central', 'Barrio El Centro', 'Avenida Gabriela Mistral'], TOWN],
  // Nicaragua
  ['managua', 'Managua', 'Managua', 'NI', 12.1364, -86.2514, 3, null, null, ['De la rotonda El Güegüense', 'Del Hospital Militar', 'De la Iglesia Santa Ana', 'Del Mercado Oriental'], 0.012],
  ['leon', 'León', 'León', 'NI', 12.4379, -86.878, 1, null, null, ['De la Catedral', 'Del parque central', 'De la Iglesia La Recolección']],
  ['esteli', 'Estelí', 'Estelí', 'NI', 13.0919, -86.3538, 1, null, null, ['Del parque central', 'De la Catedral', 'Del Mercado Alfredo Lazo']],
  // Costa Rica
  ['san-jose', 'San José', 'San José', 'CR', 9.9281, -84.0907, 4, '10101', null, ['Del Parque Central', 'De la Catedral Metropolitana', 'Del Mercado Borbón', 'De la Plaza de la Cultura'], 0.025],
  ['desamparados', 'Desamparados', 'San José', 'CR', 9.8972, -84.0628, 1, '10301', null, ['De la Iglesia de Desamparados', 'Del parque central', 'De la Municipalidad']],
  ['paso-canoas', 'Paso Canoas', 'Puntarenas', 'CR', 8.534, -82.8378, 2, '60702', null, ['Del puesto fronterizo', 'De la terminal de buses', 'Del Banco Nacional'], TOWN],
  ['bribri', 'Bribri', 'Limón', 'CR', 9.6266, -82.825, 1, '70401', null, ['De la Municipalidad de Talamanca', 'Del Banco Nacional', 'De la escuela de Bribri'], TOWN],
  ['sixaola', 'Sixaola', 'Limón', 'CR', 9.5228, -82.6178, 1, '70403', null, ['Del puente binacional', 'De la aduana', 'Del supermercado'], 0.003],
  ['limon', 'Limón', 'Limón', 'CR', 9.9907, -83.036, 1, '70101', null, ['Del Parque Vargas', 'Del Mercado Municipal', 'De la Catedral'], 0.004],
  ['upala', 'Upala', 'Alajuela', 'CR', 10.8986, -85.0164, 1, '21301', null, ['Del parque de Upala', 'Del hospital', 'De la iglesia católica'], TOWN],
  ['los-chiles', 'Los Chiles', 'Alajuela', 'CR', 11.0333, -84.7167, 1, '21401', null, ['Del muelle', 'Del parque central', 'De la Guardia Rural'], 0.003],
  // Panama (Los Planes de Gualaca: the reception station on the Pan-American side of Chiriquí, approximate)
  ['ciudad-de-panama', 'Ciudad de Panamá', 'Panamá', 'PA', 8.9824, -79.5199, 4, null, '2## ####', ['Avenida Perú', 'Calle 50', 'Vía España', 'Avenida Justo Arosemena', 'Calle Uruguay'], 0.008],
  ['colon', 'Colón', 'Colón', 'PA', 9.3592, -79.9014, 1, null, '4## ####', ['Avenida Bolívar', 'Calle 11', 'Avenida Central'], 0.003],
  ['david', 'David', 'Chiriquí', 'PA', 8.427, -82.431, 2, null, '7## ####', ['Avenida Obaldía', 'Calle Central', 'Avenida Belisario Porras']],
  ['los-planes', 'Los Planes de Gualaca', 'Chiriquí', 'PA', 8.52, -82.29, 0, null, '7## ####', ['Vía a Gualaca'], 0.003],
  ['meteti', 'Metetí', 'Darién', 'PA', 8.4983, -77.9772, 2, null, '299 ####', ['Vía Panamericana', 'Calle Principal', 'Calle del Centro de Salud'], TOWN],
  // Belize
  ['belize-city', 'Belize City', 'Belize', 'BZ', 17.5046, -88.1962, 3, null, '22# ####', ['Albert Street', 'Regent Street', 'Queen Street', 'Freetown Road'], 0.004],
  ['belmopan', 'Belmopan', 'Cayo', 'BZ', 17.251, -88.759, 2, null, '82# ####', ['Constitution Drive', 'Ring Road', 'Mountain View Boulevard'], TOWN],
  ['benque-viejo', 'Benque Viejo del Carmen', 'Cayo', 'BZ', 17.075, -89.1392, 1, null, '82# ####', ['George Street', 'Churchill Street', 'Elizabeth Street'], 0.004],
  ['corozal', 'Corozal Town', 'Corozal', 'BZ', 18.3934, -88.3887, 1, null, '42# ####', ['4th Avenue', 'Santa Rita Road', '1st Street South'], 0.004],
  // Dominican Republic
  ['santo-domingo', 'Santo Domingo', 'Distrito Nacional', 'DO', 18.4861, -69.9312, 4, '10210', null, ['Calle El Conde', 'Avenida Duarte', 'Avenida Máximo Gómez', 'Calle Padre Billini'], 0.008],
  ['santiago-de-los-caballeros', 'Santiago de los Caballeros', 'Santiago', 'DO', 19.4517, -70.697, 2, '51000', null, ['Calle del Sol', 'Avenida Las Carreras', 'Calle Restauración']],
  ['dajabon', 'Dajabón', 'Dajabón', 'DO', 19.5486, -71.7083, 2, '62000', null, ['Calle Beller', 'Calle Duarte', 'Calle Marcelo Carrasco'], 0.003],
  ['comendador', 'Comendador', 'Elías Piña', 'DO', 18.8765, -71.707, 1, '73000', null, ['Calle Santa Teresa', 'Calle Duarte', 'Calle Independencia'], 0.004],
  ['jimani', 'Jimaní', 'Independencia', 'DO', 18.4926, -71.8511, 1, '92000', null, ['Calle Principal', 'Calle Ruperto Ruiz', 'Calle Duarte'], 0.003],
  // Haiti
  ['port-au-prince', 'Port-au-Prince', 'Ouest', 'HT', 18.5944, -72.3074, 4, 'HT6110', null, ['Rue Capois', 'Avenue John Brown', 'Rue Lamarre', 'Avenue Christophe'], 0.008],
  ['cap-haitien', 'Cap-Haïtien', 'Nord', 'HT', 19.76, -72.2, 3, 'HT1110', null, ['Rue 15', 'Rue 24', 'Boulevard du Cap', 'Rue Espagnole'], 0.004],
  ['ouanaminthe', 'Ouanaminthe', 'Nord-Est', 'HT', 19.55, -71.733, 2, 'HT2210', null, ['Rue Notre-Dame', 'Route Nationale 6', 'Rue Saint-Joseph'], 0.003],
  ['belladere', 'Belladère', 'Centre', 'HT', 18.8667, -71.7833, 1, 'HT5310', null, ['Rue Principale', 'Route de Lascahobas', 'Rue de l’Église'], 0.004],
  ['les-cayes', 'Les Cayes', 'Sud', 'HT', 18.1933, -73.7461, 1, 'HT8110', null, ['Rue Geffrard', 'Avenue des Quatre Chemins', 'Rue Capitale'], 0.004],
  // Cuba
  ['la-habana', 'La Habana', 'La Habana', 'CU', 23.1136, -82.3666, 2, '10400', null, ['Calle 23', 'Calle Obispo', 'Calle Línea', 'Avenida Salvador Allende'], 0.008],
  ['santiago-de-cuba', 'Santiago de Cuba', 'Santiago de Cuba', 'CU', 20.0247, -75.8219, 1, '90100', '22 ## ####', ['Calle Enramadas', 'Calle Heredia', 'Avenida Victoriano Garzón'], 0.006],
  // Colombia
  ['bogota', 'Bogotá', 'Bogotá D.C.', 'CO', 4.711, -74.0721, 3, '110311', '601 ### ####', ['Carrera 7', 'Calle 19', 'Avenida Caracas', 'Carrera 13'], 0.04],
  ['cucuta', 'Cúcuta', 'Norte de Santander', 'CO', 7.8939, -72.5078, 2, '540001', '607 ### ####', ['Avenida 0', 'Calle 10', 'Avenida Libertadores']],
  ['turbo', 'Turbo', 'Antioquia', 'CO', 8.0926, -76.7282, 1, '057860', '604 ### ####', ['Calle 100', 'Carrera 13', 'Carrera 14'], 0.004],
  ['necocli', 'Necoclí', 'Antioquia', 'CO', 8.4265, -76.7848, 3, '057850', '604 ### ####', ['Calle 50', 'Carrera 48', 'Calle 52'], 0.003],
  // United States (diaspora)
  ['houston', 'Houston', 'Texas', 'US', 29.703, -95.489, 0, '77074', '713 555 01##', ['Bellaire Boulevard', 'Hillcroft Avenue', 'Fondren Road', 'Beechnut Street'], 0.02],
  ['los-angeles', 'Los Angeles', 'California', 'US', 34.056, -118.279, 0, '90057', '213 555 01##', ['Alvarado Street', 'Wilshire Boulevard', 'Pico Boulevard', 'Vermont Avenue'], 0.02],
  ['miami', 'Miami', 'Florida', 'US', 25.7659, -80.2197, 0, '33135', '305 555 01##', ['SW 8th Street', 'West Flagler Street', 'SW 1st Street', 'SW 12th Avenue'], 0.012],
  ['new-york', 'New York', 'New York', 'US', 40.6782, -73.9442, 0, '11225', '718 555 01##', ['Nostrand Avenue', 'Church Avenue', 'Flatbush Avenue', 'Utica Avenue'], 0.015],
  ['washington', 'Washington', 'District of Columbia', 'US', 38.929, -77.033, 0, '20009', '202 555 01##', ['Columbia Road NW', '14th Street NW', 'Mount Pleasant Street NW'], 0.015],
  // Canada (diaspora)
  ['toronto', 'Toronto', 'Ontario', 'CA', 43.6615, -79.429, 0, 'M6H 3L2', '416 555 01##', ['Bloor Street West', 'Dundas Street West', 'Jane Street'], 0.015],
  ['montreal', 'Montréal', 'Québec', 'CA', 45.56, -73.61, 0, 'H1Z 2L4', '514 555 01##', ['Boulevard Saint-Michel', 'Rue Jean-Talon Est', 'Boulevard Pie-IX'], 0.012],
  ['vancouver', 'Vancouver', 'British Columbia', 'CA', 49.262, -123.07, 0, 'V5L 3X8', '604 555 01##', ['Commercial Drive', 'East Hastings Street', 'Kingsway'], 0.012],
];

export const DEMO_PLACES: readonly DemoPlace[] = ROWS.map((row) => {
  const [key, city, adminArea, country, latitude, longitude, weight, postalCode, phone, streets, spread] = row;
  return {
    key,
    city,
    adminArea,
    country,
    latitude,
    longitude,
    spread: spread ?? CITY,
    ...(phone ? { phone } : {}),
    postalCode,
    streets,
    weight,
  };
});

const BY_KEY = new Map(DEMO_PLACES.map((place) => [place.key, place]));

export function demoPlace(key: string): DemoPlace {
  const place = BY_KEY.get(key);
  if (!place) throw new Error(`Unknown demo place: ${key}`);
  return place;
}
