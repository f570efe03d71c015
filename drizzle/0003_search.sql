-- Full-text search over headline, body, authors and tags. A plain (not external-content) FTS5
-- table: the body lives in `blocks` rows, so the index keeps its own copy of the text, which
-- snippet() and highlight() need. Rows are written in the same batch as the article they index.
CREATE VIRTUAL TABLE `article_search` USING fts5(
	`article_id` UNINDEXED,
	`headline`,
	`body`,
	`authors`,
	`tags`,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
