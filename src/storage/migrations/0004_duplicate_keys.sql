-- Likely duplicates (issue 5): titles and sponsor names compared case-, umlaut-, accent- and
-- whitespace-insensitively. One SQL function, so the indexes and the query use the same key.
-- lower() only folds ASCII in the C locale, so capital umlauts and accents are mapped first.
CREATE FUNCTION duplicate_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$
  SELECT regexp_replace(
    translate(
      replace(replace(replace(replace(
        lower(translate(value, 'ÄÖÜÀÁÂÃÅÈÉÊËÌÍÎÏÒÓÔÕÙÚÛÇÑ', 'äöüàáâãåèéêëìíîïòóôõùúûçñ')),
        'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
      'àáâãåèéêëìíîïòóôõùúûçñ', 'aaaaaeeeeiiiioooouuucn'),
    '[^a-z0-9]+', '', 'g')
$$;

-- Candidates are preselected by the first 20 characters of the title key and by the sponsor key.
CREATE INDEX contributions_title_key_idx ON contributions (left(duplicate_key(title), 20));
CREATE INDEX contributions_sponsor_key_idx ON contributions (duplicate_key(content #>> '{sponsor,name}'));
