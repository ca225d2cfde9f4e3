import { resolve } from 'node:path';
import type { DatabaseConfig } from '../storage/database.ts';
import { contributorUri, defaultLicenceKey, defaultOpenDataSettings, findLicence, openDataLicences, type OpenDataSettings } from './exports/settings.ts';

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Public base URL for canonical links, sitemaps and feeds. */
  siteUrl: string;
  mail: { smtpUrl: string | null; from: string; editorsAddress: string | null };
  /** API requests per minute: per client address without a token, per token with one (0 = unlimited). */
  apiRateLimits: { anonymousPerMinute: number; tokenPerMinute: number };
  /** Publisher, licence and contact of the open data (/daten and its DCAT-AP.de description). */
  openData: OpenDataSettings;
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} muss eine ganze Zahl ≥ 0 sein, nicht „${raw}“`);
  return value;
}

/** Reads configuration from the environment; see README "Konfiguration / Configuration". */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? '0.0.0.0';
  const database: DatabaseConfig = env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL }
    : { dataDir: resolve(env.BAUKASTEN_DATA_DIR ?? 'var/data') };
  const siteUrl = (env.SITE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const mail = {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.MAIL_FROM?.trim() || 'Nachhaltigkeitsbaukasten <no-reply@localhost>',
    // Where new submissions are announced; without it, editors see them in the review queue only.
    editorsAddress: env.EDITORS_EMAIL?.trim() || null,
  };
  const apiRateLimits = {
    anonymousPerMinute: nonNegativeInteger(env, 'API_RATE_LIMIT_ANONYMOUS', 300),
    tokenPerMinute: nonNegativeInteger(env, 'API_RATE_LIMIT_TOKEN', 3000),
  };
  return { port, host, database, siteUrl, mail, apiRateLimits, openData: openDataSettings(env, mail.editorsAddress) };
}

function openDataSettings(env: NodeJS.ProcessEnv, editorsAddress: string | null): OpenDataSettings {
  const licenceSetting = env.OPEN_DATA_LICENSE?.trim() || defaultLicenceKey;
  const licence = findLicence(licenceSetting);
  if (!licence) {
    throw new Error(`OPEN_DATA_LICENSE must be one of ${Object.keys(openDataLicences).join(', ')} (or its http://dcat-ap.de/def/licenses/ URI), got "${licenceSetting}"`);
  }
  const contributor = env.OPEN_DATA_CONTRIBUTOR_ID?.trim();
  return {
    title: env.OPEN_DATA_TITLE?.trim() || defaultOpenDataSettings.title,
    publisherName: env.OPEN_DATA_PUBLISHER?.trim() || defaultOpenDataSettings.publisherName,
    // Assigned by GovData on registration: without one, the description leaves it out rather than invent one.
    contributorId: contributor ? contributorUri(contributor) : null,
    contactEmail: env.OPEN_DATA_CONTACT_EMAIL?.trim() || editorsAddress,
    licence,
  };
}

export function describeDatabase(config: DatabaseConfig): string {
  if ('databaseUrl' in config) {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL ${url.host}${url.pathname}`;
  }
  if ('dataDir' in config) return `PGlite (eingebettet) in ${config.dataDir}`;
  return 'PGlite (im Arbeitsspeicher)';
}
