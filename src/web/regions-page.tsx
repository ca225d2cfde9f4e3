import type { FC } from 'hono/jsx';
import { regions, regionTypeLabels, type TaxonomyNames } from '../domain/taxonomy.ts';
import type { FacetValue } from '../search/types.ts';

const countLabel = (n: number) => (n === 1 ? '1 Beitrag' : `${n.toLocaleString('de-DE')} Beiträge`);

const RegionItem: FC<{ id: string; name: string; count: number; suffix?: string }> = ({ id, name, count, suffix }) => (
  <li>
    {count > 0 ? <a href={`/suche?region=${encodeURIComponent(id)}`}>{name}</a> : name}
    {suffix ? ` (${suffix})` : ''}
    {`: ${count > 0 ? countLabel(count) : 'noch keine Beiträge'}`}
  </li>
);

/**
 * Contributions per Landkreis and kreisfreie Stadt as a list grouped by Regierungsbezirk.
 * Counts come from the region facet of an empty search, so they include everything inside a region.
 */
export const RegionsPage: FC<{ facet: FacetValue[]; names: TaxonomyNames }> = ({ facet, names }) => {
  const counts = new Map(facet.map((v) => [v.value, v.count]));
  const name = (id: string, fallback: string) => names.regions.get(id) ?? fallback;
  const hessenCount = counts.get('hessen') ?? 0;
  return (
    <>
      <h1>Beiträge nach Regionen</h1>
      <p class="lead">
        Wie viele Beiträge es in jedem Landkreis und jeder kreisfreien Stadt Hessens gibt, geordnet nach Regierungsbezirken. Ein Klick auf eine Region
        zeigt ihre Beiträge in der Suche.
      </p>
      <p class="meta">
        Eine Karte zeigen wir hier bewusst nicht: Kreisgrenzen Hessens mit einer passenden offenen Lizenz stehen nicht als Softwarepaket zur Verfügung.
        Dafür müsste das Projekt eigene Geodaten (GeoJSON) mit Quellenangabe mitliefern. Die Liste enthält dieselben Informationen und ist mit jedem
        Hilfsmittel lesbar.
      </p>
      <h2>Ganz Hessen</h2>
      <ul class="region-list">
        <RegionItem id="hessen" name="Hessenweite Beiträge" count={hessenCount} />
      </ul>
      {regions
        .filter((rb) => rb.type === 'regierungsbezirk')
        .map((rb) => {
          const rbCount = counts.get(rb.id) ?? 0;
          return (
            <section aria-labelledby={`${rb.id}-titel`}>
              <h2 id={`${rb.id}-titel`}>{name(rb.id, rb.name)}</h2>
              <p>
                {rbCount > 0 ? (
                  <a href={`/suche?region=${encodeURIComponent(rb.id)}`}>{`Alle Beiträge im ${name(rb.id, rb.name)}`}</a>
                ) : (
                  `Im ${name(rb.id, rb.name)} gibt es noch keine Beiträge.`
                )}
                {rbCount > 0 ? ` (${countLabel(rbCount)})` : ''}
              </p>
              <ul class="region-list">
                {regions
                  .filter((r) => r.parent === rb.id)
                  .sort((a, b) => name(a.id, a.name).localeCompare(name(b.id, b.name), 'de'))
                  .map((r) => (
                    <RegionItem id={r.id} name={name(r.id, r.name)} count={counts.get(r.id) ?? 0} suffix={r.type === 'kreisfreie-stadt' ? regionTypeLabels[r.type] : undefined} />
                  ))}
              </ul>
            </section>
          );
        })}
    </>
  );
};
