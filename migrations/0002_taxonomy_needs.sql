-- The 14 top-level needs of the 'rumbo-needs' taxonomy, in five locales (es, en, fr, ht, pt).
-- The ids are fixed so that every deployment, export and API client sees the same term ids.

INSERT INTO taxonomy_terms (id, code, parent_id, taxonomy, position, name, description) VALUES
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000001', 'information-orientation', NULL, 'rumbo-needs', 1,
  '{"es": "Información y orientación", "en": "Information and orientation", "fr": "Information et orientation", "ht": "Enfòmasyon ak oryantasyon", "pt": "Informação e orientação"}',
  '{"es": "Dónde informarse sobre rutas seguras, trámites, derechos y servicios disponibles.", "en": "Where to get reliable information on safe routes, procedures, rights and available services.", "fr": "Où obtenir des informations fiables sur les trajets sûrs, les démarches, les droits et les services disponibles.", "ht": "Kote pou jwenn bon enfòmasyon sou wout ki san danje, demach, dwa ak sèvis ki disponib.", "pt": "Onde obter informações confiáveis sobre rotas seguras, trâmites, direitos e serviços disponíveis."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000002', 'legal-aid-asylum', NULL, 'rumbo-needs', 2,
  '{"es": "Asesoría legal y asilo", "en": "Legal aid and asylum", "fr": "Aide juridique et asile", "ht": "Èd legal ak azil", "pt": "Assistência jurídica e asilo"}',
  '{"es": "Asesoría y representación legal gratuita o de bajo costo, incluida la solicitud de asilo o refugio.", "en": "Free or low-cost legal advice and representation, including asylum and refugee claims.", "fr": "Conseil et représentation juridiques gratuits ou à faible coût, y compris les demandes d''asile.", "ht": "Konsèy ak reprezantasyon legal gratis oswa pa chè, tankou pou mande azil.", "pt": "Orientação e representação jurídica gratuita ou de baixo custo, inclusive pedidos de asilo e refúgio."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000003', 'documents-regularization', NULL, 'rumbo-needs', 3,
  '{"es": "Documentos y regularización", "en": "Documents and regularization", "fr": "Documents et régularisation", "ht": "Dokiman ak regilarizasyon", "pt": "Documentos e regularização"}',
  '{"es": "Ayuda para obtener, renovar o regularizar documentos de identidad y de estancia migratoria.", "en": "Help to obtain, renew or regularize identity and immigration status documents.", "fr": "Aide pour obtenir, renouveler ou régulariser les papiers d''identité et de séjour.", "ht": "Èd pou jwenn, renouvle oswa regilarize papye idantite ak papye rezidans.", "pt": "Ajuda para obter, renovar ou regularizar documentos de identidade e de situação migratória."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000004', 'shelter', NULL, 'rumbo-needs', 4,
  '{"es": "Albergue", "en": "Shelter", "fr": "Hébergement", "ht": "Lojman", "pt": "Abrigo"}',
  '{"es": "Albergues y alojamiento temporal seguro para personas y familias en movimiento.", "en": "Shelters and safe temporary accommodation for people and families on the move.", "fr": "Refuges et hébergement temporaire sûr pour les personnes et les familles en déplacement.", "ht": "Abri ak lojman tanporè ki an sekirite pou moun ak fanmi k ap deplase.", "pt": "Abrigos e alojamento temporário seguro para pessoas e famílias em deslocamento."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000005', 'food', NULL, 'rumbo-needs', 5,
  '{"es": "Alimentación", "en": "Food", "fr": "Alimentation", "ht": "Manje", "pt": "Alimentação"}',
  '{"es": "Comedores, despensas y entrega de alimentos y agua.", "en": "Soup kitchens, food pantries and distribution of food and water.", "fr": "Cantines, banques alimentaires et distribution de nourriture et d''eau.", "ht": "Kantin, depo manje ak distribisyon manje ak dlo.", "pt": "Refeitórios, cestas básicas e distribuição de alimentos e água."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000006', 'health', NULL, 'rumbo-needs', 6,
  '{"es": "Salud", "en": "Health", "fr": "Santé", "ht": "Sante", "pt": "Saúde"}',
  '{"es": "Atención médica, primeros auxilios, vacunación y salud sexual y reproductiva.", "en": "Medical care, first aid, vaccination, and sexual and reproductive health.", "fr": "Soins médicaux, premiers secours, vaccination et santé sexuelle et reproductive.", "ht": "Swen medikal, premye swen, vaksinasyon ak sante seksyèl ak repwodiktif.", "pt": "Atendimento médico, primeiros socorros, vacinação e saúde sexual e reprodutiva."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000007', 'mental-health', NULL, 'rumbo-needs', 7,
  '{"es": "Salud mental y apoyo psicosocial", "en": "Mental health and psychosocial support", "fr": "Santé mentale et soutien psychosocial", "ht": "Sante mantal ak sipò sikososyal", "pt": "Saúde mental e apoio psicossocial"}',
  '{"es": "Escucha, apoyo psicológico y acompañamiento psicosocial, en persona o a distancia.", "en": "Listening, psychological support and psychosocial care, in person or remotely.", "fr": "Écoute, soutien psychologique et accompagnement psychosocial, en personne ou à distance.", "ht": "Koute, sipò sikolojik ak akonpayman sikososyal, an pèsòn oswa a distans.", "pt": "Escuta, apoio psicológico e acompanhamento psicossocial, presencial ou a distância."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000008', 'employment-livelihoods', NULL, 'rumbo-needs', 8,
  '{"es": "Empleo y medios de vida", "en": "Employment and livelihoods", "fr": "Emploi et moyens de subsistance", "ht": "Travay ak mwayen pou viv", "pt": "Emprego e meios de vida"}',
  '{"es": "Orientación laboral, vinculación con empleadores, capacitación y emprendimiento.", "en": "Job guidance, connection with employers, training and support for small businesses.", "fr": "Orientation professionnelle, mise en relation avec des employeurs, formation et entrepreneuriat.", "ht": "Oryantasyon pou travay, koneksyon ak patwon, fòmasyon ak sipò pou ti biznis.", "pt": "Orientação profissional, conexão com empregadores, capacitação e empreendedorismo."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000009', 'education', NULL, 'rumbo-needs', 9,
  '{"es": "Educación", "en": "Education", "fr": "Éducation", "ht": "Edikasyon", "pt": "Educação"}',
  '{"es": "Inscripción escolar, clases de idiomas y reconocimiento de estudios.", "en": "School enrolment, language classes and recognition of studies.", "fr": "Inscription scolaire, cours de langue et reconnaissance des études.", "ht": "Enskripsyon lekòl, kou lang ak rekonesans etid.", "pt": "Matrícula escolar, aulas de idiomas e revalidação de estudos."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000010', 'family-reunification', NULL, 'rumbo-needs', 10,
  '{"es": "Reunificación familiar y personas desaparecidas", "en": "Family reunification and missing persons", "fr": "Regroupement familial et personnes disparues", "ht": "Reyinifikasyon fanmi ak moun ki disparèt", "pt": "Reunificação familiar e pessoas desaparecidas"}',
  '{"es": "Restablecimiento del contacto familiar, búsqueda de personas desaparecidas y reunificación.", "en": "Restoring family contact, searching for missing persons and reuniting families.", "fr": "Rétablissement des liens familiaux, recherche de personnes disparues et regroupement familial.", "ht": "Rekonekte ak fanmi, chèche moun ki disparèt epi reyini fanmi yo.", "pt": "Restabelecimento do contato familiar, busca de pessoas desaparecidas e reunificação."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000011', 'return-reintegration', NULL, 'rumbo-needs', 11,
  '{"es": "Retorno y reintegración", "en": "Return and reintegration", "fr": "Retour et réintégration", "ht": "Retou ak reyentegrasyon", "pt": "Retorno e reintegração"}',
  '{"es": "Apoyo para el retorno voluntario y la reintegración en el país de origen.", "en": "Support for voluntary return and reintegration in the country of origin.", "fr": "Soutien au retour volontaire et à la réintégration dans le pays d''origine.", "ht": "Sipò pou retou volontè ak reyentegrasyon nan peyi orijin.", "pt": "Apoio ao retorno voluntário e à reintegração no país de origem."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000012', 'protection', NULL, 'rumbo-needs', 12,
  '{"es": "Protección contra la trata y la violencia", "en": "Protection from trafficking and violence", "fr": "Protection contre la traite et la violence", "ht": "Pwoteksyon kont trafik moun ak vyolans", "pt": "Proteção contra o tráfico e a violência"}',
  '{"es": "Atención y protección a sobrevivientes de trata, violencia de género y otras violencias.", "en": "Care and protection for survivors of trafficking, gender-based violence and other violence.", "fr": "Prise en charge et protection des victimes de la traite, des violences basées sur le genre et d''autres violences.", "ht": "Swen ak pwoteksyon pou viktim trafik moun, vyolans sou baz sèks ak lòt vyolans.", "pt": "Atendimento e proteção a sobreviventes de tráfico, violência de gênero e outras violências."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000013', 'money-remittances', NULL, 'rumbo-needs', 13,
  '{"es": "Dinero y remesas", "en": "Money and remittances", "fr": "Argent et transferts de fonds", "ht": "Lajan ak transfè lajan", "pt": "Dinheiro e remessas"}',
  '{"es": "Envío y recepción de remesas, cuentas bancarias y educación financiera.", "en": "Sending and receiving remittances, bank accounts and financial education.", "fr": "Envoi et réception de fonds, comptes bancaires et éducation financière.", "ht": "Voye ak resevwa lajan, kont labank ak edikasyon finansye.", "pt": "Envio e recebimento de remessas, contas bancárias e educação financeira."}'
),
(
  '8c0f2a61-3d4e-4b7a-9e10-5a1c00000014', 'diaspora-networks', NULL, 'rumbo-needs', 14,
  '{"es": "Redes de la diáspora", "en": "Diaspora networks", "fr": "Réseaux de la diaspora", "ht": "Rezo dyaspora", "pt": "Redes da diáspora"}',
  '{"es": "Organizaciones de la diáspora que apoyan a sus connacionales en el país donde viven.", "en": "Diaspora organizations supporting fellow nationals in the country where they live.", "fr": "Organisations de la diaspora qui soutiennent leurs compatriotes dans le pays où ils vivent.", "ht": "Òganizasyon dyaspora ki sipòte konpatriyòt yo nan peyi kote yo rete a.", "pt": "Organizações da diáspora que apoiam seus compatriotas no país onde vivem."}'
);
