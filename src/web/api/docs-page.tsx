import type { FC } from 'hono/jsx';
import { problemTypes, type ProblemType } from './problem.ts';

/* The API's documentation page, rendered on the server from the OpenAPI document (no scripts). */

type JsonObject = Record<string, unknown>;
const asObject = (value: unknown): JsonObject => (value && typeof value === 'object' ? (value as JsonObject) : {});

/** A short German description of a JSON Schema's type: "Text", "Liste von Contribution", "eins von: a, b". */
function typeOf(schema: JsonObject): string {
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/components/schemas/', '');
  if (Array.isArray(schema.enum)) return `eins von: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.const !== undefined) return `genau ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    return ((schema.anyOf ?? schema.oneOf) as unknown[]).map((s) => typeOf(asObject(s))).join(' oder ');
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  const names: Record<string, string> = { string: 'Text', integer: 'ganze Zahl', number: 'Zahl', boolean: 'Wahrheitswert', null: 'null', object: 'Objekt', array: 'Liste' };
  return (
    types
      .map((t) => {
        if (t === 'array') return `Liste von ${typeOf(asObject(schema.items))}`;
        if (t === 'string' && typeof schema.format === 'string') return `Text (${schema.format})`;
        return names[t] ?? t;
      })
      .join(' oder ') || 'beliebig'
  );
}

const SchemaTable: FC<{ schema: JsonObject }> = ({ schema }) => {
  const properties = Object.entries(asObject(schema.properties));
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  if (properties.length === 0) return <p>Typ: {typeOf(schema)}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Feld</th>
          <th scope="col">Typ</th>
          <th scope="col">Bedeutung</th>
        </tr>
      </thead>
      <tbody>
        {properties.map(([name, value]) => {
          const property = asObject(value);
          return (
            <tr>
              <th scope="row">
                <code>{name}</code>
                {required.has(name) ? '' : ' (optional)'}
              </th>
              <td>{typeOf(property)}</td>
              <td>{typeof property.description === 'string' ? property.description : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

const methods = ['get', 'post', 'patch'] as const;

export const ApiDocsPage: FC<{ document: JsonObject }> = ({ document }) => {
  const info = asObject(document.info);
  const base = String(asObject(asObject(document.servers)[0]).url ?? '');
  // One entry per operation: [path, method, operation object].
  const endpoints = Object.entries(asObject(document.paths)).flatMap(([path, item]) =>
    methods.filter((method) => asObject(item)[method]).map((method) => ({ path, method: method.toUpperCase(), operation: asObject(asObject(item)[method]) })),
  );
  const schemas = Object.entries(asObject(asObject(document.components).schemas));
  return (
    <article class="content-page api-docs">
      <h1>Offene-Daten-Schnittstelle (API)</h1>
      <p>{String(info.description ?? '')}</p>
      <p>
        Maschinenlesbare Beschreibung (OpenAPI {String(document.openapi)}): <a href={`${base}/openapi.json`}>{`${base}/openapi.json`}</a>
      </p>
      <nav aria-labelledby="api-inhalt">
        <h2 id="api-inhalt">Inhalt</h2>
        <ul>
          {endpoints.map(({ path, method, operation }) => (
            <li>
              <a href={`#${String(operation.operationId)}`}>{String(operation.summary)}</a>: <code>{`${method} ${base}${path}`}</code>
            </li>
          ))}
          <li>
            <a href="#fehler">Fehler</a>
          </li>
          <li>
            <a href="#schemas">Datenformate</a>
          </li>
        </ul>
      </nav>
      <h2>Endpunkte</h2>
      {endpoints.map(({ path, method, operation }) => {
        const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map(asObject).filter((p) => typeof p.name === 'string');
        const responses = Object.entries(asObject(operation.responses));
        const scopes = (Array.isArray(operation.security) ? operation.security : []).flatMap((requirement) => (asObject(requirement).bearerAuth as string[] | undefined) ?? []);
        const requestBody = asObject(operation.requestBody);
        const bodyTypes = Object.entries(asObject(requestBody.content));
        return (
          <section aria-labelledby={String(operation.operationId)}>
            <h3 id={String(operation.operationId)}>
              {String(operation.summary)}: <code>{`${method} ${base}${path}`}</code>
            </h3>
            <p>{String(operation.description ?? '')}</p>
            {scopes.length > 0 ? (
              <p>
                Zugangsschlüssel mit der Berechtigung <code>{scopes.join(', ')}</code>
                {method === 'GET' ? ' (optional)' : ' (Pflicht)'}: <code>Authorization: Bearer bk_…</code>
              </p>
            ) : null}
            {bodyTypes.length > 0 ? (
              <p>
                Anfrageinhalt: {String(requestBody.description ?? '')} Arten:{' '}
                {bodyTypes.map(([mediaType, media], i) => {
                  const ref = String(asObject(asObject(media).schema).$ref ?? '').replace('#/components/schemas/', '');
                  return (
                    <>
                      {i > 0 ? ', ' : ''}
                      <code>{mediaType}</code>
                      {ref ? (
                        <>
                          {' '}
                          (<a href={`#schema-${ref}`}>{ref}</a>)
                        </>
                      ) : null}
                    </>
                  );
                })}
                .
              </p>
            ) : null}
            {parameters.length > 0 ? (
              <table>
                <caption>Parameter</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Ort</th>
                    <th scope="col">Typ</th>
                    <th scope="col">Bedeutung</th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((p) => (
                    <tr>
                      <th scope="row">
                        <code>{String(p.name)}</code>
                        {p.required ? ' (Pflicht)' : ''}
                      </th>
                      <td>{p.in === 'path' ? 'Pfad' : p.in === 'header' ? 'Kopfzeile' : 'Abfrage'}</td>
                      <td>{typeOf(asObject(p.schema))}</td>
                      <td>{String(p.description ?? '')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Keine Parameter.</p>
            )}
            <h4>Antworten</h4>
            <dl class="facts">
              {responses.map(([status, response]) => {
                const content = asObject(asObject(response).content);
                const [mediaType, media] = Object.entries(content)[0] ?? [];
                const schema = asObject(asObject(media).schema);
                const refs = (Array.isArray(schema.anyOf) ? schema.anyOf.map(asObject) : [schema]).map((s) => String(s.$ref ?? '').replace('#/components/schemas/', ''));
                return (
                  <>
                    <dt>{status}</dt>
                    <dd>
                      {String(asObject(response).description ?? '')}
                      {mediaType ? (
                        <>
                          {' '}
                          – <code>{mediaType}</code>,{' '}
                          {refs.map((ref, i) => (
                            <>
                              {i > 0 ? ' oder ' : ''}
                              <a href={`#schema-${ref}`}>{ref}</a>
                            </>
                          ))}
                        </>
                      ) : null}
                    </dd>
                  </>
                );
              })}
            </dl>
          </section>
        );
      })}
      <h2 id="fehler">Fehler</h2>
      <p>
        Fehler kommen als <code>application/problem+json</code> (RFC 9457) mit <code>type</code>, <code>title</code>, <code>status</code>,{' '}
        <code>detail</code> und <code>instance</code>; bei ungültigen Parametern nennt <code>errors</code> jeden einzelnen.
      </p>
      <dl class="facts">
        {(Object.keys(problemTypes) as ProblemType[]).map((type) => (
          <>
            <dt id={`problem-${type}`}>
              {problemTypes[type].status} <code>{type}</code>
            </dt>
            <dd>{problemTypes[type].title}</dd>
          </>
        ))}
      </dl>
      <h2 id="schemas">Datenformate</h2>
      {schemas.map(([name, schema]) => (
        <section aria-labelledby={`schema-${name}`}>
          <h3 id={`schema-${name}`}>{name}</h3>
          {typeof asObject(schema).description === 'string' ? <p>{String(asObject(schema).description)}</p> : null}
          <SchemaTable schema={asObject(schema)} />
        </section>
      ))}
    </article>
  );
};
