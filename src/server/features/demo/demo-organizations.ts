// Organizations of the demo directory: archetypes for generated ones (name patterns per locale, descriptions,
// the services they typically run), the named public places from the news seeds, and the diaspora organizations.
// Names are invented; only the four public places from the seeds are real.
import type { AddressVisibility, Locale, OrganizationKind } from '../../db/schema.js';
import type { DemoPlace } from './demo-places.js';
import { fill, type Rng } from './demo-support.js';
import type { T5, TemplateKey } from './demo-texts.js';

export interface Archetype {
  kinds: readonly OrganizationKind[];
  /** The first service is always offered; the builder adds some of the others. */
  core: readonly TemplateKey[];
  extra: readonly TemplateKey[];
  /** Name patterns per locale: `{d}` a distinctive name, `{city}` the city. */
  names: Record<Locale, readonly string[]>;
  description: T5;
  /** Share of locations whose address stays hidden (shelters) and shown as city only. */
  hidden: number;
  cityOnly: number;
}

// prettier-ignore
export const ARCHETYPES = {
  shelter: {
    kinds: ['shelter', 'faith_based', 'shelter'], core: ['family-shelter', 'night-shelter', 'women-shelter'], extra: ['kitchen', 'clinic', 'family-contact', 'support-groups', 'kits', 'child-protection'], hidden: 0.45, cityOnly: 0.2,
    names: { es: ['Albergue {d}', 'Casa de Acogida {d}', 'Refugio {d}', 'Posada {d}'], en: ['{d} Shelter', '{d} House'], fr: ['Maison d’accueil {d}', 'Refuge {d}'], ht: ['Kay Akèy {d}', 'Abri {d}'], pt: ['Casa de Acolhida {d}', 'Abrigo {d}'] },
    description: ['Albergue que ofrece un lugar seguro para descansar, alimentación y orientación a personas migrantes y refugiadas en {city}.', 'A shelter offering a safe place to rest, meals and guidance to migrants and refugees in {city}.', 'Un refuge qui offre un lieu sûr pour se reposer, des repas et une orientation aux personnes migrantes et réfugiées à {city}.', 'Yon abri ki bay migran ak refijye yon kote ki an sekirite pou repoze, manje ak oryantasyon nan {city}.', 'Abrigo que oferece um lugar seguro para descansar, alimentação e orientação a migrantes e refugiados em {city}.'],
  },
  legal: {
    kinds: ['ngo'], core: ['legal-clinic', 'asylum'], extra: ['documents-desk', 'trafficking', 'civil-registry', 'missing-persons', 'asylum'], hidden: 0, cityOnly: 0.05,
    names: { es: ['Clínica Jurídica {d}', 'Centro de Derechos Humanos {d}', 'Colectivo de Defensa Migrante {d}'], en: ['{d} Legal Clinic', '{d} Rights Centre'], fr: ['Clinique juridique {d}', 'Centre des droits {d}'], ht: ['Klinik Legal {d}', 'Sant Dwa Moun {d}'], pt: ['Clínica Jurídica {d}', 'Centro de Direitos {d}'] },
    description: ['Organización de la sociedad civil que brinda asesoría jurídica gratuita y defiende los derechos de las personas migrantes en {city}.', 'A civil society organization providing free legal advice and defending migrants’ rights in {city}.', 'Une organisation de la société civile qui offre un conseil juridique gratuit et défend les droits des personnes migrantes à {city}.', 'Yon òganizasyon sosyete sivil ki bay konsèy legal gratis epi defann dwa migran yo nan {city}.', 'Organização da sociedade civil que presta assessoria jurídica gratuita e defende os direitos das pessoas migrantes em {city}.'],
  },
  kitchen: {
    kinds: ['community', 'faith_based'], core: ['kitchen'], extra: ['kits', 'family-contact', 'info-point'], hidden: 0, cityOnly: 0.1,
    names: { es: ['Comedor Comunitario {d}', 'Cocina Solidaria {d}'], en: ['{d} Community Kitchen'], fr: ['Cantine solidaire {d}'], ht: ['Kantin Kominotè {d}'], pt: ['Cozinha Solidária {d}'] },
    description: ['Grupo de vecinas y vecinos que cocina y comparte alimentos con las personas que pasan por {city}.', 'A group of neighbours who cook and share food with people passing through {city}.', 'Un groupe d’habitants qui cuisine et partage des repas avec les personnes de passage à {city}.', 'Yon gwoup vwazen ki kwit manje epi pataje l ak moun k ap pase nan {city}.', 'Um grupo de vizinhos que cozinha e compartilha alimentos com as pessoas que passam por {city}.'],
  },
  health: {
    kinds: ['ngo', 'international', 'government'], core: ['clinic', 'mobile-health'], extra: ['srh', 'psy-line', 'kits', 'support-groups'], hidden: 0, cityOnly: 0,
    names: { es: ['Centro de Salud Comunitaria {d}', 'Clínica {d}', 'Brigada Médica {d}'], en: ['{d} Health Post', '{d} Community Clinic'], fr: ['Centre de santé {d}', 'Dispensaire {d}'], ht: ['Sant Sante {d}', 'Dispansè {d}'], pt: ['Posto de Saúde {d}', 'Clínica Comunitária {d}'] },
    description: ['Equipo de salud que ofrece atención médica y psicológica gratuita a personas migrantes y a la comunidad de acogida en {city}.', 'A health team providing free medical and psychological care to migrants and the host community in {city}.', 'Une équipe de santé qui offre des soins médicaux et psychologiques gratuits aux personnes migrantes et à la communauté d’accueil à {city}.', 'Yon ekip sante ki bay swen medikal ak sikolojik gratis pou migran ak kominote ki resevwa yo nan {city}.', 'Equipe de saúde que oferece atendimento médico e psicológico gratuito a migrantes e à comunidade de acolhida em {city}.'],
  },
  psychosocial: {
    kinds: ['ngo'], core: ['psy-line', 'support-groups'], extra: ['support-groups', 'safe-space', 'family-contact'], hidden: 0.1, cityOnly: 0.3,
    names: { es: ['Acompañamiento Psicosocial {d}', 'Red de Escucha {d}', 'Colectivo {d}'], en: ['{d} Wellbeing Network'], fr: ['Écoute et soutien {d}'], ht: ['Sant Sipò Sikososyal {d}'], pt: ['Rede de Escuta {d}'] },
    description: ['Organización especializada en salud mental que acompaña a personas migrantes y refugiadas a sobreponerse a lo vivido en el camino.', 'An organization specialising in mental health that helps migrants and refugees recover from what they lived through on the journey.', 'Une organisation spécialisée en santé mentale qui aide les personnes migrantes et réfugiées à surmonter ce qu’elles ont vécu en chemin.', 'Yon òganizasyon ki espesyalize nan sante mantal, ki ede migran ak refijye yo remonte sa yo te viv sou wout la.', 'Organização especializada em saúde mental que ajuda migrantes e refugiados a superar o que viveram no caminho.'],
  },
  hub: {
    kinds: ['government'], core: ['info-point'], extra: ['documents-desk', 'job-desk', 'family-contact', 'whatsapp-line', 'voluntary-return'], hidden: 0, cityOnly: 0,
    names: { es: ['Oficina Municipal de Atención al Migrante de {city}', 'Ventanilla de Movilidad Humana de {city}', 'Punto de Orientación Migrante {d}'], en: ['{city} Migrant Information Centre', '{d} Newcomer Information Desk'], fr: ['Bureau d’information pour les migrants de {city}'], ht: ['Biwo Enfòmasyon pou Migran {city}'], pt: ['Centro de Informação ao Migrante de {city}'] },
    description: ['Oficina pública de información para personas migrantes, refugiadas y retornadas, con personal capacitado y materiales verificados.', 'A public information office for migrants, refugees and returnees, with trained staff and verified materials.', 'Un bureau public d’information pour les personnes migrantes, réfugiées et de retour, avec un personnel formé et des documents vérifiés.', 'Yon biwo enfòmasyon piblik pou migran, refijye ak moun ki retounen, ak moun ki fòme ak enfòmasyon ki verifye.', 'Escritório público de informação para migrantes, refugiados e retornados, com equipe capacitada e materiais verificados.'],
  },
  employment: {
    kinds: ['ngo', 'community'], core: ['job-desk', 'entrepreneurship'], extra: ['entrepreneurship', 'financial-education', 'language-classes', 'remittances'], hidden: 0, cityOnly: 0.05,
    names: { es: ['Oportunidades {d}', 'Red de Empleo {d}', 'Taller Productivo {d}'], en: ['{d} Jobs Network'], fr: ['Réseau emploi {d}'], ht: ['Rezo Travay {d}'], pt: ['Rede de Emprego {d}'] },
    description: ['Programa de inclusión económica que conecta a personas migrantes con empleo digno, capacitación y servicios financieros en {city}.', 'An economic inclusion programme connecting migrants with decent work, training and financial services in {city}.', 'Un programme d’inclusion économique qui met en relation les personnes migrantes avec un emploi décent, des formations et des services financiers à {city}.', 'Yon pwogram enklizyon ekonomik ki konekte migran ak bon travay, fòmasyon ak sèvis finansye nan {city}.', 'Programa de inclusão econômica que conecta migrantes a trabalho digno, capacitação e serviços financeiros em {city}.'],
  },
  protection: {
    kinds: ['ngo'], core: ['trafficking', 'safe-space'], extra: ['safe-space', 'child-protection', 'women-shelter', 'asylum'], hidden: 0.3, cityOnly: 0.3,
    names: { es: ['Fundación {d}', 'Colectiva {d}', 'Asociación {d}'], en: ['{d} Foundation'], fr: ['Fondation {d}'], ht: ['Fondasyon {d}'], pt: ['Fundação {d}'] },
    description: ['Organización dedicada a prevenir la trata de personas y la violencia de género y a proteger a quienes las han sufrido.', 'An organization working to prevent human trafficking and gender-based violence and to protect survivors.', 'Une organisation qui œuvre à prévenir la traite des personnes et les violences basées sur le genre et à protéger les victimes.', 'Yon òganizasyon k ap travay pou anpeche trafik moun ak vyolans sou baz sèks epi pwoteje viktim yo.', 'Organização dedicada a prevenir o tráfico de pessoas e a violência de gênero e a proteger quem as sofreu.'],
  },
  return: {
    kinds: ['government', 'international'], core: ['returnees'], extra: ['voluntary-return', 'job-desk', 'psy-line', 'family-contact'], hidden: 0, cityOnly: 0,
    names: { es: ['Centro de Atención a Personas Retornadas {d}', 'Centro de Recepción de Retornados de {city}'], en: ['{city} Returnee Reception Centre'], fr: ['Centre d’accueil des personnes rapatriées de {city}'], ht: ['Sant Akèy pou Moun ki Retounen {d}'], pt: ['Centro de Acolhida a Retornados {d}'] },
    description: ['Centro de atención que recibe a las personas retornadas a su llegada y las acompaña en su reintegración.', 'A reception centre that welcomes returnees on arrival and supports their reintegration.', 'Un centre d’accueil qui reçoit les personnes de retour à leur arrivée et les accompagne dans leur réintégration.', 'Yon sant akèy ki resevwa moun ki retounen lè yo rive epi akonpaye yo pou yo reentegre.', 'Centro de atendimento que recebe as pessoas retornadas na chegada e acompanha sua reintegração.'],
  },
  education: {
    kinds: ['faith_based', 'ngo'], core: ['school-enrolment', 'language-classes'], extra: ['language-classes', 'child-protection', 'support-groups'], hidden: 0, cityOnly: 0.1,
    names: { es: ['Escuela Abierta {d}', 'Aula Itinerante {d}'], en: ['{d} Learning Centre'], fr: ['École ouverte {d}'], ht: ['Lekòl Kominotè {d}'], pt: ['Escola Aberta {d}'] },
    description: ['Proyecto educativo que defiende el derecho a la educación de niñas, niños y jóvenes migrantes en {city}.', 'An education project upholding the right to education of migrant children and young people in {city}.', 'Un projet éducatif qui défend le droit à l’éducation des enfants et des jeunes migrants à {city}.', 'Yon pwojè edikasyon ki defann dwa timoun ak jèn migran genyen pou y al lekòl nan {city}.', 'Projeto educativo que defende o direito à educação de crianças e jovens migrantes em {city}.'],
  },
} as const satisfies Record<string, Archetype>;
export type ArchetypeKey = keyof typeof ARCHETYPES;

// prettier-ignore
export const DISTINCTIVE: Record<Locale, readonly string[]> = {
  es: ['Senda Clara', 'Brisas del Camino', 'Puerta Abierta', 'Tierra de Paso', 'Los Almendros', 'La Ceiba', 'Horizonte Compartido', 'Caminos de Paz', 'Pasos Firmes', 'Raíces y Alas', 'Nueva Orilla', 'Agua Viva', 'El Mezquite', 'Luz de Frontera', 'Manos Tendidas', 'Santa Rita', 'San Martín de Porres', 'Buen Vecino', 'Semillas de Esperanza', 'Voces del Sur', 'Arcoíris del Camino', 'Flor de Mayo', 'Río Abierto', 'Casa Común', 'Los Guayabos', 'Sendero Seguro', 'Tejiendo Redes', 'El Faro', 'Los Cedros', 'Mar Adentro', 'Nuestra Señora del Camino', 'Ojo de Agua', 'La Travesía', 'Alas Abiertas'],
  en: ['Open Door', 'Safe Harbour', 'Common Ground', 'Bridgeway', 'New Leaf', 'Northstar', 'Riverside', 'Lighthouse', 'Good Neighbour', 'Kindred', 'Cedar Grove', 'Harbour Light'],
  fr: ['Main Tendue', 'Espoir du Nord', 'Bon Voisin', 'Soleil Levant', 'Lakou Solidaire', 'Fraternité', 'Nouvel Horizon', 'Les Palmiers', 'Passerelle', 'Étoile du Matin'],
  ht: ['Lespwa', 'Men Kontre', 'Solidarite', 'Konbit Lavi', 'Bon Nouvèl', 'Lavi Miyò', 'Tèt Ansanm', 'Limyè Lakay', 'Pòt Louvri', 'Kè Kontan'],
  pt: ['Caminho Novo', 'Mãos Dadas', 'Travessia', 'Ponte Solidária', 'Terra Firme', 'Novo Horizonte', 'Porto Seguro', 'Raízes'],
};

/** Nationality adjectives (feminine where the language has gender: "la comunidad hondureña"). */
// prettier-ignore
export const NATIONALITIES: Record<string, T5> = {
  HN: ['hondureña', 'Honduran', 'hondurienne', 'ondiryen', 'hondurenha'],
  SV: ['salvadoreña', 'Salvadoran', 'salvadorienne', 'salvadoryen', 'salvadorenha'],
  GT: ['guatemalteca', 'Guatemalan', 'guatémaltèque', 'gwatemalteyen', 'guatemalteca'],
  NI: ['nicaragüense', 'Nicaraguan', 'nicaraguayenne', 'nikaragweyen', 'nicaraguense'],
  HT: ['haitiana', 'Haitian', 'haïtienne', 'ayisyen', 'haitiana'],
  VE: ['venezolana', 'Venezuelan', 'vénézuélienne', 'venezyelyen', 'venezuelana'],
  CU: ['cubana', 'Cuban', 'cubaine', 'kiben', 'cubana'],
  BR: ['brasileña', 'Brazilian', 'brésilienne', 'brezilyen', 'brasileira'],
  CO: ['colombiana', 'Colombian', 'colombienne', 'kolonbyen', 'colombiana'],
};

// prettier-ignore
export const DIASPORA_DESCRIPTION: T5 = ['Organización de la diáspora que acompaña a la comunidad {nat} en {city}: bienvenida, orientación y redes de apoyo.', 'A diaspora organization supporting the {nat} community in {city}: welcome, guidance and support networks.', 'Une organisation de la diaspora qui accompagne la communauté {nat} à {city} : accueil, orientation et réseaux d’entraide.', 'Yon òganizasyon dyaspora ki akonpaye kominote {nat} an nan {city}: akèy, oryantasyon ak rezo sipò.', 'Organização da diáspora que acompanha a comunidade {nat} em {city}: acolhida, orientação e redes de apoio.'];

export interface NamedService {
  template: TemplateKey;
  name?: T5;
  description?: T5;
}

export interface NamedOrganization {
  name: string;
  alternateName?: string;
  kind: OrganizationKind;
  locale: Locale;
  place: string;
  /** Description; diaspora organizations get DIASPORA_DESCRIPTION when absent. */
  description?: T5;
  services: readonly (TemplateKey | NamedService)[];
  /** Street line written as is, instead of a generated one. */
  street?: string;
  visibility?: AddressVisibility;
  origin?: readonly string[];
  residence?: readonly string[];
  languages?: readonly string[];
}

/** The public places named in the news seeds; demo services are attached to them. */
// prettier-ignore
export const SEED_PLACES: readonly NamedOrganization[] = [
  {
    name: 'Centro de Información para Migrantes de Puebla', alternateName: 'Information Hub Puebla', kind: 'government', locale: 'es', place: 'puebla', visibility: 'city', languages: ['es', 'en', 'nah'],
    description: ['Centro de información abierto por el Ayuntamiento de Puebla para dar asistencia segura y confiable a la población migrante: orientación, canalización a servicios y materiales verificados.', 'Information hub opened by the City Council of Puebla to offer safe, trustworthy assistance to migrants: guidance, referrals to services and verified materials.', 'Centre d’information ouvert par la mairie de Puebla pour offrir une assistance sûre et fiable aux personnes migrantes : orientation, mise en relation avec les services et documents vérifiés.', 'Sant enfòmasyon lameri Puebla louvri pou bay migran yo asistans ki an sekirite e ki serye: oryantasyon, referans bay sèvis ak enfòmasyon ki verifye.', 'Centro de informação aberto pela Prefeitura de Puebla para oferecer assistência segura e confiável à população migrante: orientação, encaminhamento a serviços e materiais verificados.'],
    services: ['info-point', 'documents-desk', 'job-desk', 'psy-line'],
  },
  {
    name: 'Centro de Información para Migrantes de Othón P. Blanco', alternateName: 'Módulo de Información Migrante Chetumal', kind: 'government', locale: 'es', place: 'chetumal', visibility: 'city', languages: ['es', 'en', 'yua'],
    description: ['Centro de información del municipio de Othón P. Blanco, en Chetumal, frontera con Belice: orientación sobre trámites, derechos y servicios para personas migrantes.', 'Information hub of the municipality of Othón P. Blanco in Chetumal, on the border with Belize: guidance on procedures, rights and services for migrants.', 'Centre d’information de la municipalité d’Othón P. Blanco à Chetumal, à la frontière du Belize : orientation sur les démarches, les droits et les services pour les personnes migrantes.', 'Sant enfòmasyon minisipalite Othón P. Blanco nan Chetumal, sou fwontyè ak Beliz: oryantasyon sou demach, dwa ak sèvis pou migran.', 'Centro de informação do município de Othón P. Blanco, em Chetumal, na fronteira com Belize: orientação sobre trâmites, direitos e serviços para migrantes.'],
    services: ['info-point', 'documents-desk', 'legal-clinic', 'family-contact'],
  },
  {
    name: 'Centro Municipal para Migrantes de Talamanca', alternateName: 'Municipalidad de Talamanca', kind: 'government', locale: 'es', place: 'bribri', visibility: 'city', languages: ['es', 'en', 'bzd', 'gym'],
    description: ['Centro de la Municipalidad de Talamanca que, en coordinación con la Dirección General de Migración y Extranjería, orienta a personas migrantes y previene la trata de personas.', 'Centre of the Municipality of Talamanca that, together with the General Directorate of Migration and Aliens, advises migrants and works to prevent human trafficking.', 'Centre de la municipalité de Talamanca qui, avec la Direction générale des migrations et des étrangers, oriente les personnes migrantes et prévient la traite des personnes.', 'Sant Minisipalite Talamanca ki travay ansanm ak Direksyon Jeneral Migrasyon ak Etranje pou oryante migran yo epi anpeche trafik moun.', 'Centro da Municipalidade de Talamanca que, em coordenação com a Direção-Geral de Migração e Estrangeiros, orienta migrantes e previne o tráfico de pessoas.'],
    services: ['info-point', 'documents-desk', 'trafficking', 'job-desk'],
  },
  {
    name: 'Estación Temporal de Recepción Migratoria Los Planes', alternateName: 'Estación de Ayuda Humanitaria Temporal (ETAH) Los Planes, Gualaca', kind: 'government', locale: 'es', place: 'los-planes', street: 'Vía a Gualaca, Los Planes', visibility: 'full', languages: ['es', 'en', 'fr', 'ht', 'pt'],
    description: ['Estación cerca de la frontera entre Costa Rica y Panamá que recibe a personas que cruzaron Darién y siguen hacia el norte; llegan en promedio unas 120 personas al día.', 'Station near the Costa Rica–Panama border receiving people who crossed the Darién and are heading north; on average about 120 people arrive every day.', 'Station proche de la frontière entre le Costa Rica et le Panama qui accueille les personnes ayant traversé le Darién et poursuivant vers le nord ; environ 120 personnes y arrivent chaque jour.', 'Estasyon toupre fwontyè Kosta Rika ak Panama ki resevwa moun ki travèse Darién epi k ap kontinye monte nan nò; anviwon 120 moun rive la chak jou.', 'Estação perto da fronteira entre Costa Rica e Panamá que recebe pessoas que atravessaram Darién e seguem para o norte; chegam em média cerca de 120 pessoas por dia.'],
    services: [
      { template: 'family-shelter', name: ['Alojamiento temporal en la estación', 'Temporary accommodation at the station', 'Hébergement temporaire à la station', 'Lojman tanporè nan estasyon an', 'Alojamento temporário na estação'] },
      { template: 'kitchen', name: ['Alimentación y agua potable', 'Meals and drinking water', 'Repas et eau potable', 'Manje ak dlo potab', 'Alimentação e água potável'] },
      'clinic', 'family-contact', 'info-point',
    ],
  },
];

/** Diaspora organizations: in the United States, Canada and across the region. */
// prettier-ignore
export const DIASPORA: readonly NamedOrganization[] = [
  { name: 'Asociación Hondureña de Apoyo Mutuo de Houston', kind: 'diaspora', locale: 'es', place: 'houston', origin: ['HN'], residence: ['US'], languages: ['es', 'en', 'cab'], services: ['diaspora-welcome', 'diaspora-consular', 'diaspora-fund'] },
  { name: 'Centro Comunitario Salvadoreño-Guatemalteco del Suroeste', kind: 'diaspora', locale: 'es', place: 'houston', origin: ['SV', 'GT'], residence: ['US'], languages: ['es', 'en', 'mam'], services: ['diaspora-welcome', 'diaspora-mentoring'] },
  { name: 'Red Guatemalteca del Sur de California', kind: 'diaspora', locale: 'es', place: 'los-angeles', origin: ['GT'], residence: ['US'], languages: ['es', 'en', 'mam', 'quc', 'kek'], services: ['diaspora-welcome', 'diaspora-consular', 'language-classes'] },
  { name: 'Comunidad Cuscatleca de Los Ángeles', kind: 'diaspora', locale: 'es', place: 'los-angeles', origin: ['SV'], residence: ['US'], languages: ['es', 'en'], services: ['diaspora-gatherings', 'remittances', 'diaspora-fund'] },
  { name: 'Sant Kominotè Lakay Miami', kind: 'diaspora', locale: 'ht', place: 'miami', origin: ['HT'], residence: ['US'], languages: ['ht', 'fr', 'en'], services: ['diaspora-welcome', 'asylum', 'diaspora-gatherings'] },
  { name: 'Red Cubana de Bienvenida del Sur de Florida', kind: 'diaspora', locale: 'es', place: 'miami', origin: ['CU'], residence: ['US'], languages: ['es', 'en'], services: ['diaspora-welcome', 'diaspora-mentoring'] },
  { name: 'Casa Venezolana de la Florida', kind: 'diaspora', locale: 'es', place: 'miami', origin: ['VE'], residence: ['US'], languages: ['es', 'en'], services: ['diaspora-consular', 'diaspora-welcome'] },
  { name: 'Coordinadora Nicaragüense de Norteamérica', kind: 'diaspora', locale: 'es', place: 'miami', origin: ['NI'], residence: ['US', 'CA'], languages: ['es', 'en'], services: ['diaspora-fund', 'diaspora-consular'] },
  { name: 'Haitian Families Network of Brooklyn', kind: 'diaspora', locale: 'en', place: 'new-york', origin: ['HT'], residence: ['US'], languages: ['en', 'ht', 'fr'], services: ['diaspora-welcome', 'school-enrolment', 'remittances'] },
  { name: 'Alianza Hondureña-Garífuna de Nueva York', kind: 'diaspora', locale: 'es', place: 'new-york', origin: ['HN'], residence: ['US'], languages: ['es', 'en', 'cab'], services: ['diaspora-gatherings', 'diaspora-fund'] },
  { name: 'Mesa Centroamericana del Distrito', kind: 'diaspora', locale: 'es', place: 'washington', origin: ['SV', 'HN', 'GT'], residence: ['US'], languages: ['es', 'en'], services: ['diaspora-welcome', 'diaspora-consular', 'legal-clinic'] },
  { name: 'Central American Newcomers Circle', kind: 'diaspora', locale: 'en', place: 'toronto', origin: ['SV', 'GT', 'HN', 'NI'], residence: ['CA'], languages: ['en', 'es'], services: ['diaspora-welcome', 'diaspora-mentoring', 'language-classes'] },
  { name: 'Associação Brasileira de Apoio ao Imigrante em Toronto', kind: 'diaspora', locale: 'pt', place: 'toronto', origin: ['BR', 'HT'], residence: ['CA'], languages: ['pt', 'en', 'es'], services: ['diaspora-welcome', 'diaspora-mentoring'] },
  { name: 'Entraide Lakay Montréal', kind: 'diaspora', locale: 'fr', place: 'montreal', origin: ['HT'], residence: ['CA'], languages: ['fr', 'ht', 'en'], services: ['diaspora-welcome', 'asylum', 'diaspora-gatherings'] },
  { name: 'Pacific Latin American Newcomer Network', kind: 'diaspora', locale: 'en', place: 'vancouver', origin: ['GT', 'SV', 'HN', 'NI', 'CO'], residence: ['CA'], languages: ['en', 'es'], services: ['diaspora-welcome', 'diaspora-mentoring'] },
  { name: 'Asociación de Nicaragüenses Tierra de Lagos', kind: 'diaspora', locale: 'es', place: 'san-jose', origin: ['NI'], residence: ['CR'], languages: ['es', 'miq'], services: ['diaspora-welcome', 'documents-desk', 'diaspora-consular'] },
  { name: 'Comité de Familias Nicaragüenses de Upala', kind: 'diaspora', locale: 'es', place: 'upala', origin: ['NI'], residence: ['CR'], languages: ['es'], services: ['diaspora-welcome', 'kits'] },
  { name: 'Fundación Venezolanos Unidos en Panamá', kind: 'diaspora', locale: 'es', place: 'ciudad-de-panama', origin: ['VE'], residence: ['PA'], languages: ['es', 'en'], services: ['diaspora-welcome', 'documents-desk', 'job-desk'] },
  { name: 'Red Venezolana de Acogida en Cúcuta', kind: 'diaspora', locale: 'es', place: 'cucuta', origin: ['VE'], residence: ['CO'], languages: ['es'], services: ['diaspora-welcome', 'kitchen', 'diaspora-mentoring'] },
  { name: 'Asosyasyon Ayisyen pou Dwa Moun nan Repiblik Dominikèn', kind: 'diaspora', locale: 'ht', place: 'santo-domingo', origin: ['HT'], residence: ['DO'], languages: ['ht', 'fr', 'es'], services: ['diaspora-welcome', 'documents-desk', 'legal-clinic'] },
  { name: 'Kolektif Fanm Ayisyen Santiago', kind: 'diaspora', locale: 'ht', place: 'santiago-de-los-caballeros', origin: ['HT'], residence: ['DO'], languages: ['ht', 'es'], services: ['diaspora-gatherings', 'safe-space'] },
  { name: 'Kominote Ayisyen Tapachula', kind: 'diaspora', locale: 'ht', place: 'tapachula', origin: ['HT'], residence: ['MX'], languages: ['ht', 'fr', 'es'], services: ['diaspora-welcome', 'language-classes', 'family-contact'] },
  { name: 'Colectivo Hondureño en México', kind: 'diaspora', locale: 'es', place: 'ciudad-de-mexico', origin: ['HN'], residence: ['MX'], languages: ['es'], services: ['diaspora-welcome', 'diaspora-consular', 'job-desk'] },
  { name: 'Red de Salvadoreños en Baja California', kind: 'diaspora', locale: 'es', place: 'tijuana', origin: ['SV'], residence: ['MX'], languages: ['es', 'en'], services: ['diaspora-welcome', 'diaspora-fund'] },
  { name: 'Asociación de Venezolanos en Nuevo León', kind: 'diaspora', locale: 'es', place: 'monterrey', origin: ['VE'], residence: ['MX'], languages: ['es'], services: ['diaspora-welcome', 'diaspora-mentoring'] },
  { name: 'Guatemalan Belizean Community Association', kind: 'diaspora', locale: 'en', place: 'belize-city', origin: ['GT'], residence: ['BZ'], languages: ['en', 'es', 'kek'], services: ['diaspora-welcome', 'documents-desk'] },
  { name: 'Salvadoran and Honduran Community Network of Cayo', kind: 'diaspora', locale: 'en', place: 'belmopan', origin: ['SV', 'HN'], residence: ['BZ'], languages: ['en', 'es'], services: ['diaspora-welcome', 'diaspora-gatherings'] },
];

// ---- choosing generated organizations ----

const ARCHETYPE_WEIGHTS: readonly (readonly [ArchetypeKey, number])[] = [
  ['shelter', 22],
  ['legal', 12],
  ['kitchen', 11],
  ['health', 12],
  ['psychosocial', 7],
  ['hub', 8],
  ['employment', 9],
  ['protection', 8],
  ['education', 6],
  ['return', 8],
];
const RETURN_COUNTRIES = new Set(['MX', 'GT', 'SV', 'HN', 'HT']);
const CITY_SUFFIX: Record<Locale, string> = {
  es: ' de {city}',
  en: ' {city}',
  fr: ' de {city}',
  ht: ' {city}',
  pt: ' de {city}',
};

export function pickArchetype(rng: Rng, place: DemoPlace): ArchetypeKey {
  const options = ARCHETYPE_WEIGHTS.filter(([key]) => key !== 'return' || RETURN_COUNTRIES.has(place.country));
  let r = rng.next() * options.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of options) {
    r -= weight;
    if (r < 0) return key;
  }
  return 'shelter';
}

export function pickLocale(rng: Rng, place: DemoPlace): Locale {
  const r = rng.next();
  switch (place.country) {
    case 'HT':
      return r < 0.5 ? 'fr' : r < 0.95 ? 'ht' : 'en';
    case 'BZ':
      return r < 0.85 ? 'en' : 'es';
    case 'US':
    case 'CA':
      return 'en';
    default:
      return r < 0.05 ? 'en' : r < 0.09 && ['PA', 'CO', 'MX', 'CR'].includes(place.country) ? 'pt' : 'es';
  }
}

export function visibilityFor(rng: Rng, archetype: Archetype): AddressVisibility {
  const r = rng.next();
  return r < archetype.hidden ? 'hidden' : r < archetype.hidden + archetype.cityOnly ? 'city' : 'full';
}

export function organizationName(
  rng: Rng,
  used: ReadonlySet<string>,
  archetype: Archetype,
  locale: Locale,
  city: string,
): string {
  for (let attempt = 0; attempt < 30; attempt++) {
    const pattern = rng.pick(archetype.names[locale]);
    const withCity = !pattern.includes('{city}') && (attempt > 5 || rng.chance(0.25));
    const name = fill(pattern + (withCity ? CITY_SUFFIX[locale] : ''), { d: rng.pick(DISTINCTIVE[locale]), city });
    if (!used.has(name)) return name;
  }
  return `${fill(archetype.names[locale][0] ?? '{d}', { d: city, city })} ${used.size}`;
}
