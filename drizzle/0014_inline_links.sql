CREATE TABLE `links` (
	`article_id` text NOT NULL,
	`url_key` text NOT NULL,
	PRIMARY KEY(`article_id`, `url_key`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `links_url_key_idx` ON `links` (`url_key`);--> statement-breakpoint
ALTER TABLE `articles` ADD `link_key` text;--> statement-breakpoint
CREATE INDEX `articles_link_key_idx` ON `articles` (`link_key`);--> statement-breakpoint
-- Link keys (src/model/link-key.ts) of the articles stored before this migration: the key of each
-- source URL, computed as the code does on URLs as the parsers store them (WHATWG-serialized):
-- the fragment, the scheme and trailing slashes of the path dropped, a bare `?` dropped.
UPDATE `articles` SET `link_key` = (
  SELECT rtrim(p, '/') || CASE WHEN q = '?' THEN '' ELSE q END FROM (
    SELECT CASE WHEN instr(s, '?') > 0 THEN substr(s, 1, instr(s, '?') - 1) ELSE s END AS p,
           CASE WHEN instr(s, '?') > 0 THEN substr(s, instr(s, '?')) ELSE '' END AS q
    FROM (SELECT substr(f, instr(f, '//')) AS s FROM (
      SELECT CASE WHEN instr(`source_url`, '#') > 0
        THEN substr(`source_url`, 1, instr(`source_url`, '#') - 1) ELSE `source_url` END AS f))))
WHERE lower(`source_url`) GLOB 'http://*' OR lower(`source_url`) GLOB 'https://*';
--> statement-breakpoint
-- The targets of the links in their text (the hrefs of the runs in `blocks.data`), each once:
-- absolute http(s) URLs as above, and the `/articles/<slug>` pages of this site (query, fragment
-- and trailing slashes dropped). Lists had no runs before this migration.
INSERT OR IGNORE INTO `links` (`article_id`, `url_key`)
SELECT `article_id`, `key` FROM (
  SELECT `article_id`,
    CASE WHEN h GLOB '/*' THEN
      CASE WHEN lp GLOB '/articles/?*' AND instr(substr(lp, 11), '/') = 0 THEN lp END
    ELSE rtrim(p, '/') || CASE WHEN q = '?' THEN '' ELSE q END END AS `key`
  FROM (
    SELECT `article_id`, h,
      rtrim(CASE WHEN instr(f, '?') > 0 THEN substr(f, 1, instr(f, '?') - 1) ELSE f END, '/') AS lp,
      CASE WHEN instr(s, '?') > 0 THEN substr(s, 1, instr(s, '?') - 1) ELSE s END AS p,
      CASE WHEN instr(s, '?') > 0 THEN substr(s, instr(s, '?')) ELSE '' END AS q
    FROM (
      SELECT `article_id`, h, f, substr(f, instr(f, '//')) AS s FROM (
        SELECT `article_id`, h,
          CASE WHEN instr(h, '#') > 0 THEN substr(h, 1, instr(h, '#') - 1) ELSE h END AS f
        FROM (
          SELECT b.`article_id`, json_extract(j.value, '$.href') AS h
          FROM `blocks` b, json_each(b.`data`, '$.spans') j
          WHERE b.`data` IS NOT NULL)
        WHERE h GLOB '/*' OR lower(h) GLOB 'http://*' OR lower(h) GLOB 'https://*'))))
WHERE `key` IS NOT NULL;
