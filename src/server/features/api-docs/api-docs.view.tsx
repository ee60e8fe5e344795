import { Layout, type PageContext } from '../../ui/layout.view.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number; default?: unknown };
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
}
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

function describeSchema(schema: Parameter['schema']): string {
  if (!schema) return '';
  const parts = [schema.type ?? ''];
  if (schema.enum) parts.push(`one of ${schema.enum.join(', ')}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    parts.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`);
  if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`);
  return parts.filter(Boolean).join('; ');
}

export function ApiDocsPage(props: { ctx: PageContext; spec: OpenApiDocument }) {
  const { ctx, spec } = props;
  const { t } = ctx;
  return (
    <Layout ctx={{ ...ctx, pathInLocale: '' }} title={t('apiDocs.title')}>
      <h1>{t('apiDocs.title')}</h1>
      <p>
        {t('apiDocs.intro')} <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
      <p lang="en">{spec.info.description}</p>
      {Object.entries(spec.paths).map(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => (
          <section class="endpoint">
            <h2>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            {op.summary && <p lang="en">{op.summary}</p>}
            {op.parameters && op.parameters.length > 0 && (
              <table>
                <caption>{t('apiDocs.parameters')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('apiDocs.name')}</th>
                    <th scope="col">{t('apiDocs.in')}</th>
                    <th scope="col">{t('apiDocs.required')}</th>
                    <th scope="col">{t('apiDocs.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>{p.required ? t('apiDocs.yes') : t('apiDocs.no')}</td>
                      <td lang="en">{[p.description, describeSchema(p.schema)].filter(Boolean).join(' — ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              {t('apiDocs.responses')}: {Object.keys(op.responses ?? {}).join(', ')}
            </p>
          </section>
        )),
      )}
    </Layout>
  );
}
