-- Information hubs' periodic aggregate reports, in the shape of DHIS2 aggregate data so they can be exchanged with
-- it (docs/decisions/013-hub-reports.md). Metadata (categories, options, combinations, data elements, the data set
-- and its validation rules) is data: the rows below, with fixed DHIS2-style UIDs (11 characters, a letter first).
-- Names are jsonb keyed by locale, as everywhere else. No person is ever recorded: only counts.

CREATE TABLE report_categories (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL
);

CREATE TABLE report_category_options (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  category_id text NOT NULL REFERENCES report_categories (id),
  name jsonb NOT NULL,
  sort_order integer NOT NULL
);

CREATE TABLE report_category_combos (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  -- The categories crossed, in order ('{}' for DHIS2's default combination).
  category_ids text[] NOT NULL
);

-- One row per cell of a combination: the options it crosses (one per category).
CREATE TABLE report_category_option_combos (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  category_combo_id text NOT NULL REFERENCES report_category_combos (id),
  option_ids text[] NOT NULL,
  sort_order integer NOT NULL
);
CREATE INDEX report_coc_combo ON report_category_option_combos (category_combo_id, sort_order);

CREATE TABLE report_data_elements (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  category_combo_id text NOT NULL REFERENCES report_category_combos (id),
  value_type text NOT NULL DEFAULT 'INTEGER_ZERO_OR_POSITIVE' CHECK (value_type IN ('INTEGER_ZERO_OR_POSITIVE')),
  -- HXL hashtag of the element's total column in exports (attributes per option come from the options' codes).
  hxl_tag text NOT NULL,
  sort_order integer NOT NULL
);

CREATE TABLE report_data_sets (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  period_type text NOT NULL CHECK (period_type IN ('Monthly')),
  data_element_ids text[] NOT NULL
);

-- Validation rules as data: left operator right, where a side is the sum of a data element over the listed
-- option combos (all of them when `coc_ids` is absent). Blocking rules stop a submission; warnings ask for a look.
CREATE TABLE report_validation_rules (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  data_set_id text NOT NULL REFERENCES report_data_sets (id),
  name jsonb NOT NULL,
  left_side jsonb NOT NULL,
  operator text NOT NULL CHECK (operator IN ('==', '<=', '>=')),
  right_side jsonb NOT NULL,
  importance text NOT NULL DEFAULT 'blocking' CHECK (importance IN ('blocking', 'warning')),
  sort_order integer NOT NULL
);

-- Organisation units: region (1) → country (2, ISO3 code) → first-level admin area (3) → hub (4, a directory location).
CREATE TABLE report_org_units (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  code text NOT NULL UNIQUE,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent_id text REFERENCES report_org_units (id),
  name jsonb NOT NULL,
  country_code char(2) CHECK (country_code ~ '^[A-Z]{2}$'),
  iso3 char(3) CHECK (iso3 ~ '^[A-Z]{3}$'),
  location_id uuid UNIQUE REFERENCES locations (id) ON DELETE SET NULL,
  -- '/root/country/admin1/hub' of ids, for subtree queries.
  path text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 1) = (parent_id IS NULL)),
  CHECK (level = 1 OR country_code IS NOT NULL)
);
CREATE INDEX report_org_units_country ON report_org_units (country_code, level);

-- A hub's report for one period of a data set: its status and who moved it.
CREATE TABLE hub_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  data_set_id text NOT NULL REFERENCES report_data_sets (id),
  org_unit_id text NOT NULL REFERENCES report_org_units (id),
  -- DHIS2 monthly period, e.g. '202103'.
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(0[1-9]|1[0-2])$'),
  country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  -- The moderator's words when returned; kept until the next decision.
  review_comment text CHECK (length(review_comment) <= 2000),
  -- The reporter looked again at values flagged as unusual and confirmed them.
  outliers_confirmed boolean NOT NULL DEFAULT false,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_at timestamptz,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  unlocked_by uuid REFERENCES users (id) ON DELETE SET NULL,
  unlocked_at timestamptz,
  -- Optimistic concurrency: a form posts the version it was rendered from.
  version integer NOT NULL DEFAULT 1,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (data_set_id, org_unit_id, period)
);
CREATE INDEX hub_reports_queue ON hub_reports (status, country_code, period);
CREATE INDEX hub_reports_period ON hub_reports (period, status);

-- Data values: data element × period × org unit × option combo → value, with who and when.
CREATE TABLE report_data_values (
  report_id uuid NOT NULL REFERENCES hub_reports (id) ON DELETE CASCADE,
  data_element_id text NOT NULL REFERENCES report_data_elements (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(0[1-9]|1[0-2])$'),
  org_unit_id text NOT NULL REFERENCES report_org_units (id),
  category_option_combo_id text NOT NULL REFERENCES report_category_option_combos (id),
  value integer NOT NULL CHECK (value >= 0),
  stored_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_unit_id, period, data_element_id, category_option_combo_id)
);
CREATE INDEX report_data_values_report ON report_data_values (report_id);
CREATE INDEX report_data_values_period ON report_data_values (period, data_element_id);

-- Approved values summed per country and month, kept in step with approvals (in the same transaction), so
-- dashboards read thousands of rows instead of millions. `hubs` counts the hubs behind each sum.
CREATE TABLE report_rollups (
  period text NOT NULL,
  country_code char(2) NOT NULL,
  data_element_id text NOT NULL REFERENCES report_data_elements (id),
  category_option_combo_id text NOT NULL REFERENCES report_category_option_combos (id),
  value bigint NOT NULL,
  hubs integer NOT NULL,
  PRIMARY KEY (period, country_code, data_element_id, category_option_combo_id)
);
CREATE INDEX report_rollups_country ON report_rollups (country_code, period);

-- ---- Metadata ----------------------------------------------------------------------------------------------
INSERT INTO report_categories (id, code, name) VALUES
  ('GLevLNI9wkl', 'default', '{"es":"por defecto","en":"default","fr":"par défaut","ht":"pa defo","pt":"padrão"}'),
  ('RbCatSex001', 'SEX', '{"es":"Sexo","en":"Sex","fr":"Sexe","ht":"Sèks","pt":"Sexo"}'),
  ('RbCatAge001', 'AGE', '{"es":"Grupo de edad","en":"Age group","fr":"Tranche d’âge","ht":"Gwoup laj","pt":"Faixa etária"}'),
  ('RbCatNat001', 'NATIONALITY', '{"es":"Nacionalidad","en":"Nationality","fr":"Nationalité","ht":"Nasyonalite","pt":"Nacionalidade"}'),
  ('RbCatSvc001', 'SERVICE_TYPE', '{"es":"Tipo de servicio","en":"Type of service","fr":"Type de service","ht":"Kalite sèvis","pt":"Tipo de serviço"}'),
  ('RbCatRef001', 'REFERRAL_DESTINATION', '{"es":"Destino de la canalización","en":"Referral destination","fr":"Destination de l’orientation","ht":"Kote yo voye moun nan","pt":"Destino do encaminhamento"}');

INSERT INTO report_category_options (id, code, category_id, name, sort_order) VALUES
  ('xYerKDKCefk', 'default', 'GLevLNI9wkl', '{"es":"por defecto","en":"default","fr":"par défaut","ht":"pa defo","pt":"padrão"}', 1),
  ('RbOptSexF01', 'FEMALE', 'RbCatSex001', '{"es":"Mujeres","en":"Female","fr":"Femmes","ht":"Fanm","pt":"Mulheres"}', 1),
  ('RbOptSexM01', 'MALE', 'RbCatSex001', '{"es":"Hombres","en":"Male","fr":"Hommes","ht":"Gason","pt":"Homens"}', 2),
  ('RbOptSexO01', 'SEX_OTHER_UNKNOWN', 'RbCatSex001', '{"es":"Otro o no indicado","en":"Other or not stated","fr":"Autre ou non indiqué","ht":"Lòt oswa pa di","pt":"Outro ou não informado"}', 3),
  ('RbOptAge017', 'AGE_0_17', 'RbCatAge001', '{"es":"0 a 17 años","en":"0–17 years","fr":"0 à 17 ans","ht":"0 a 17 an","pt":"0 a 17 anos"}', 1),
  ('RbOptAge185', 'AGE_18_59', 'RbCatAge001', '{"es":"18 a 59 años","en":"18–59 years","fr":"18 à 59 ans","ht":"18 a 59 an","pt":"18 a 59 anos"}', 2),
  ('RbOptAge60p', 'AGE_60_PLUS', 'RbCatAge001', '{"es":"60 años o más","en":"60 years or older","fr":"60 ans ou plus","ht":"60 an oswa plis","pt":"60 anos ou mais"}', 3),
  ('RbOptNatVEN', 'NAT_VEN', 'RbCatNat001', '{"es":"Venezuela","en":"Venezuela","fr":"Venezuela","ht":"Venezyela","pt":"Venezuela"}', 1),
  ('RbOptNatHND', 'NAT_HND', 'RbCatNat001', '{"es":"Honduras","en":"Honduras","fr":"Honduras","ht":"Onduras","pt":"Honduras"}', 2),
  ('RbOptNatGTM', 'NAT_GTM', 'RbCatNat001', '{"es":"Guatemala","en":"Guatemala","fr":"Guatemala","ht":"Gwatemala","pt":"Guatemala"}', 3),
  ('RbOptNatSLV', 'NAT_SLV', 'RbCatNat001', '{"es":"El Salvador","en":"El Salvador","fr":"Salvador","ht":"Salvadò","pt":"El Salvador"}', 4),
  ('RbOptNatNIC', 'NAT_NIC', 'RbCatNat001', '{"es":"Nicaragua","en":"Nicaragua","fr":"Nicaragua","ht":"Nikaragwa","pt":"Nicarágua"}', 5),
  ('RbOptNatHTI', 'NAT_HTI', 'RbCatNat001', '{"es":"Haití","en":"Haiti","fr":"Haïti","ht":"Ayiti","pt":"Haiti"}', 6),
  ('RbOptNatCUB', 'NAT_CUB', 'RbCatNat001', '{"es":"Cuba","en":"Cuba","fr":"Cuba","ht":"Kiba","pt":"Cuba"}', 7),
  ('RbOptNatCOL', 'NAT_COL', 'RbCatNat001', '{"es":"Colombia","en":"Colombia","fr":"Colombie","ht":"Kolonbi","pt":"Colômbia"}', 8),
  ('RbOptNatECU', 'NAT_ECU', 'RbCatNat001', '{"es":"Ecuador","en":"Ecuador","fr":"Équateur","ht":"Ekwatè","pt":"Equador"}', 9),
  ('RbOptNatMEX', 'NAT_MEX', 'RbCatNat001', '{"es":"México","en":"Mexico","fr":"Mexique","ht":"Meksik","pt":"México"}', 10),
  ('RbOptNatOTH', 'NAT_OTHER', 'RbCatNat001', '{"es":"Otra nacionalidad","en":"Other nationality","fr":"Autre nationalité","ht":"Lòt nasyonalite","pt":"Outra nacionalidade"}', 11),
  ('RbOptNatUNK', 'NAT_UNKNOWN', 'RbCatNat001', '{"es":"No indicada","en":"Not stated","fr":"Non indiquée","ht":"Pa di","pt":"Não informada"}', 12),
  ('RbOptSvcInf', 'SVC_INFORMATION', 'RbCatSvc001', '{"es":"Información","en":"Information","fr":"Information","ht":"Enfòmasyon","pt":"Informação"}', 1),
  ('RbOptSvcOri', 'SVC_ORIENTATION', 'RbCatSvc001', '{"es":"Orientación","en":"Orientation","fr":"Orientation","ht":"Oryantasyon","pt":"Orientação"}', 2),
  ('RbOptSvcRef', 'SVC_REFERRAL', 'RbCatSvc001', '{"es":"Canalización","en":"Referral","fr":"Orientation vers un service","ht":"Referans","pt":"Encaminhamento"}', 3),
  ('RbOptSvcDoc', 'SVC_DOCUMENTS', 'RbCatSvc001', '{"es":"Documentos","en":"Documents","fr":"Documents","ht":"Dokiman","pt":"Documentos"}', 4),
  ('RbOptSvcPfa', 'SVC_PSYCHOSOCIAL_FIRST_AID', 'RbCatSvc001', '{"es":"Primeros auxilios psicológicos","en":"Psychosocial first aid","fr":"Premiers secours psychologiques","ht":"Premye swen sikolojik","pt":"Primeiros cuidados psicológicos"}', 5),
  ('RbOptSvcCon', 'SVC_CONNECTIVITY', 'RbCatSvc001', '{"es":"Conectividad","en":"Connectivity","fr":"Connectivité","ht":"Koneksyon","pt":"Conectividade"}', 6),
  ('RbOptRefHea', 'REF_HEALTH', 'RbCatRef001', '{"es":"Salud","en":"Health","fr":"Santé","ht":"Sante","pt":"Saúde"}', 1),
  ('RbOptRefLeg', 'REF_LEGAL', 'RbCatRef001', '{"es":"Asesoría legal","en":"Legal aid","fr":"Aide juridique","ht":"Èd legal","pt":"Assistência jurídica"}', 2),
  ('RbOptRefShe', 'REF_SHELTER', 'RbCatRef001', '{"es":"Albergue","en":"Shelter","fr":"Hébergement","ht":"Abri","pt":"Abrigo"}', 3),
  ('RbOptRefPro', 'REF_PROTECTION', 'RbCatRef001', '{"es":"Protección","en":"Protection","fr":"Protection","ht":"Pwoteksyon","pt":"Proteção"}', 4),
  ('RbOptRefFoo', 'REF_FOOD', 'RbCatRef001', '{"es":"Alimentación","en":"Food","fr":"Alimentation","ht":"Manje","pt":"Alimentação"}', 5),
  ('RbOptRefEdu', 'REF_EDUCATION', 'RbCatRef001', '{"es":"Educación","en":"Education","fr":"Éducation","ht":"Edikasyon","pt":"Educação"}', 6),
  ('RbOptRefEmp', 'REF_EMPLOYMENT', 'RbCatRef001', '{"es":"Empleo","en":"Employment","fr":"Emploi","ht":"Travay","pt":"Emprego"}', 7),
  ('RbOptRefOth', 'REF_OTHER', 'RbCatRef001', '{"es":"Otro","en":"Other","fr":"Autre","ht":"Lòt","pt":"Outro"}', 8);

-- DHIS2's own default combination and its single cell keep their well-known UIDs, so exchanged values match.
INSERT INTO report_category_combos (id, code, name, category_ids) VALUES
  ('bjDvmb4bfuf', 'default', '{"es":"por defecto","en":"default","fr":"par défaut","ht":"pa defo","pt":"padrão"}', '{}'),
  ('RbCcSex0001', 'SEX', '{"es":"Sexo","en":"Sex","fr":"Sexe","ht":"Sèks","pt":"Sexo"}', '{RbCatSex001}'),
  ('RbCcAge0001', 'AGE', '{"es":"Grupo de edad","en":"Age group","fr":"Tranche d’âge","ht":"Gwoup laj","pt":"Faixa etária"}', '{RbCatAge001}'),
  ('RbCcNat0001', 'NATIONALITY', '{"es":"Nacionalidad","en":"Nationality","fr":"Nationalité","ht":"Nasyonalite","pt":"Nacionalidade"}', '{RbCatNat001}'),
  ('RbCcSvc0001', 'SERVICE_TYPE', '{"es":"Tipo de servicio","en":"Type of service","fr":"Type de service","ht":"Kalite sèvis","pt":"Tipo de serviço"}', '{RbCatSvc001}'),
  ('RbCcRef0001', 'REFERRAL_DESTINATION', '{"es":"Destino de la canalización","en":"Referral destination","fr":"Destination de l’orientation","ht":"Kote yo voye moun nan","pt":"Destino do encaminhamento"}', '{RbCatRef001}');

INSERT INTO report_category_option_combos (id, code, category_combo_id, option_ids, sort_order)
  SELECT 'HllvX50cXC0', 'default', 'bjDvmb4bfuf', '{xYerKDKCefk}', 1;
-- Single-category combinations: one cell per option; the cell's UID is the option's with 'Opt' turned into 'Coc'.
INSERT INTO report_category_option_combos (id, code, category_combo_id, option_ids, sort_order)
  SELECT replace(o.id, 'RbOpt', 'RbCoc'), o.code, c.id, ARRAY[o.id], o.sort_order
  FROM report_category_options o JOIN report_category_combos c ON c.category_ids = ARRAY[o.category_id]
  WHERE o.category_id <> 'GLevLNI9wkl';

INSERT INTO report_data_elements (id, code, name, description, category_combo_id, hxl_tag, sort_order) VALUES
  ('RbDePplTot1', 'PEOPLE_ASSISTED',
   '{"es":"Personas atendidas","en":"People assisted","fr":"Personnes accompagnées","ht":"Moun yo ede","pt":"Pessoas atendidas"}',
   '{"es":"Cada persona atendida en el mes se cuenta una vez.","en":"Each person assisted in the month is counted once.","fr":"Chaque personne accompagnée dans le mois est comptée une fois.","ht":"Chak moun yo ede nan mwa a konte yon sèl fwa.","pt":"Cada pessoa atendida no mês é contada uma vez."}',
   'bjDvmb4bfuf', '#reached+ind', 1),
  ('RbDePplSex1', 'PEOPLE_ASSISTED_BY_SEX',
   '{"es":"Personas atendidas por sexo","en":"People assisted by sex","fr":"Personnes accompagnées par sexe","ht":"Moun yo ede selon sèks","pt":"Pessoas atendidas por sexo"}',
   '{"es":"La suma debe ser igual al total de personas atendidas.","en":"Must add up to the total of people assisted.","fr":"La somme doit être égale au total des personnes accompagnées.","ht":"Total la dwe egal ak kantite moun yo ede.","pt":"A soma deve ser igual ao total de pessoas atendidas."}',
   'RbCcSex0001', '#reached+ind', 2),
  ('RbDePplAge1', 'PEOPLE_ASSISTED_BY_AGE',
   '{"es":"Personas atendidas por edad","en":"People assisted by age","fr":"Personnes accompagnées par âge","ht":"Moun yo ede selon laj","pt":"Pessoas atendidas por idade"}',
   '{"es":"La suma debe ser igual al total de personas atendidas.","en":"Must add up to the total of people assisted.","fr":"La somme doit être égale au total des personnes accompagnées.","ht":"Total la dwe egal ak kantite moun yo ede.","pt":"A soma deve ser igual ao total de pessoas atendidas."}',
   'RbCcAge0001', '#reached+ind', 3),
  ('RbDePplNat1', 'PEOPLE_ASSISTED_BY_NATIONALITY',
   '{"es":"Personas atendidas por nacionalidad","en":"People assisted by nationality","fr":"Personnes accompagnées par nationalité","ht":"Moun yo ede selon nasyonalite","pt":"Pessoas atendidas por nacionalidade"}',
   '{"es":"No puede superar el total de personas atendidas.","en":"Cannot exceed the total of people assisted.","fr":"Ne peut pas dépasser le total des personnes accompagnées.","ht":"Pa ka depase kantite moun yo ede.","pt":"Não pode ultrapassar o total de pessoas atendidas."}',
   'RbCcNat0001', '#reached+ind', 4),
  ('RbDeSvcPrv1', 'SERVICES_PROVIDED',
   '{"es":"Servicios prestados por tipo","en":"Services provided by type","fr":"Services rendus par type","ht":"Sèvis yo bay selon kalite","pt":"Serviços prestados por tipo"}',
   '{"es":"Una persona puede recibir varios servicios.","en":"One person may receive several services.","fr":"Une personne peut recevoir plusieurs services.","ht":"Yon moun ka resevwa plizyè sèvis.","pt":"Uma pessoa pode receber vários serviços."}',
   'RbCcSvc0001', '#output+services', 5),
  ('RbDeRefDst1', 'REFERRALS',
   '{"es":"Canalizaciones por destino","en":"Referrals by destination","fr":"Orientations par destination","ht":"Referans selon kote","pt":"Encaminhamentos por destino"}',
   '{"es":"Personas canalizadas a otro servicio, por tipo de servicio.","en":"People referred to another service, by kind of service.","fr":"Personnes orientées vers un autre service, par type de service.","ht":"Moun yo voye bay yon lòt sèvis, selon kalite sèvis.","pt":"Pessoas encaminhadas a outro serviço, por tipo de serviço."}',
   'RbCcRef0001', '#output+referrals', 6);

INSERT INTO report_data_sets (id, code, name, period_type, data_element_ids) VALUES
  ('RbDsHubMon1', 'HUB_MONTHLY',
   '{"es":"Informe mensual del centro de información","en":"Information hub monthly report","fr":"Rapport mensuel du centre d’information","ht":"Rapò chak mwa sant enfòmasyon an","pt":"Relatório mensal do centro de informação"}',
   'Monthly', '{RbDePplTot1,RbDePplSex1,RbDePplAge1,RbDePplNat1,RbDeSvcPrv1,RbDeRefDst1}');

INSERT INTO report_validation_rules (id, code, data_set_id, name, left_side, operator, right_side, importance, sort_order) VALUES
  ('RbVrSexSum1', 'SEX_SUM_EQUALS_TOTAL', 'RbDsHubMon1',
   '{"es":"La suma por sexo debe ser igual al total de personas atendidas","en":"The breakdown by sex must add up to the total of people assisted","fr":"La répartition par sexe doit être égale au total des personnes accompagnées","ht":"Total selon sèks la dwe egal ak kantite moun yo ede","pt":"A soma por sexo deve ser igual ao total de pessoas atendidas"}',
   '{"dataElement":"RbDePplSex1"}', '==', '{"dataElement":"RbDePplTot1"}', 'blocking', 1),
  ('RbVrAgeSum1', 'AGE_SUM_EQUALS_TOTAL', 'RbDsHubMon1',
   '{"es":"La suma por edad debe ser igual al total de personas atendidas","en":"The breakdown by age must add up to the total of people assisted","fr":"La répartition par âge doit être égale au total des personnes accompagnées","ht":"Total selon laj la dwe egal ak kantite moun yo ede","pt":"A soma por idade deve ser igual ao total de pessoas atendidas"}',
   '{"dataElement":"RbDePplAge1"}', '==', '{"dataElement":"RbDePplTot1"}', 'blocking', 2),
  ('RbVrNatMax1', 'NATIONALITY_NOT_ABOVE_TOTAL', 'RbDsHubMon1',
   '{"es":"La suma por nacionalidad no puede superar el total de personas atendidas","en":"The breakdown by nationality cannot exceed the total of people assisted","fr":"La répartition par nationalité ne peut pas dépasser le total des personnes accompagnées","ht":"Total selon nasyonalite pa ka depase kantite moun yo ede","pt":"A soma por nacionalidade não pode ultrapassar o total de pessoas atendidas"}',
   '{"dataElement":"RbDePplNat1"}', '<=', '{"dataElement":"RbDePplTot1"}', 'blocking', 3),
  ('RbVrRefSvc1', 'REFERRALS_NOT_ABOVE_REFERRAL_SERVICES', 'RbDsHubMon1',
   '{"es":"Las canalizaciones por destino no deberían superar los servicios de canalización","en":"Referrals by destination should not exceed referral services","fr":"Les orientations par destination ne devraient pas dépasser les services d’orientation","ht":"Referans selon kote pa ta dwe depase sèvis referans yo","pt":"Os encaminhamentos por destino não deveriam ultrapassar os serviços de encaminhamento"}',
   '{"dataElement":"RbDeRefDst1"}', '<=', '{"dataElement":"RbDeSvcPrv1","cocIds":["RbCocSvcRef"]}', 'warning', 4);

-- The region at the top of the tree; countries, admin areas and hubs are added as hubs are registered.
INSERT INTO report_org_units (id, code, level, parent_id, name, path) VALUES
  ('RbOuRegion1', 'REGION', 1, NULL,
   '{"es":"Mesoamérica y el Caribe","en":"Mesoamerica and the Caribbean","fr":"Mésoamérique et Caraïbes","ht":"Mezoamerik ak Karayib","pt":"Mesoamérica e Caribe"}',
   '/RbOuRegion1');
