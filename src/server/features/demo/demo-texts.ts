// Service templates of the demo directory, written in the five locales (es, en, fr, ht, pt), in that order.
// `{city}` is replaced by the city name. The builder keeps only some locales of each text, as real listings do.
import type { Cost, Population } from '../../db/schema.js';

/** One text in the five locales, in the order es, en, fr, ht, pt. */
export type T5 = readonly [es: string, en: string, fr: string, ht: string, pt: string];

// prettier-ignore
export type ScheduleKind = 'office' | 'office-saturday' | 'split' | 'always' | 'night' | 'meals' | 'weekly' | 'weekend' | 'line';
export type Application = 'walk-in' | 'appointment' | 'referral';

export interface ServiceTemplate {
  /** Taxonomy term codes (migration 0002), 1 to 3. */
  codes: readonly string[];
  name: T5;
  description: T5;
  cost: Cost;
  schedule: ScheduleKind;
  application: Application;
  /** Populations the service may be meant for; the builder keeps some of them. */
  populations: readonly Population[];
  documents?: readonly DocumentKey[];
  eligibility?: T5;
  /** Reached mainly by phone: gets a hotline number. */
  hotline?: boolean;
}

// prettier-ignore
export const DOCUMENTS = {
  id: ['Pasaporte o documento de identidad, si lo tiene', 'Passport or ID, if you have one', 'Passeport ou pièce d’identité, si vous en avez', 'Paspò oswa kat idantite, si w genyen', 'Passaporte ou documento de identidade, se tiver'],
  passport: ['Pasaporte o documento de identidad vigente', 'Valid passport or ID', 'Passeport ou pièce d’identité en cours de validité', 'Paspò oswa kat idantite ki valab', 'Passaporte ou documento de identidade válido'],
  birth: ['Acta de nacimiento de niñas y niños', 'Children’s birth certificates', 'Actes de naissance des enfants', 'Batistè timoun yo', 'Certidão de nascimento das crianças'],
  appointment: ['Constancia de cita', 'Appointment letter', 'Confirmation de rendez-vous', 'Papye randevou a', 'Comprovante de agendamento'],
  asylum: ['Constancia de solicitud de asilo, si ya la presentó', 'Proof of asylum application, if already filed', 'Récépissé de demande d’asile, si elle est déjà déposée', 'Resi demann azil la, si w te deja depoze l', 'Protocolo do pedido de refúgio, se já foi apresentado'],
  referral: ['Carta de referencia de otra organización', 'Referral letter from another organization', 'Lettre d’orientation d’une autre organisation', 'Lèt referans yon lòt òganizasyon', 'Carta de encaminhamento de outra organização'],
  cv: ['Currículum o lista de trabajos anteriores (opcional)', 'CV or list of previous jobs (optional)', 'CV ou liste des emplois précédents (facultatif)', 'CV oswa lis ansyen travay ou (si w vle)', 'Currículo ou lista de trabalhos anteriores (opcional)'],
  school: ['Boletas o certificados de estudios, si los tiene', 'School reports or certificates, if you have them', 'Bulletins ou certificats scolaires, si vous en avez', 'Kanè oswa sètifika lekòl, si w genyen', 'Boletins ou certificados escolares, se tiver'],
  return: ['Constancia de retorno o de deportación', 'Return or deportation record', 'Attestation de retour ou d’expulsion', 'Papye ki montre retou oswa depòtasyon', 'Comprovante de retorno ou deportação'],
  photo: ['Fotografía y datos de la persona que busca', 'Photo and details of the person you are looking for', 'Photo et informations sur la personne recherchée', 'Foto ak enfòmasyon sou moun w ap chèche a', 'Foto e dados da pessoa procurada'],
} as const satisfies Record<string, T5>;
export type DocumentKey = keyof typeof DOCUMENTS;

// prettier-ignore
export const APPLICATION: Record<Application, T5> = {
  'walk-in': ['Sin cita: acuda directamente en el horario de atención.', 'Walk in during opening hours; no appointment needed.', 'Sans rendez-vous : présentez-vous aux heures d’ouverture.', 'Pa bezwen randevou: vini pandan lè biwo a louvri.', 'Sem agendamento: compareça no horário de atendimento.'],
  appointment: ['Solicite una cita por teléfono o WhatsApp.', 'Book an appointment by phone or WhatsApp.', 'Prenez rendez-vous par téléphone ou WhatsApp.', 'Pran randevou pa telefòn oswa WhatsApp.', 'Agende um atendimento por telefone ou WhatsApp.'],
  referral: ['Ingreso por referencia de otra organización o llamando antes por teléfono.', 'Admission by referral from another organization or by calling ahead.', 'Admission sur orientation d’une autre organisation ou après un appel.', 'Ou antre sou referans yon lòt òganizasyon oswa apre w fin rele anvan.', 'Entrada por encaminhamento de outra organização ou ligando antes.'],
};

// prettier-ignore
export const FEES: Record<'low_cost' | 'paid', T5> = {
  low_cost: ['Cuota de recuperación simbólica; nadie se queda sin atención por no poder pagar.', 'A small contribution is asked; no one is turned away for lack of money.', 'Une petite participation est demandée ; personne n’est refusé faute d’argent.', 'Nou mande yon ti kontribisyon; pesonn pa rete san sèvis paske li pa ka peye.', 'Contribuição simbólica; ninguém fica sem atendimento por falta de dinheiro.'],
  paid: ['Tiene un costo según el trámite; pregunte la tarifa antes de empezar.', 'There is a fee depending on the procedure; ask for the price before you start.', 'Service payant selon la démarche ; demandez le tarif avant de commencer.', 'Gen yon pri selon demach la; mande konbyen sa koute anvan ou kòmanse.', 'Há um custo conforme o trâmite; pergunte o valor antes de começar.'],
};

// prettier-ignore
export const SCHEDULE_NOTES = {
  always: ['Abierto las 24 horas, todos los días.', 'Open 24 hours a day, every day.', 'Ouvert 24 heures sur 24, tous les jours.', 'Louvri 24 è sou 24, chak jou.', 'Aberto 24 horas, todos os dias.'],
  holidays: ['Cerrado en días festivos.', 'Closed on public holidays.', 'Fermé les jours fériés.', 'Fèmen jou ferye yo.', 'Fechado nos feriados.'],
  line: ['Fuera de horario, deje un mensaje y le responderemos al día siguiente.', 'Outside these hours, leave a message and we will reply the next day.', 'En dehors de ces horaires, laissez un message : nous répondrons le lendemain.', 'Apre lè sa yo, kite yon mesaj, n ap reponn ou nan demen.', 'Fora do horário, deixe uma mensagem e responderemos no dia seguinte.'],
} as const satisfies Record<string, T5>;

// prettier-ignore
export const ELIGIBILITY_ALL: T5 = ['Todas las personas migrantes, refugiadas y retornadas, sin importar su situación migratoria.', 'All migrants, refugees and returnees, whatever their immigration status.', 'Toutes les personnes migrantes, réfugiées ou de retour, quel que soit leur statut.', 'Tout migran, refijye ak moun ki retounen, kèlkeswa sitiyasyon imigrasyon yo.', 'Todas as pessoas migrantes, refugiadas e retornadas, independentemente da situação migratória.'];

// prettier-ignore
export const PHONE_LABELS = {
  main: ['Línea principal', 'Main line', 'Ligne principale', 'Liy prensipal', 'Linha principal'],
  whatsapp: ['WhatsApp (mensajes y llamadas)', 'WhatsApp (messages and calls)', 'WhatsApp (messages et appels)', 'WhatsApp (mesaj ak apèl)', 'WhatsApp (mensagens e ligações)'],
  hotline: ['Línea de ayuda', 'Helpline', 'Ligne d’aide', 'Liy èd', 'Linha de ajuda'],
  tollFree: ['Línea gratuita', 'Toll-free line', 'Ligne gratuite', 'Liy gratis', 'Linha gratuita'],
} as const satisfies Record<string, T5>;

// prettier-ignore
export const TRANSPORT: readonly T5[] = [
  ['A pocas cuadras del parque central.', 'A few blocks from the central park.', 'À quelques rues du parc central.', 'Kèk blòk de pak santral la.', 'A poucas quadras do parque central.'],
  ['Cerca de la terminal de autobuses.', 'Near the bus terminal.', 'Près de la gare routière.', 'Toupre estasyon bis la.', 'Perto do terminal de ônibus.'],
  ['Frente a la iglesia parroquial.', 'Opposite the parish church.', 'En face de l’église paroissiale.', 'Anfas legliz pawas la.', 'Em frente à igreja matriz.'],
  ['Junto al mercado municipal.', 'Next to the municipal market.', 'À côté du marché municipal.', 'Bò kote mache minisipal la.', 'Ao lado do mercado municipal.'],
  ['Se llega en transporte público; pregunte por la parada más cercana.', 'Reachable by public transport; ask for the nearest stop.', 'Accessible en transport public ; demandez l’arrêt le plus proche.', 'Ou ka rive la ak transpò piblik; mande ki estasyon ki pi pre.', 'Acesso por transporte público; pergunte pelo ponto mais próximo.'],
];

// prettier-ignore
export const HIDDEN_ADDRESS_NOTE: T5 = ['Por seguridad, la dirección se comparte solo después de una llamada.', 'For safety, the address is shared only after a phone call.', 'Pour des raisons de sécurité, l’adresse n’est communiquée qu’après un appel.', 'Pou sekirite, nou bay adrès la sèlman apre yon apèl.', 'Por segurança, o endereço só é informado após uma ligação.'];

// prettier-ignore
export const MOBILE_POINT: T5 = ['Punto de atención móvil en {city}', 'Mobile service point in {city}', 'Point de service mobile à {city}', 'Pwen sèvis mobil nan {city}', 'Ponto de atendimento móvel em {city}'];

// prettier-ignore
export const SERVICE_TEMPLATES = {
  'info-point': {
    codes: ['information-orientation'], cost: 'free', schedule: 'office', application: 'walk-in', populations: ['asylum_seekers'],
    name: ['Punto de información para personas migrantes', 'Information point for migrants', 'Point d’information pour les personnes migrantes', 'Pwen enfòmasyon pou migran', 'Ponto de informação para migrantes'],
    description: ['Orientación gratuita y confidencial sobre rutas seguras, trámites migratorios y servicios disponibles en {city}.', 'Free, confidential guidance on safe routes, immigration procedures and the services available in {city}.', 'Orientation gratuite et confidentielle sur les trajets sûrs, les démarches migratoires et les services disponibles à {city}.', 'Oryantasyon gratis e konfidansyèl sou wout ki san danje, demach imigrasyon ak sèvis ki disponib nan {city}.', 'Orientação gratuita e confidencial sobre rotas seguras, trâmites migratórios e serviços disponíveis em {city}.'],
  },
  'whatsapp-line': {
    codes: ['information-orientation', 'protection'], cost: 'free', schedule: 'line', application: 'walk-in', populations: [], hotline: true,
    name: ['Orientación por WhatsApp', 'Guidance by WhatsApp', 'Orientation par WhatsApp', 'Oryantasyon sou WhatsApp', 'Orientação por WhatsApp'],
    description: ['Resolvemos dudas por mensaje o nota de voz y le indicamos el servicio más cercano, aunque esté en camino.', 'We answer questions by text or voice message and point you to the nearest service, even while you are on the road.', 'Nous répondons à vos questions par message écrit ou vocal et vous indiquons le service le plus proche, même en chemin.', 'Nou reponn kesyon ou pa mesaj ekri oswa mesaj vokal epi nou montre w sèvis ki pi pre a, menm si w sou wout.', 'Respondemos dúvidas por mensagem de texto ou áudio e indicamos o serviço mais próximo, mesmo durante a viagem.'],
  },
  'legal-clinic': {
    codes: ['legal-aid-asylum', 'documents-regularization'], cost: 'free', schedule: 'office', application: 'appointment', populations: ['asylum_seekers'], documents: ['id'],
    name: ['Clínica jurídica gratuita', 'Free legal clinic', 'Clinique juridique gratuite', 'Klinik legal gratis', 'Clínica jurídica gratuita'],
    description: ['Abogadas y abogados revisan su caso, explican sus opciones migratorias y le acompañan ante las autoridades.', 'Lawyers review your case, explain your immigration options and go with you before the authorities.', 'Des avocates et avocats examinent votre dossier, expliquent vos options migratoires et vous accompagnent auprès des autorités.', 'Avoka yo egzamine dosye w, eksplike w ki opsyon imigrasyon ou genyen epi akonpaye w devan otorite yo.', 'Advogadas e advogados analisam o seu caso, explicam suas opções migratórias e acompanham você perante as autoridades.'],
  },
  asylum: {
    codes: ['legal-aid-asylum', 'protection'], cost: 'free', schedule: 'office', application: 'walk-in', populations: ['asylum_seekers', 'lgbtiq', 'women'], documents: ['id', 'asylum'],
    name: ['Acompañamiento en la solicitud de asilo', 'Support with asylum applications', 'Accompagnement dans la demande d’asile', 'Akonpayman pou demann azil', 'Acompanhamento no pedido de refúgio'],
    description: ['Le ayudamos a preparar y presentar su solicitud de reconocimiento de la condición de refugiado y a cumplir los plazos.', 'We help you prepare and file your refugee status claim and keep to the deadlines.', 'Nous vous aidons à préparer et déposer votre demande de statut de réfugié et à respecter les délais.', 'Nou ede w prepare ak depoze demann estati refijye w la epi respekte dat limit yo.', 'Ajudamos você a preparar e apresentar o pedido de reconhecimento da condição de refugiado e a cumprir os prazos.'],
  },
  'documents-desk': {
    codes: ['documents-regularization', 'information-orientation'], cost: 'free', schedule: 'office', application: 'walk-in', populations: [], documents: ['passport', 'birth'],
    name: ['Mesa de orientación sobre documentos', 'Documents orientation desk', 'Guichet d’orientation sur les documents', 'Biwo oryantasyon sou dokiman', 'Balcão de orientação sobre documentos'],
    description: ['Explicamos qué documento necesita, cómo solicitar un permiso de estancia y cómo regularizar su situación migratoria.', 'We explain which document you need, how to apply for a residence permit and how to regularize your status.', 'Nous expliquons de quel document vous avez besoin, comment demander un titre de séjour et comment régulariser votre situation.', 'Nou eksplike w ki dokiman ou bezwen, kijan pou mande pèmi sejou epi kijan pou regilarize sitiyasyon w.', 'Explicamos qual documento você precisa, como solicitar uma autorização de residência e como regularizar sua situação migratória.'],
  },
  'civil-registry': {
    codes: ['documents-regularization'], cost: 'low_cost', schedule: 'office', application: 'appointment', populations: ['children'], documents: ['passport', 'appointment'],
    name: ['Apoyo con actas de nacimiento y trámites consulares', 'Help with birth certificates and consular paperwork', 'Aide pour les actes de naissance et les démarches consulaires', 'Èd pou batistè ak demach nan konsila', 'Apoio com certidões de nascimento e trâmites consulares'],
    description: ['Le orientamos para registrar a niñas y niños nacidos en el camino y para pedir documentos a su consulado.', 'We help you register children born on the way and request documents from your consulate.', 'Nous vous aidons à déclarer les enfants nés en chemin et à demander des documents à votre consulat.', 'Nou ede w deklare timoun ki fèt sou wout la epi mande dokiman nan konsila peyi w.', 'Ajudamos a registrar crianças nascidas no caminho e a pedir documentos ao seu consulado.'],
  },
  'family-shelter': {
    codes: ['shelter', 'food'], cost: 'free', schedule: 'always', application: 'walk-in', populations: ['women', 'children', 'people_with_disabilities'],
    name: ['Albergue temporal para familias', 'Temporary shelter for families', 'Hébergement temporaire pour les familles', 'Abri tanporè pou fanmi', 'Abrigo temporário para famílias'],
    description: ['Estancia de hasta 15 noches con cama, ducha, comida caliente y lavandería para familias en tránsito.', 'Stays of up to 15 nights with a bed, shower, hot meals and laundry for families in transit.', 'Séjour jusqu’à 15 nuits avec lit, douche, repas chauds et lessive pour les familles en transit.', 'Ou ka rete jiska 15 nwit, ak kabann, douch, manje cho ak lesiv pou fanmi k ap travèse.', 'Estadia de até 15 noites com cama, chuveiro, refeição quente e lavanderia para famílias em trânsito.'],
  },
  'women-shelter': {
    codes: ['shelter', 'protection'], cost: 'free', schedule: 'always', application: 'referral', populations: ['women', 'children', 'lgbtiq'], documents: ['referral'],
    name: ['Casa de acogida para mujeres, niñas y niños', 'Safe house for women and children', 'Maison d’accueil pour femmes et enfants', 'Kay akèy pou fanm ak timoun', 'Casa de acolhida para mulheres e crianças'],
    description: ['Alojamiento protegido y confidencial para mujeres con sus hijas e hijos que huyen de la violencia; el ingreso se coordina por teléfono.', 'Protected, confidential accommodation for women and their children fleeing violence; admission is arranged by phone.', 'Hébergement protégé et confidentiel pour les femmes et leurs enfants qui fuient la violence ; l’admission se fait par téléphone.', 'Lojman pwoteje e konfidansyèl pou fanm ak pitit yo k ap kouri pou vyolans; antre a fèt apre yon apèl telefòn.', 'Alojamento protegido e sigiloso para mulheres com seus filhos que fogem da violência; a entrada é combinada por telefone.'],
    eligibility: ['Mujeres mayores de edad, con o sin hijas e hijos, en riesgo por violencia.', 'Adult women, with or without children, at risk of violence.', 'Femmes majeures, avec ou sans enfants, exposées à la violence.', 'Fanm ki majè, avèk oswa san pitit, ki an danje akoz vyolans.', 'Mulheres adultas, com ou sem filhos, em risco de violência.'],
  },
  'night-shelter': {
    codes: ['shelter'], cost: 'free', schedule: 'night', application: 'walk-in', populations: [],
    name: ['Albergue nocturno', 'Night shelter', 'Hébergement de nuit', 'Abri pou lannwit', 'Albergue noturno'],
    description: ['Cama, cena y desayuno para personas adultas que viajan solas; ingreso a partir de las 18:00.', 'A bed, dinner and breakfast for adults travelling alone; check-in from 6 pm.', 'Un lit, un dîner et un petit-déjeuner pour les adultes voyageant seuls ; accueil à partir de 18 h.', 'Kabann, manje aswè ak manje maten pou granmoun k ap vwayaje poukont yo; antre apati 6è diswa.', 'Cama, jantar e café da manhã para adultos que viajam sozinhos; entrada a partir das 18h.'],
    eligibility: ['Personas adultas que viajan solas.', 'Adults travelling alone.', 'Adultes voyageant seuls.', 'Granmoun k ap vwayaje poukont yo.', 'Adultos que viajam sozinhos.'],
  },
  kitchen: {
    codes: ['food'], cost: 'free', schedule: 'meals', application: 'walk-in', populations: ['children'],
    name: ['Comedor comunitario', 'Community kitchen', 'Cantine communautaire', 'Kantin kominotè', 'Refeitório comunitário'],
    description: ['Comida caliente todos los días para quien la necesite, sin preguntas ni requisitos.', 'A hot meal every day for anyone who needs it, no questions asked and no requirements.', 'Un repas chaud chaque jour pour toute personne qui en a besoin, sans questions ni conditions.', 'Yon plat manje cho chak jou pou nenpòt moun ki bezwen l, san kesyon, san kondisyon.', 'Refeição quente todos os dias para quem precisar, sem perguntas nem exigências.'],
  },
  kits: {
    codes: ['food', 'health'], cost: 'free', schedule: 'office-saturday', application: 'walk-in', populations: ['children', 'women'],
    name: ['Entrega de kits de alimentos e higiene', 'Food and hygiene kits', 'Distribution de colis alimentaires et d’hygiène', 'Distribisyon kit manje ak kit ijyèn', 'Entrega de kits de alimentos e higiene'],
    description: ['Paquetes con alimentos no perecederos, agua, artículos de higiene y pañales para familias en tránsito.', 'Packs with non-perishable food, water, hygiene items and nappies for families in transit.', 'Colis de denrées non périssables, d’eau, d’articles d’hygiène et de couches pour les familles en transit.', 'Pake ak manje ki pa gate vit, dlo, atik ijyèn ak kouchèt pou fanmi k ap travèse.', 'Kits com alimentos não perecíveis, água, itens de higiene e fraldas para famílias em trânsito.'],
  },
  clinic: {
    codes: ['health'], cost: 'free', schedule: 'split', application: 'walk-in', populations: ['people_with_disabilities', 'children'],
    name: ['Consulta médica general y primeros auxilios', 'General medical consultations and first aid', 'Consultations médicales générales et premiers secours', 'Konsiltasyon medikal jeneral ak premye swen', 'Consulta médica geral e primeiros socorros'],
    description: ['Atención médica sin costo, curación de heridas y ampollas, medicamentos básicos y referencia al hospital cuando hace falta.', 'Free medical care, treatment of wounds and blisters, basic medicines and referral to hospital when needed.', 'Soins médicaux gratuits, soins des plaies et des ampoules, médicaments de base et orientation vers l’hôpital si nécessaire.', 'Swen medikal gratis, pansman pou blesi ak zanpoud, medikaman debaz epi referans lopital lè sa nesesè.', 'Atendimento médico gratuito, curativos de feridas e bolhas, medicamentos básicos e encaminhamento ao hospital quando necessário.'],
  },
  srh: {
    codes: ['health', 'protection'], cost: 'free', schedule: 'office', application: 'appointment', populations: ['women', 'lgbtiq'],
    name: ['Salud sexual y reproductiva', 'Sexual and reproductive health', 'Santé sexuelle et reproductive', 'Sante seksyèl ak repwodiktif', 'Saúde sexual e reprodutiva'],
    description: ['Control prenatal, métodos anticonceptivos, pruebas de VIH y atención confidencial después de una agresión sexual.', 'Antenatal care, contraception, HIV testing and confidential care after sexual assault.', 'Suivi prénatal, contraception, dépistage du VIH et prise en charge confidentielle après une agression sexuelle.', 'Swivi pou fanm ansent, planin, tès VIH ak swen konfidansyèl apre yon agresyon seksyèl.', 'Pré-natal, métodos contraceptivos, testagem de HIV e atendimento sigiloso após violência sexual.'],
  },
  'mobile-health': {
    codes: ['health'], cost: 'free', schedule: 'office-saturday', application: 'walk-in', populations: ['children'],
    name: ['Unidad médica móvil', 'Mobile health unit', 'Unité médicale mobile', 'Inite medikal mobil', 'Unidade médica móvel'],
    description: ['Una unidad móvil recorre albergues y puntos de paso con consulta médica, vacunación y atención a niñas y niños.', 'A mobile unit visits shelters and crossing points with medical consultations, vaccination and care for children.', 'Une unité mobile se rend dans les refuges et les points de passage avec consultations, vaccination et soins pour les enfants.', 'Yon inite mobil vizite abri ak pwen pasaj yo pou bay konsiltasyon, vaksen ak swen pou timoun.', 'Uma unidade móvel percorre abrigos e pontos de passagem com consulta médica, vacinação e atendimento a crianças.'],
  },
  'psy-line': {
    codes: ['mental-health', 'protection'], cost: 'free', schedule: 'line', application: 'walk-in', populations: ['lgbtiq', 'women', 'asylum_seekers'], hotline: true,
    name: ['Línea de apoyo psicosocial', 'Psychosocial support line', 'Ligne de soutien psychosocial', 'Liy sipò sikososyal', 'Linha de apoio psicossocial'],
    description: ['Personal capacitado le escucha por teléfono o WhatsApp, le ayuda a manejar la angustia y le conecta con atención presencial.', 'Trained staff listen to you by phone or WhatsApp, help you cope with distress and connect you with in-person care.', 'Une équipe formée vous écoute par téléphone ou WhatsApp, vous aide à gérer l’angoisse et vous oriente vers un suivi en personne.', 'Yon ekip ki fòme koute w pa telefòn oswa WhatsApp, ede w jere estrès ak kè sere epi konekte w ak swen an pèsòn.', 'Equipe capacitada escuta você por telefone ou WhatsApp, ajuda a lidar com a angústia e encaminha para atendimento presencial.'],
  },
  'support-groups': {
    codes: ['mental-health'], cost: 'free', schedule: 'weekly', application: 'walk-in', populations: ['women', 'lgbtiq'],
    name: ['Grupos de apoyo emocional', 'Emotional support groups', 'Groupes de soutien émotionnel', 'Gwoup sipò emosyonèl', 'Grupos de apoio emocional'],
    description: ['Encuentros semanales para compartir la experiencia del viaje, cuidarse y recuperar la calma con acompañamiento profesional.', 'Weekly meetings to share the experience of the journey, look after yourself and regain calm with professional support.', 'Rencontres hebdomadaires pour partager l’expérience du voyage, prendre soin de soi et retrouver le calme avec un accompagnement professionnel.', 'Rankont chak semèn pou pataje eksperyans vwayaj la, pran swen tèt ou epi jwenn kalm ak akonpayman pwofesyonèl.', 'Encontros semanais para compartilhar a experiência da viagem, cuidar de si e recuperar a calma com acompanhamento profissional.'],
  },
  'job-desk': {
    codes: ['employment-livelihoods', 'information-orientation'], cost: 'free', schedule: 'office', application: 'walk-in', populations: [], documents: ['passport', 'cv'],
    name: ['Bolsa de trabajo y vinculación laboral', 'Job connection desk', 'Service de mise en relation avec l’emploi', 'Biwo koneksyon pou travay', 'Balcão de vagas e conexão com empregos'],
    description: ['Registramos su experiencia, le conectamos con empresas que contratan a personas migrantes y le explicamos sus derechos laborales.', 'We record your work experience, connect you with employers who hire migrants and explain your labour rights.', 'Nous enregistrons votre expérience, vous mettons en relation avec des entreprises qui embauchent des personnes migrantes et vous expliquons vos droits au travail.', 'Nou anrejistre eksperyans ou, konekte w ak konpayi ki anboche migran epi eksplike w dwa ou nan travay.', 'Registramos sua experiência, conectamos você com empresas que contratam migrantes e explicamos seus direitos trabalhistas.'],
  },
  entrepreneurship: {
    codes: ['employment-livelihoods', 'money-remittances'], cost: 'low_cost', schedule: 'weekly', application: 'appointment', populations: ['women'],
    name: ['Talleres de emprendimiento', 'Small business workshops', 'Ateliers d’entrepreneuriat', 'Atelye pou lanse ti biznis', 'Oficinas de empreendedorismo'],
    description: ['Cursos cortos para iniciar o fortalecer un pequeño negocio: costos, ventas, permisos y ahorro.', 'Short courses to start or grow a small business: costs, sales, permits and savings.', 'Formations courtes pour créer ou développer une petite entreprise : coûts, ventes, autorisations et épargne.', 'Kou kout pou lanse oswa ranfòse yon ti biznis: depans, lavant, pèmi ak epay.', 'Cursos rápidos para abrir ou fortalecer um pequeno negócio: custos, vendas, licenças e poupança.'],
  },
  'language-classes': {
    codes: ['education'], cost: 'free', schedule: 'weekly', application: 'walk-in', populations: [],
    name: ['Clases de idioma para personas recién llegadas', 'Language classes for newcomers', 'Cours de langue pour les nouveaux arrivants', 'Kou lang pou moun ki fèk rive', 'Aulas de idioma para recém-chegados'],
    description: ['Clases en grupos pequeños para comunicarse en el trabajo, la escuela y los trámites de cada día.', 'Small-group classes to communicate at work, at school and in everyday errands.', 'Cours en petits groupes pour communiquer au travail, à l’école et dans les démarches du quotidien.', 'Kou an ti gwoup pou w ka kominike nan travay, lekòl ak demach chak jou.', 'Aulas em grupos pequenos para se comunicar no trabalho, na escola e no dia a dia.'],
  },
  'school-enrolment': {
    codes: ['education'], cost: 'free', schedule: 'office', application: 'appointment', populations: ['children', 'unaccompanied_minors'], documents: ['birth', 'school'],
    name: ['Inscripción escolar y nivelación', 'School enrolment and catch-up classes', 'Inscription scolaire et remise à niveau', 'Enskripsyon lekòl ak kou ratrapaj', 'Matrícula escolar e reforço'],
    description: ['Acompañamos a las familias para inscribir a niñas y niños en la escuela aunque no tengan todos sus papeles, y ofrecemos clases de nivelación.', 'We help families enrol children in school even without all their papers, and offer catch-up classes.', 'Nous aidons les familles à inscrire les enfants à l’école même sans tous leurs papiers et proposons des cours de remise à niveau.', 'Nou ede fanmi yo enskri timoun yo lekòl menm si yo pa gen tout papye yo, epi nou bay kou ratrapaj.', 'Ajudamos as famílias a matricular crianças na escola mesmo sem todos os documentos e oferecemos aulas de reforço.'],
  },
  'family-contact': {
    codes: ['family-reunification', 'information-orientation'], cost: 'free', schedule: 'office-saturday', application: 'walk-in', populations: [],
    name: ['Restablecimiento del contacto familiar', 'Restoring family contact', 'Rétablissement des liens familiaux', 'Rekonekte ak fanmi', 'Restabelecimento de contato familiar'],
    description: ['Llamadas gratuitas, carga de celulares, wifi y apoyo para buscar a familiares con quienes perdió el contacto.', 'Free phone calls, phone charging, wifi and help searching for relatives you have lost touch with.', 'Appels gratuits, recharge de téléphone, wifi et aide pour rechercher des proches perdus de vue.', 'Apèl gratis, chaje telefòn, wifi ak èd pou chèche fanmi ou pèdi kontak avè yo.', 'Ligações gratuitas, recarga de celular, wi-fi e apoio para buscar familiares com quem perdeu contato.'],
  },
  'missing-persons': {
    codes: ['family-reunification', 'protection'], cost: 'free', schedule: 'office', application: 'appointment', populations: [], documents: ['photo', 'id'],
    name: ['Búsqueda de personas migrantes desaparecidas', 'Search for missing migrants', 'Recherche de personnes migrantes disparues', 'Rechèch pou migran ki disparèt', 'Busca de migrantes desaparecidos'],
    description: ['Recibimos reportes de familiares desaparecidos en la ruta y acompañamos a las familias ante fiscalías, consulados y bancos de datos forenses.', 'We take reports of relatives missing on the route and support families before prosecutors, consulates and forensic databases.', 'Nous recevons les signalements de proches disparus sur la route et accompagnons les familles auprès des parquets, des consulats et des banques de données médico-légales.', 'Nou resevwa rapò sou fanmi ki disparèt sou wout la epi nou akonpaye fanmi yo devan pakè, konsila ak bank done medikolegal.', 'Recebemos relatos de familiares desaparecidos na rota e acompanhamos as famílias junto a promotorias, consulados e bancos de dados forenses.'],
  },
  returnees: {
    codes: ['return-reintegration', 'employment-livelihoods'], cost: 'free', schedule: 'office-saturday', application: 'walk-in', populations: ['children', 'unaccompanied_minors'], documents: ['return'],
    name: ['Recepción y apoyo a personas retornadas', 'Reception and support for returnees', 'Accueil et soutien aux personnes de retour', 'Akèy ak sipò pou moun ki retounen', 'Acolhimento e apoio a pessoas retornadas'],
    description: ['Bienvenida, transporte a su comunidad, atención psicosocial y orientación para encontrar trabajo después del retorno.', 'Welcome, transport to your community, psychosocial care and guidance to find work after return.', 'Accueil, transport vers votre communauté, soutien psychosocial et orientation vers l’emploi après le retour.', 'Akèy, transpò pou rive nan kominote w, sipò sikososyal ak oryantasyon pou jwenn travay apre retou a.', 'Acolhida, transporte até a sua comunidade, apoio psicossocial e orientação para encontrar trabalho após o retorno.'],
  },
  'voluntary-return': {
    codes: ['return-reintegration', 'information-orientation'], cost: 'free', schedule: 'office', application: 'appointment', populations: [], documents: ['passport'],
    name: ['Orientación para el retorno voluntario', 'Voluntary return counselling', 'Conseil pour le retour volontaire', 'Konsèy pou retou volontè', 'Orientação para o retorno voluntário'],
    description: ['Si decide volver a su país, le explicamos las opciones de retorno asistido, los documentos necesarios y el apoyo a la llegada.', 'If you decide to go home, we explain assisted return options, the documents needed and support on arrival.', 'Si vous décidez de rentrer, nous vous expliquons les options de retour assisté, les documents nécessaires et l’aide à l’arrivée.', 'Si w deside retounen lakay ou, nou eksplike w opsyon retou asiste yo, dokiman ou bezwen ak sipò lè w rive.', 'Se decidir voltar ao seu país, explicamos as opções de retorno assistido, os documentos necessários e o apoio na chegada.'],
  },
  trafficking: {
    codes: ['protection', 'legal-aid-asylum'], cost: 'free', schedule: 'line', application: 'walk-in', populations: ['women', 'children', 'unaccompanied_minors', 'lgbtiq'], hotline: true,
    name: ['Atención a sobrevivientes de trata de personas', 'Support for survivors of human trafficking', 'Accompagnement des victimes de la traite', 'Sipò pou moun ki viktim trafik moun', 'Atendimento a sobreviventes de tráfico de pessoas'],
    description: ['Atención inmediata y confidencial, refugio seguro, asesoría legal y acompañamiento para denunciar si usted lo decide.', 'Immediate and confidential care, a safe place to stay, legal advice and support to report the crime if you choose to.', 'Prise en charge immédiate et confidentielle, hébergement sûr, conseil juridique et accompagnement pour porter plainte si vous le souhaitez.', 'Swen imedya e konfidansyèl, kote pou rete an sekirite, konsèy legal ak akonpayman pou fè plent si ou vle.', 'Atendimento imediato e sigiloso, abrigo seguro, orientação jurídica e apoio para denunciar, se você quiser.'],
  },
  'safe-space': {
    codes: ['protection', 'mental-health'], cost: 'free', schedule: 'office', application: 'walk-in', populations: ['women', 'lgbtiq'],
    name: ['Espacio seguro para mujeres y personas LGBTIQ+', 'Safe space for women and LGBTIQ+ people', 'Espace sûr pour les femmes et les personnes LGBTIQ+', 'Espas an sekirite pou fanm ak moun LGBTIQ+', 'Espaço seguro para mulheres e pessoas LGBTIQ+'],
    description: ['Un lugar tranquilo para descansar, recibir información sobre violencia de género y hablar con una facilitadora.', 'A quiet place to rest, get information on gender-based violence and talk with a facilitator.', 'Un lieu calme pour se reposer, s’informer sur les violences basées sur le genre et parler avec une animatrice.', 'Yon kote trankil pou repoze w, jwenn enfòmasyon sou vyolans sou baz sèks epi pale ak yon fasilitatris.', 'Um lugar tranquilo para descansar, receber informação sobre violência de gênero e conversar com uma facilitadora.'],
  },
  'child-protection': {
    codes: ['protection', 'shelter'], cost: 'free', schedule: 'always', application: 'referral', populations: ['unaccompanied_minors', 'children'],
    name: ['Protección de niñas, niños y adolescentes no acompañados', 'Protection for unaccompanied children and adolescents', 'Protection des enfants et adolescents non accompagnés', 'Pwoteksyon pou timoun ak adolesan ki poukont yo', 'Proteção de crianças e adolescentes desacompanhados'],
    description: ['Un equipo especializado recibe a menores de edad que viajan solos, les da alojamiento y coordina con las autoridades de protección de la niñez.', 'A specialised team receives children travelling alone, gives them a place to stay and coordinates with child protection authorities.', 'Une équipe spécialisée accueille les mineurs qui voyagent seuls, les héberge et se coordonne avec les autorités de protection de l’enfance.', 'Yon ekip espesyalize resevwa timoun ki vwayaje poukont yo, ba yo kote pou rete epi kowòdone ak otorite ki pwoteje timoun.', 'Uma equipe especializada recebe menores de idade que viajam sozinhos, oferece alojamento e coordena com as autoridades de proteção da infância.'],
    eligibility: ['Menores de 18 años que viajan sin una persona adulta responsable.', 'Children under 18 travelling without a responsible adult.', 'Mineurs de moins de 18 ans voyageant sans adulte responsable.', 'Timoun ki poko gen 18 an k ap vwayaje san yon granmoun ki responsab yo.', 'Menores de 18 anos que viajam sem um adulto responsável.'],
  },
  'financial-education': {
    codes: ['money-remittances', 'employment-livelihoods'], cost: 'free', schedule: 'weekly', application: 'walk-in', populations: ['women'], documents: ['passport'],
    name: ['Educación financiera y apertura de cuentas', 'Financial education and bank accounts', 'Éducation financière et ouverture de comptes', 'Edikasyon finansye ak ouvèti kont labank', 'Educação financeira e abertura de contas'],
    description: ['Aprenda a ahorrar, a comparar el costo de enviar dinero y a abrir una cuenta básica con su documento migratorio.', 'Learn to save, compare the cost of sending money and open a basic account with your immigration document.', 'Apprenez à épargner, à comparer le coût des envois d’argent et à ouvrir un compte de base avec votre document de séjour.', 'Aprann fè epay, konpare pri pou voye lajan epi louvri yon kont debaz ak dokiman imigrasyon w.', 'Aprenda a poupar, comparar o custo de enviar dinheiro e abrir uma conta básica com seu documento migratório.'],
  },
  remittances: {
    codes: ['money-remittances'], cost: 'low_cost', schedule: 'office-saturday', application: 'walk-in', populations: [], documents: ['passport'],
    name: ['Orientación sobre envío y cobro de remesas', 'Help with sending and collecting remittances', 'Conseils pour envoyer et recevoir de l’argent', 'Konsèy pou voye ak resevwa lajan', 'Orientação sobre envio e recebimento de remessas'],
    description: ['Le explicamos cómo recibir o enviar dinero de forma segura, qué comisiones esperar y cómo evitar estafas.', 'We explain how to receive or send money safely, what fees to expect and how to avoid scams.', 'Nous vous expliquons comment recevoir ou envoyer de l’argent en toute sécurité, quels frais prévoir et comment éviter les arnaques.', 'Nou eksplike w kijan pou resevwa oswa voye lajan san danje, konbyen frè pou w tann epi kijan pou evite magouy.', 'Explicamos como receber ou enviar dinheiro com segurança, quais tarifas esperar e como evitar golpes.'],
  },
  'diaspora-welcome': {
    codes: ['diaspora-networks', 'information-orientation'], cost: 'free', schedule: 'weekend', application: 'walk-in', populations: [],
    name: ['Red de bienvenida para connacionales', 'Welcome network for fellow nationals', 'Réseau d’accueil pour les compatriotes', 'Rezo akèy pou konpatriyòt', 'Rede de acolhida para compatriotas'],
    description: ['Voluntarias y voluntarios de la comunidad reciben a quienes acaban de llegar, les orientan sobre vivienda, trabajo y escuela, y les presentan a la red.', 'Community volunteers welcome newcomers, advise them on housing, work and school, and introduce them to the network.', 'Des bénévoles de la communauté accueillent les nouveaux arrivants, les conseillent sur le logement, le travail et l’école et les présentent au réseau.', 'Volontè nan kominote a resevwa moun ki fèk rive, ba yo konsèy sou lojman, travay ak lekòl epi prezante yo bay rezo a.', 'Voluntários da comunidade recebem quem acaba de chegar, orientam sobre moradia, trabalho e escola e apresentam a rede.'],
  },
  'diaspora-consular': {
    codes: ['diaspora-networks', 'documents-regularization'], cost: 'free', schedule: 'weekend', application: 'appointment', populations: [], documents: ['id'],
    name: ['Jornadas de apoyo consular comunitario', 'Community consular support days', 'Journées d’appui consulaire communautaire', 'Jounen sipò konsilè nan kominote a', 'Jornadas de apoio consular comunitário'],
    description: ['Una vez al mes ayudamos a llenar solicitudes de pasaporte, actas y poderes, y coordinamos citas con el consulado.', 'Once a month we help fill in passport, certificate and power-of-attorney applications and arrange consulate appointments.', 'Une fois par mois, nous aidons à remplir les demandes de passeport, d’actes et de procurations et organisons des rendez-vous au consulat.', 'Yon fwa pa mwa nou ede moun ranpli demann paspò, batistè ak prokirasyon, epi nou ranje randevou ak konsila a.', 'Uma vez por mês ajudamos a preencher pedidos de passaporte, certidões e procurações e agendamos atendimentos no consulado.'],
  },
  'diaspora-fund': {
    codes: ['diaspora-networks', 'return-reintegration', 'money-remittances'], cost: 'free', schedule: 'office', application: 'appointment', populations: [],
    name: ['Fondo solidario de la comunidad', 'Community solidarity fund', 'Fonds de solidarité communautaire', 'Fon solidarite kominote a', 'Fundo solidário da comunidade'],
    description: ['Ayuda económica de emergencia para familias de la comunidad: repatriación de restos, gastos médicos o retorno al país de origen.', 'Emergency financial help for community families: repatriation of remains, medical costs or return to the home country.', 'Aide financière d’urgence pour les familles de la communauté : rapatriement de dépouilles, frais médicaux ou retour au pays d’origine.', 'Èd finansye dijans pou fanmi nan kominote a: rapatriye kadav, frè medikal oswa retounen nan peyi orijin.', 'Ajuda financeira emergencial para famílias da comunidade: repatriação de restos mortais, despesas médicas ou retorno ao país de origem.'],
  },
  'diaspora-mentoring': {
    codes: ['diaspora-networks', 'employment-livelihoods', 'education'], cost: 'free', schedule: 'weekly', application: 'appointment', populations: [], documents: ['cv'],
    name: ['Mentorías laborales entre connacionales', 'Job mentoring among fellow nationals', 'Mentorat professionnel entre compatriotes', 'Mantora pou travay ant konpatriyòt', 'Mentoria profissional entre compatriotas'],
    description: ['Profesionales de la diáspora acompañan a personas recién llegadas a validar sus estudios, preparar su currículum y encontrar empleo en su oficio.', 'Diaspora professionals help newcomers get their studies recognized, prepare a résumé and find work in their trade.', 'Des professionnels de la diaspora aident les nouveaux arrivants à faire reconnaître leurs études, préparer leur CV et trouver un emploi dans leur métier.', 'Pwofesyonèl nan dyaspora a ede moun ki fèk rive fè rekonèt etid yo, prepare CV yo epi jwenn travay nan metye yo.', 'Profissionais da diáspora ajudam recém-chegados a revalidar estudos, preparar o currículo e encontrar emprego na sua área.'],
  },
  'diaspora-gatherings': {
    codes: ['diaspora-networks', 'mental-health'], cost: 'free', schedule: 'weekend', application: 'walk-in', populations: [],
    name: ['Encuentros comunitarios y culturales', 'Community and cultural gatherings', 'Rencontres communautaires et culturelles', 'Rankont kominotè ak kiltirèl', 'Encontros comunitários e culturais'],
    description: ['Convivios, música y comida de casa para sentirse acompañado, tejer redes de apoyo y no pasar solo los primeros meses.', 'Get-togethers, music and food from home to feel less alone, build support networks and not face the first months by yourself.', 'Rencontres conviviales, musique et cuisine du pays pour se sentir entouré, tisser des liens et ne pas affronter seul les premiers mois.', 'Fèt, mizik ak manje lakay pou w pa santi w poukont ou, bati rezo sipò epi pa pase premye mwa yo pou kont ou.', 'Confraternizações, música e comida de casa para se sentir acompanhado, criar redes de apoio e não enfrentar sozinho os primeiros meses.'],
  },
} as const satisfies Record<string, ServiceTemplate>;

export type TemplateKey = keyof typeof SERVICE_TEMPLATES;
