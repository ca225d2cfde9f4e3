import type { Child, FC } from 'hono/jsx';
import { REVIEW_INTERVAL_MONTHS } from '../../domain/editorial-workflow.ts';
import { formatPartialDate } from '../../domain/partial-date.ts';
import type { CurrencyItem, CurrencyList } from '../../storage/editorial-repository.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { StatusMessage, formatDate } from './components.tsx';
import { contributionAdminPath } from './contribution-page.tsx';
import { CsrfField, backOfficeBase } from './layout.tsx';

export const currencyPath = `${backOfficeBase}/aktualitaet`;

export interface CurrencyPageProps {
  session: SessionRecord;
  ended: CurrencyList;
  unreviewed: CurrencyList;
  links: CurrencyList;
  confirmed: boolean;
}

const ConfirmButton: FC<{ session: SessionRecord; item: CurrencyItem }> = ({ session, item }) => (
  <form method="post" action={`${currencyPath}/geprueft`}>
    <CsrfField session={session} />
    <input type="hidden" name="id" value={item.id} />
    <button type="submit" class="button-secondary">
      Geprüft, aktuell<span class="visually-hidden">: „{item.title}“</span>
    </button>
  </form>
);

const Section: FC<{ id: string; title: string; intro: string; list: CurrencyList; caption: string; head: string[]; row: (item: CurrencyItem) => Child }> = (props) => (
  <section aria-labelledby={props.id}>
    <h2 id={props.id}>
      {props.title} ({props.list.total.toLocaleString('de-DE')})
    </h2>
    <p>{props.intro}</p>
    {props.list.total === 0 ? (
      <p>Keine Beiträge.</p>
    ) : (
      <>
        <div class="table-scroll">
          <table>
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col">Beitrag</th>
                {props.head.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.list.items.map((item) => (
                <tr>
                  <th scope="row">
                    <a href={contributionAdminPath(item.id)}>{item.title}</a>
                  </th>
                  {props.row(item)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {props.list.total > props.list.items.length ? (
          <p>
            Angezeigt werden die ersten {props.list.items.length} von {props.list.total.toLocaleString('de-DE')} Beiträgen.
          </p>
        ) : null}
      </>
    )}
  </section>
);

export const CurrencyPage: FC<CurrencyPageProps> = ({ session, ended, unreviewed, links, confirmed }) => {
  const checked = (item: CurrencyItem) => (item.reviewedAt ? formatDate(item.reviewedAt) : 'noch nie');
  return (
    <>
      <h1>Aktualität</h1>
      <p>Veröffentlichte Beiträge, die eine Prüfung brauchen. „Geprüft, aktuell“ vermerkt, dass Sie den Beitrag durchgesehen haben; er verschwindet dann aus den ersten beiden Listen.</p>
      {confirmed ? <StatusMessage>Vermerkt: Der Beitrag wurde als geprüft und aktuell markiert.</StatusMessage> : null}
      <Section
        id="laufzeit-beendet"
        title="Laufzeit beendet"
        intro="Die Laufzeit ist vorbei, aber seitdem hat niemand den Beitrag geprüft. Liest er sich noch wie ein laufendes Vorhaben (z. B. Teilnahme möglich)?"
        caption="Beiträge mit beendeter Laufzeit, früheste zuerst"
        list={ended}
        head={['Laufzeit endete', 'Zuletzt geprüft', 'Aktion']}
        row={(item) => (
          <>
            <td>{item.periodEnd ? formatPartialDate(item.periodEnd) : '–'}</td>
            <td>{checked(item)}</td>
            <td>
              <ConfirmButton session={session} item={item} />
            </td>
          </>
        )}
      />
      <Section
        id="lange-nicht-geprueft"
        title={`Seit ${REVIEW_INTERVAL_MONTHS} Monaten nicht geprüft`}
        intro={`Seit der Veröffentlichung oder der letzten Prüfung sind mehr als ${REVIEW_INTERVAL_MONTHS} Monate vergangen.`}
        caption="Beiträge ohne Prüfung, am längsten ungeprüfte zuerst"
        list={unreviewed}
        head={['Veröffentlicht', 'Zuletzt geprüft', 'Aktion']}
        row={(item) => (
          <>
            <td>{item.publishedAt ? formatDate(item.publishedAt) : '–'}</td>
            <td>{checked(item)}</td>
            <td>
              <ConfirmButton session={session} item={item} />
            </td>
          </>
        )}
      />
      <Section
        id="links"
        title="Platzhalter oder defekte Links"
        intro="Links ohne Ziel (in der Quelle nur als Platzhalter vorhanden) oder als defekt gemeldete Links. Sie verschwinden, sobald die Links im Beitrag berichtigt sind."
        caption="Beiträge mit Linkproblemen, nach Titel"
        list={links}
        head={['Platzhalter', 'Defekt']}
        row={(item) => (
          <>
            <td>{item.placeholderLinks}</td>
            <td>{item.brokenLinks}</td>
          </>
        )}
      />
    </>
  );
};
