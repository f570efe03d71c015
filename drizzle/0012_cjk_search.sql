-- CJK search: the text of published articles written in Chinese, Japanese or Korean, as
-- overlapping character bigrams (see src/db/cjk-text.ts), beside the word index of 0003_search.
-- Only articles with CJK text have a row. Rows are written in the same batch as the article.
CREATE VIRTUAL TABLE `article_search_cjk` USING fts5(
	`article_id` UNINDEXED,
	`headline`,
	`body`,
	`authors`,
	`tags`,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- The articles indexed before: the word index holds exactly the published, live ones. Each CJK
-- character c becomes ' c ' or ' cn ' (n the next character, when CJK), as cjkIndexText does;
-- the ranges are CJK_RANGES. Only rows with a CJK character are read character by character.
INSERT INTO `article_search_cjk` (`article_id`, `headline`, `body`, `authors`, `tags`)
WITH RECURSIVE
	`ranges` (`lo`, `hi`) AS (VALUES
		(4352, 4607), (12293, 12295), (12353, 12438), (12445, 12447), (12449, 12538),
		(12540, 12543), (12593, 12686), (12784, 12799), (13312, 19903), (19968, 40959),
		(44032, 55203), (63744, 64255), (65382, 65439), (131072, 201551)),
	`source` AS (
		SELECT * FROM (
			SELECT `rowid` AS `r`, `article_id`, `headline`, `body`, `authors`, `tags`,
				`headline` || `body` || `authors` || `tags` AS `text`
			FROM `article_search`)
		-- One range a pattern: D1 allows patterns of 50 bytes at most.
		WHERE `text` GLOB '*[ᄀ-ᇿ]*' OR `text` GLOB '*[々-〇]*' OR `text` GLOB '*[ぁ-ゖ]*' OR `text` GLOB '*[ゝ-ゟ]*'
			OR `text` GLOB '*[ァ-ヺ]*' OR `text` GLOB '*[ー-ヿ]*' OR `text` GLOB '*[ㄱ-ㆎ]*' OR `text` GLOB '*[ㇰ-ㇿ]*'
			OR `text` GLOB '*[㐀-䶿]*' OR `text` GLOB '*[一-鿿]*' OR `text` GLOB '*[가-힣]*' OR `text` GLOB '*[豈-﫿]*'
			OR `text` GLOB '*[ｦ-ﾟ]*' OR `text` GLOB '*[𠀀-𱍏]*'),
	`columns` (`r`, `k`, `t`) AS (
		SELECT `r`, 0, `headline` FROM `source` UNION ALL
		-- The first CJK_BODY_CHARS characters (src/db/search-index.ts): a row stays under 2 MB.
		SELECT `r`, 1, substr(`body`, 1, 120000) FROM `source` UNION ALL
		SELECT `r`, 2, `authors` FROM `source` UNION ALL
		SELECT `r`, 3, `tags` FROM `source`),
	`positions` (`i`) AS (
		SELECT 1 UNION ALL
		SELECT `i` + 1 FROM `positions` WHERE `i` < (SELECT max(length(`t`)) FROM `columns`)),
	`chars` AS (
		SELECT `r`, `k`, `i`, substr(`t`, `i`, 1) AS `c`, substr(`t`, `i` + 1, 1) AS `n`
		FROM `columns` JOIN `positions` ON `i` <= length(`t`)),
	`pieces` AS (
		SELECT `r`, `k`, `i`,
			CASE WHEN EXISTS (SELECT 1 FROM `ranges` WHERE unicode(`c`) BETWEEN `lo` AND `hi`)
			THEN ' ' || `c` || CASE WHEN EXISTS (
				SELECT 1 FROM `ranges` WHERE unicode(`n`) BETWEEN `lo` AND `hi`) THEN `n` ELSE '' END || ' '
			ELSE `c` END AS `piece`
		FROM `chars`),
	-- Grouped from rows in order (not group_concat(… ORDER BY …), which needs SQLite 3.44).
	`texts` AS (
		SELECT `r`, `k`, group_concat(`piece`, '') AS `text`
		FROM (SELECT * FROM `pieces` ORDER BY `r`, `k`, `i`) GROUP BY `r`, `k`)
SELECT `article_id`,
	coalesce((SELECT `text` FROM `texts` WHERE `texts`.`r` = `source`.`r` AND `k` = 0), ''),
	coalesce((SELECT `text` FROM `texts` WHERE `texts`.`r` = `source`.`r` AND `k` = 1), ''),
	coalesce((SELECT `text` FROM `texts` WHERE `texts`.`r` = `source`.`r` AND `k` = 2), ''),
	coalesce((SELECT `text` FROM `texts` WHERE `texts`.`r` = `source`.`r` AND `k` = 3), '')
FROM `source` ORDER BY `r`;
