// Parameters of the printed pages.
import { Type, type Static } from 'typebox';
import { CategoryCode, IdParams } from '../../http/common-schema.js';

export const PrintParams = Type.Object({ locale: Type.String(), cc: Type.String({ maxLength: 8 }) });

export const PrintQuery = Type.Object({
  city: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'City name, case- and accent-insensitive.' }),
  ),
  category: Type.Optional(CategoryCode),
  page: Type.Integer({ minimum: 1, maximum: 1000, default: 1, description: 'Part of the directory, from 1.' }),
});
export type PrintQuery = Static<typeof PrintQuery>;

export const CardParams = Type.Object({ locale: Type.String(), ...IdParams.properties });
